// `npm start`: builds what changed (API types, shell, modules; unchanged modules are reused) and
// serves the whole product with the mock suite at http://localhost:4200 (PORT overrides).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './build/workspace.mjs';

execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
await import('./serve.mjs').then(async ({ createServer }) => {
  const port = Number(process.env.PORT ?? 4200);
  const app = await createServer();
  await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`\nwechat-mfe is running at http://localhost:${port}  (Ctrl+C stops it)`);
  const stop = () => app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
