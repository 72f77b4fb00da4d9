import { bodyValidator } from './validate.mjs';

const readBody = bodyValidator({
  type: 'object',
  properties: { scenario: { enum: ['demo', 'empty'], default: 'demo' } },
  additionalProperties: false,
});

/** POST /__mock/reset: back to a template (file copy), real time, no faults, no jobs. */
export default async function resetRoutes(fastify, { suite }) {
  fastify.post('/__mock/reset', async (request) => suite.reset(readBody(request.body).scenario));
}
