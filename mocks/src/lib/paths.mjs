import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `mocks/` folder. */
export const MOCKS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `MOCK_DATA_DIR`, else `mocks/data` (git-ignored). */
export const defaultDataDir = () => resolve(process.env.MOCK_DATA_DIR || join(MOCKS_DIR, 'data'));

export const templatePath = (dataDir, scenario) => join(dataDir, `template-${scenario}.sqlite`);
export const livePath = (dataDir) => join(dataDir, 'live.sqlite');
/** Uploaded material files, named by media id (the seed's own materials are generated, not stored). */
export const materialsDir = (dataDir) => join(dataDir, 'materials');
