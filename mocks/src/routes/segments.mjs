import { listBoundAccounts } from '../repositories/accounts.mjs';
import { evaluateSegment, menuButtons, qrCodesOf, tagsOf } from '../repositories/segment-conditions.mjs';
import { departmentAppids } from '../services/access.mjs';
import { usableAccounts } from '../rules/access.mjs';
import { appidsOf, validateSegmentDocument } from '../rules/segment-conditions.mjs';
import { forbiddenAccount, validation } from '../lib/problems.mjs';

/** The widgets' segment conditions: live counts for the editor, and the event catalogue of an account. */
export default async function segmentRoutes(fastify, { suite }) {
  const usableAppids = (user) => usableAccounts(user, listBoundAccounts(suite.db), departmentAppids(suite.db, user)).map((a) => a.appid);

  fastify.post('/api/segments/evaluate', async (request) => {
    const doc = request.body;
    const errors = validateSegmentDocument(doc);
    if (errors.length) throw validation(errors);
    const allowed = usableAppids(request.user);
    const refused = appidsOf(doc).find((appid) => !allowed.includes(appid));
    if (refused) throw forbiddenAccount(refused);
    return evaluateSegment(suite.db, doc, { appids: allowed, nowSeconds: suite.clock.nowSeconds() });
  });

  fastify.get('/api/widgets/accounts/:appid/event-catalogue', async (request) => {
    const { appid } = request.params;
    if (!usableAppids(request.user).includes(appid)) throw forbiddenAccount(appid);
    return { qrCodes: qrCodesOf(suite.db, appid), menuButtons: menuButtons(suite.db, appid), tags: tagsOf(suite.db, appid) };
  });
}
