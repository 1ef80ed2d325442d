// Reads an MDX body from stdin and prints scanBody's result as JSON: the child process of
// scanBodyLimited, which stops it when a hostile body would take the parser too long.
// Arguments: the file line of the body's first line, and the file as reported.
import { scanBody } from './body.ts';

const [bodyLine, file] = process.argv.slice(2);
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
process.stdout.write(JSON.stringify(scanBody(Buffer.concat(chunks).toString('utf8'), Number(bodyLine), file ?? '')));
