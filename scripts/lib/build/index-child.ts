// Builds the search index (`writeSearchIndex`) in a process of its own (see `startSearchIndex`),
// so that Pagefind's process is in the build child's process group, not the terminal's: Ctrl-C
// reaches the build, which stops it, instead of ending Pagefind under a running index.
// Started while Astro writes the site: it makes the search copies of the pages as they appear
// (early-copies.ts), and starts Pagefind when the build says the site is complete (the message
// `INDEX_NOW`). Argument: the site's folder. Reports { pageCount } or { error } over IPC.
import childProcess, { type ChildProcess } from 'node:child_process';
import module from 'node:module';
import { exitWithParent, report } from './parent.ts';
import { INDEX_NOW, type IndexReport } from './index-process.ts';

module.enableCompileCache?.();
// The build that started this process is gone (killed outright): its index is of no use.
exitWithParent();
const siteDir = process.argv[2]!;
const complete = new Promise<void>((resolve) => process.on('message', (message) => message === INDEX_NOW && resolve()));
// Pagefind's client reports its process's end with a stack trace ("Service stopped", then the
// error); writeSearchIndex says it in one line, which the build prints.
const printError = console.error;
console.error = (...args: unknown[]) => {
  if (args[0] !== 'Service stopped') printError(...args);
};
const { NOT_SEARCHED, PAGEFIND_ENDED, writeSearchIndex } = await import('./pagefind.ts');
const { makeEarlyCopies } = await import('./early-copies.ts');
// Pagefind's client notices its process's end only when it next writes to it: ended while the
// index was being computed (out of memory, say), it would wait for an answer for ever. Its
// process, started when the index is created, is the only one this process starts: its end is
// watched here.
const pagefindEnded = new Promise<never>((_, reject) => {
  const spawn = childProcess.spawn;
  childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
    const child: ChildProcess = spawn(...args);
    child.once('exit', () => reject(new Error(PAGEFIND_ENDED)));
    return child;
  }) as typeof spawn;
});

try {
  const early = makeEarlyCopies(siteDir, NOT_SEARCHED);
  await complete;
  const made = await early.finish();
  const { pageCount } = await Promise.race([writeSearchIndex(siteDir, made), pagefindEnded]);
  await report<IndexReport>({ pageCount });
  process.exit(0);
} catch (error) {
  await report<IndexReport>({ error: (error as Error)?.message ?? String(error) });
  process.exit(1);
}
