import { FANS_IMPORT, fansImport } from './fans-import.mjs';

/** Every job type of the suite; later issues add theirs here. */
export function registerJobTypes(engine) {
  engine.registerJobType(FANS_IMPORT, fansImport);
}
