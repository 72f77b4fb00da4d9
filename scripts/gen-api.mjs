// Generates the suite API's TypeScript types from mocks/openapi.yaml (the single source of truth).
// `start`, `build` and `test` run this first; the output is git-ignored and never edited by hand.
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'mocks/openapi.yaml');
const target = path.join(root, 'projects/shared/suite-api/src/generated/schema.d.ts');

const sourceStat = fs.statSync(source);
if (fs.existsSync(target) && fs.statSync(target).mtimeMs > sourceStat.mtimeMs && !process.argv.includes('--force')) {
  console.log('gen-api: schema.d.ts is up to date');
} else {
  const ast = await openapiTS(new URL(`file://${source}`), { alphabetize: true });
  const banner = '/* GENERATED from mocks/openapi.yaml by scripts/gen-api.mjs: do not edit by hand. */\n';
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, banner + astToString(ast));
  console.log(`gen-api: wrote ${path.relative(root, target)}`);
}
