/** /api/events: the session's server-sent event stream (one per tab; the bus tracks them). */
export default async function eventRoutes(fastify, { suite }) {
  fastify.get('/api/events', async (request, reply) => {
    reply.hijack();
    suite.bus.connect({ sessionId: request.sessionId, user: request.user, res: reply.raw });
  });
}
