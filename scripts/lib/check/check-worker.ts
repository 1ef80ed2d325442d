// A worker thread of `checkAll` (parallel.ts): checks its share of the files on their own and
// sends the results back, each entry's `lineOf` as a table of lines.
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { ContentFile } from './read.ts';
import type { CheckContext } from './parallel.ts';

module.enableCompileCache?.(); // see scripts/check.ts
const [{ checkOneFile }, { mapLimited, sendEntry }] = await Promise.all([import('./index.ts'), import('./parallel.ts')]);
const { files, context } = workerData as { files: ContentFile[]; context: CheckContext };
const results = await mapLimited(files, (file) => checkOneFile(file, context));
parentPort!.postMessage(results.map((r) => ({ problems: r.problems, entry: r.entry && sendEntry(r.entry) })));
