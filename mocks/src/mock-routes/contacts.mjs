import { attachContactDetails } from '../services/fans.mjs';
import { APPID, bodyValidator } from './validate.mjs';

const readBody = bodyValidator({
  type: 'object',
  required: ['appid', 'openid'],
  properties: {
    appid: APPID,
    openid: { type: 'string', minLength: 1 },
    phone: { type: 'string', pattern: '^\\+?[0-9]{5,20}$' },
    email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$' },
  },
  anyOf: [{ required: ['phone'] }, { required: ['email'] }],
  additionalProperties: false,
});

/** POST /__mock/contacts/attach: a phone or email learned for a fan, as a form would. */
export default async function mockContactRoutes(fastify, { suite }) {
  fastify.post('/__mock/contacts/attach', async (request) => attachContactDetails(suite.db, readBody(request.body)));
}
