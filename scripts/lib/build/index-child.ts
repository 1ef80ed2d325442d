// Builds the search index (`writeSearchIndex`) in a process of its own (see `startSearchIndex`),
// so that Pagefind's process is in the build child's process group, not the terminal's: Ctrl-C
// reaches the build, which stops it, instead of ending Pagefind under a running index.
// Argument: the built site's folder. Reports { pageCount } or { error } to the parent over IPC.
import module from 'node:module';
import { exitWithParent, report } from './parent.ts';
import type { IndexReport } from './index-process.ts';

module.enableCompileCache?.();
// The build that started this process is gone (killed outright): its index is of no use.
exitWithParent();
// Pagefind's client reports its process's end with a stack trace ("Service stopped", then the
// error); writeSearchIndex says it in one line, which the build prints.
const printError = console.error;
console.error = (...args: unknown[]) => {
  if (args[0] !== 'Service stopped') printError(...args);
};
const { writeSearchIndex } = await import('./pagefind.ts');

try {
  const { pageCount } = await writeSearchIndex(process.argv[2]!);
  await report<IndexReport>({ pageCount });
  process.exit(0);
} catch (error) {
  await report<IndexReport>({ error: (error as Error)?.message ?? String(error) });
  process.exit(1);
}
