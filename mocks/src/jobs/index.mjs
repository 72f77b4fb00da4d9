import { FANS_IMPORT, fansImport } from './fans-import.mjs';
import { FANS_SYNC, fansSync } from './fans-sync.mjs';
import { massSendJob } from './mass-send.mjs';
import { MASS_SEND_JOB } from '../services/mass-send.mjs';
import { templateSendJob } from './template-send.mjs';
import { TEMPLATE_SEND_JOB } from '../services/templates.mjs';

/** Every job type of the suite; later issues add theirs here. */
export function registerJobTypes(engine, { wechatUsers }) {
  engine.registerJobType(FANS_IMPORT, fansImport);
  engine.registerJobType(FANS_SYNC, fansSync(wechatUsers));
  engine.registerJobType(MASS_SEND_JOB, massSendJob);
  engine.registerJobType(TEMPLATE_SEND_JOB, templateSendJob);
}
