// `npm run edit`: the local editor (scripts/lib/editor/). Forms generated from the content's own
// schemas, the check as you type, saving that keeps every byte it does not change. Listens on
// 127.0.0.1 only; offline, no account.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEditor } from './lib/editor/server.ts';
import { EDITOR_PORT } from '../src/site/edit-link.ts';

const USAGE = `用法：npm run edit [-- --port ${EDITOR_PORT}]
  在本机启动编辑器，在浏览器中打开它显示的地址。按 Ctrl-C 停止。`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string' },
      /** The content folder. Default: <project>/content. */
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  console.error(`参数有误：${(error as Error).message}\n\n${USAGE}`);
  process.exit(1);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = path.resolve(import.meta.dirname, '..');
const port = Number(parsed.values.port ?? EDITOR_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口“${parsed.values.port}”不对：应为 0 到 65535 之间的整数`);
  process.exit(1);
}
const contentDir = path.resolve(parsed.values.content ?? path.join(root, 'content'));
try {
  const editor = await startEditor({ contentDir, root: path.dirname(contentDir), port });
  console.log(`编辑器已启动：${editor.url}\n只在本机可以打开（127.0.0.1），不联网。按 Ctrl-C 停止。`);
  const stop = () => void editor.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') console.error(`端口 ${port} 已被占用。编辑器可能已经在运行：请打开 http://127.0.0.1:${port}/ ，或用 npm run edit -- --port 4323 换一个端口`);
  else console.error(`编辑器没有启动：${(error as Error).message}`);
  process.exit(1);
}
