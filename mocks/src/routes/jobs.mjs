import { findJobRow, listJobRows, toJob } from '../repositories/jobs.mjs';
import { notFound } from '../lib/problems.mjs';

/** /api/jobs: the user's own jobs, so a page finds its running job after a reload. */
export default async function jobRoutes(fastify, { suite }) {
  fastify.get('/api/jobs', async (request) => ({
    items: listJobRows(suite.db, request.user.id, { active: request.query.active }).map(toJob),
  }));

  fastify.get('/api/jobs/:jobId', async (request) => {
    const row = findJobRow(suite.db, request.params.jobId);
    // Someone else's job answers like a missing one.
    if (!row || row.created_by !== request.user.id) throw notFound(`Job ${request.params.jobId}`);
    return toJob(row);
  });
}
