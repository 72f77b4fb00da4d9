import { notFound } from '../lib/problems.mjs';

/** Unknown `/api` paths answer problem+json like every other error (after the session check). */
export default async function notFoundRoutes(fastify) {
  fastify.all('/api/*', { config: { openapi: false } }, async (request) => {
    throw notFound(`${request.method} ${request.url.split('?', 1)[0]}`);
  });
}
