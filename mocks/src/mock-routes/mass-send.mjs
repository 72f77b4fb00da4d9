import { findAccountRow } from '../repositories/accounts.mjs';
import { setAgreementSigned } from '../repositories/mass-sends.mjs';
import { notFound } from '../lib/problems.mjs';
import { APPID, bodyValidator } from './validate.mjs';

const readAgreement = bodyValidator({
  type: 'object',
  required: ['appid', 'signed'],
  properties: { appid: APPID, signed: { type: 'boolean' } },
  additionalProperties: false,
});

/**
 * /__mock/mass-send/agreement `{appid, signed}`: whether the account signed WeChat's mass-send
 * agreement in the back office. Every demo account has; `signed: false` makes sends answer 48003.
 */
export default async function mockMassSendRoutes(fastify, { suite }) {
  fastify.post('/__mock/mass-send/agreement', async (request) => {
    const { appid, signed } = readAgreement(request.body);
    if (!findAccountRow(suite.db, appid)) throw notFound(`WeChat account ${appid}`);
    setAgreementSigned(suite.db, appid, signed);
    return { appid, signed };
  });
}
