import { FANS_IMPORT, fansImport } from './fans-import.mjs';
import { massSendJob } from './mass-send.mjs';
import { MASS_SEND_JOB } from '../services/mass-send.mjs';

/** Every job type of the suite; later issues add theirs here. */
export function registerJobTypes(engine) {
  engine.registerJobType(FANS_IMPORT, fansImport);
  engine.registerJobType(MASS_SEND_JOB, massSendJob);
}
