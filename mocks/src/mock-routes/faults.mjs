import { bodyValidator } from './validate.mjs';
import { fieldError } from '../lib/problems.mjs';
import { compileRoutePattern } from '../faults.mjs';

const readBody = bodyValidator({
  type: 'object',
  required: ['route'],
  properties: {
    route: { type: 'string', minLength: 1 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    latencyMs: { type: 'integer', minimum: 0, maximum: 120000 },
    times: { type: 'integer', minimum: 1, default: 1 },
    // WeChat's errcode (e.g. 45009): the simulated WeChat API refuses with it; an /api route answers 422 WECHAT_<errcode>.
    errcode: { type: 'integer', minimum: 1, maximum: 99999 },
    skip: { type: 'integer', minimum: 0, default: 0 },
  },
  anyOf: [{ required: ['status'] }, { required: ['latencyMs'] }, { required: ['errcode'] }],
  additionalProperties: false,
});

/** /__mock/faults: inject latency, an error status or a WeChat errcode into matching `/api` requests or simulated WeChat calls. */
export default async function faultRoutes(fastify, { suite }) {
  fastify.get('/__mock/faults', async () => ({ items: suite.faults.list() }));

  fastify.post('/__mock/faults', async (request, reply) => {
    const body = readBody(request.body);
    try {
      compileRoutePattern(body.route);
    } catch {
      throw fieldError('route', 'is not a valid pattern');
    }
    const { id } = suite.faults.add(body);
    return reply.code(201).send(suite.faults.list().find((f) => f.id === id));
  });

  fastify.delete('/__mock/faults', async (request, reply) => {
    suite.faults.clear();
    return reply.code(204).send();
  });
}
