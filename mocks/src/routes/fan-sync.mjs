import { FANS_SYNC } from '../jobs/fans-sync.mjs';
import { activeJobOfAccount, findSyncRun } from '../repositories/fan-sync.mjs';
import { conflict } from '../lib/problems.mjs';

/** /api/wechat/accounts/{appid}/fans/sync: "Sync WeChat fans" (start or resume; where it stands). */
export default async function fanSyncRoutes(fastify, { suite }) {
  const path = '/api/wechat/accounts/:appid/fans/sync';

  fastify.get(path, async (request) => {
    const { appid } = request.params;
    const run = findSyncRun(suite.db, appid);
    const active = activeJobOfAccount(suite.db, appid, FANS_SYNC);
    return {
      activeJobId: active?.created_by === request.user.id ? active.id : null,
      run: run
        ? {
            status: run.status,
            resumable: run.status !== 'succeeded',
            done: run.done,
            total: run.total,
            pages: run.pages,
            counts: { created: 0, updated: 0, unchanged: 0, unsubscribed: 0, ...run.counts },
            startedAt: run.started_at,
            updatedAt: run.updated_at,
          }
        : null,
    };
  });

  fastify.post(path, async (request, reply) => {
    const { appid } = request.params;
    // One sync per account: a second start joins the running one.
    const active = activeJobOfAccount(suite.db, appid, FANS_SYNC);
    if (active && active.created_by !== request.user.id) {
      throw conflict(`A sync of ${appid} started by another user is running.`);
    }
    const jobId = active?.id ?? suite.jobs.start({ type: FANS_SYNC, appid, createdBy: request.user.id }).id;
    return reply.code(202).send({ jobId });
  });
}
