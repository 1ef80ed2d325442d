// Runs the content check in a process of its own (see `checkInChild`): reading and checking a
// large handbook holds several hundred megabytes, which go back to the system when it ends
// instead of staying with the build's process while Astro and Pagefind run.
// Arguments: the content folder and the project root. Reports to the parent over IPC.
import module from 'node:module';
import type { CheckReport } from './check-process.ts';
import { exitWithParent, report } from './parent.ts';

module.enableCompileCache?.(); // see scripts/check.ts
// The build that started this process is gone (killed outright): its check is of no use.
exitWithParent();
const { formatReport, validateContent } = await import('../check/index.ts');

const [contentDir, root] = process.argv.slice(2) as [string, string];
const { problems, fileCount, entries } = await validateContent(contentDir, root);
const ids = (collection: string) => entries.filter((e) => e.collection === collection && !e.draft).map((e) => e.id);
await report<CheckReport>({ fileCount, problemCount: problems.length, report: formatReport(problems), published: { terms: ids('terms'), sources: ids('sources') } });
process.exit(0);
