import { listJourneys, listSegments } from '../repositories/host.mjs';

/** /api/host: the host suite's segments and journeys, for the embedded widgets. */
export default async function hostRoutes(fastify, { suite }) {
  fastify.get('/api/host/segments', async () => ({ items: listSegments(suite.db) }));
  fastify.get('/api/host/journeys', async () => ({ items: listJourneys(suite.db) }));
}
