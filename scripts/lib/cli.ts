// The command line of the authors' commands (npm run new, import, fingerprint): options parsed
// with node:util's parseArgs, a mistake ends in one Chinese message with the usage, and --help
// (-h) prints the usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Prints the message and ends the command with exit code 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The command's options and positionals; `--help` (-h) prints `usage` and exits. */
export function commandLine<O extends Options>(options: O, usage: string): ReturnType<typeof parseArgs<{ allowPositionals: true; options: O }>> {
  if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (error) {
    fail(`参数有误：${(error as Error).message}\n\n${usage}`);
  }
}
