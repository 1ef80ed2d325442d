// A thread of forEachSearchCopy (search-copy.ts): makes the search copies of its share of the
// pages and posts each as it is made, [position in the share, copies or undefined].
import { parentPort, workerData } from 'node:worker_threads';
import { copyEach } from './search-copy.ts';

const { siteDir, files } = workerData as { siteDir: string; files: string[] };
await copyEach(siteDir, files, (index, copies) => parentPort!.postMessage([index, copies]));
