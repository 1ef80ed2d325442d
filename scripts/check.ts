// `npm run check`: validates content/ without building. Exit 0 when clean, 1 when not.
import module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

// Compiled modules are cached on disk (the system's temporary folder): loading the checker's
// modules takes half the time from the second run on.
module.enableCompileCache?.();
const { formatReport, validateContent } = await import('./lib/check/index.ts');

const root = path.resolve(import.meta.dirname, '..');
const contentDir = path.resolve(process.argv[2] ?? path.join(root, 'content'));
const started = performance.now();
const { problems, fileCount } = await validateContent(contentDir, path.dirname(contentDir));
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (problems.length > 0) {
  console.error(formatReport(problems));
  console.error(`（检查了 ${fileCount} 个文件，用时 ${seconds} 秒）`);
  process.exit(1);
}
console.log(`内容检查通过：${fileCount} 个文件，没有发现问题（用时 ${seconds} 秒）。`);
