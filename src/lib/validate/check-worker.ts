// A worker thread of `checkAll` (parallel.ts): checks its share of the files on their own and
// sends the results back, each entry's `lineOf` as a table of lines.
import { parentPort, workerData } from 'node:worker_threads';
import { checkOneFile } from './index.ts';
import { sendEntry } from './parallel.ts';
import type { ContentFile } from './read.ts';

const files = workerData as ContentFile[];
const results = await Promise.all(files.map(checkOneFile));
parentPort!.postMessage(results.map((r) => ({ problems: r.problems, entry: r.entry && sendEntry(r.entry) })));
