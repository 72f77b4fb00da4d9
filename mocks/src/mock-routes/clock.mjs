import { parseClockValue } from '../lib/clock.mjs';
import { fieldError } from '../lib/problems.mjs';
import { bodyValidator } from './validate.mjs';

const readBody = bodyValidator({
  type: 'object',
  properties: {
    advanceSeconds: { type: 'number' },
    set: { type: ['string', 'number'] },
  },
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
});

/** /__mock/clock: read, advance or set the mock's time. */
export default async function clockRoutes(fastify, { suite }) {
  const describe = () => ({ now: suite.clock.iso(), offsetSeconds: Math.round(suite.clock.offsetMs / 1000) });

  fastify.get('/__mock/clock', async () => describe());

  fastify.post('/__mock/clock', async (request) => {
    const body = readBody(request.body);
    if (body.advanceSeconds !== undefined) suite.clock.advance(body.advanceSeconds);
    else {
      const epochMs = parseClockValue(body.set);
      if (Number.isNaN(epochMs)) throw fieldError('set', 'must be an ISO date-time or epoch seconds');
      suite.clock.set(epochMs);
    }
    return describe();
  });
}
