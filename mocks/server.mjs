#!/usr/bin/env node
/**
 * The mock suite on its own (for `ng serve <module>` behind a proxy):
 *   node mocks/server.mjs            PORT (default 4300), HOST (default 127.0.0.1), MOCK_DATA_DIR
 */
import { buildServer } from './src/app.mjs';

const port = Number(process.env.PORT ?? 4300);
const host = process.env.HOST ?? '127.0.0.1';

const app = await buildServer({ logger: process.env.MOCK_LOG === '1' });
await app.listen({ port, host });
console.log(`wechat-mfe mock suite on http://${host}:${port} (data: ${app.mockSuite.dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await app.close();
    process.exit(0);
  });
}
