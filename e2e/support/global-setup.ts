import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const E2E_DIR = path.resolve(__dirname, '../../tmp/e2e');

/** Builds the mock's template databases once; each worker copies them (milliseconds) into its own folder. */
export default function globalSetup(): void {
  if (!fs.existsSync(path.resolve(__dirname, '../../dist/shell/index.html'))) {
    throw new Error('e2e needs a production build: run npm run build first (npm test does).');
  }
  fs.mkdirSync(path.join(E2E_DIR, 'base'), { recursive: true });
  execFileSync(process.execPath, [path.resolve(__dirname, '../../mocks/seed/build-template.mjs')], {
    env: { ...process.env, MOCK_DATA_DIR: path.join(E2E_DIR, 'base') },
    stdio: 'inherit',
  });
}
