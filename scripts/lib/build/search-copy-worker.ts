// A thread of writeSearchCopy (search-copy.ts): copies its share of the pages.
import { parentPort, workerData } from 'node:worker_threads';
import { copySearchable } from './search-copy.ts';

const { siteDir, copyDir, files } = workerData as { siteDir: string; copyDir: string; files: string[] };
parentPort!.postMessage(await copySearchable(siteDir, copyDir, files));
