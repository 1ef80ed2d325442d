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

/**
 * The command's options and positionals; `--help` (-h) prints `usage` and exits. Only as an
 * option: after `--` (npm run new -- case x -- -h) or as an option's value (--title -h), it is
 * the author's text.
 */
export function commandLine<O extends Options>(options: O, usage: string): ReturnType<typeof parseArgs<{ allowPositionals: true; options: O }>> {
  const args = process.argv.slice(2);
  // An option that takes a value takes the next word, whatever it is (--title -h).
  const takesValue = new Set(Object.entries(options).filter(([, o]) => o.type === 'string').flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]));
  let asked = false;
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    if (takesValue.has(args[i]!)) i++;
    else if (args[i] === '--help' || args[i] === '-h') asked = true;
  }
  if (asked) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (error) {
    // A value that begins with a dash, given apart from its option (--title -h), is ambiguous.
    const dash = (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? '\n以“-”开头的值要和选项连写，例如 --title=-某某。' : '';
    fail(`参数有误：${(error as Error).message}${dash}\n\n${usage}`);
  }
}
