import { findAccountRow } from '../repositories/accounts.mjs';
import { deleteWechatTemplate, wechatTemplateExists } from '../repositories/templates.mjs';
import { notFound } from '../lib/problems.mjs';
import { APPID, bodyValidator } from './validate.mjs';

const readRemoval = bodyValidator({
  type: 'object',
  required: ['appid', 'templateId'],
  properties: { appid: APPID, templateId: { type: 'string', minLength: 1, maxLength: 64 } },
  additionalProperties: false,
});

/**
 * /__mock/wechat/templates/remove `{appid, templateId}`: the account's administrator deleted a
 * template in WeChat's back office. The suite's copy keeps it until the next sync (which then counts
 * it removed); a send with it meanwhile is WeChat's 40037.
 */
export default async function mockTemplateRoutes(fastify, { suite }) {
  fastify.post('/__mock/wechat/templates/remove', async (request) => {
    const { appid, templateId } = readRemoval(request.body);
    if (!findAccountRow(suite.db, appid)) throw notFound(`WeChat account ${appid}`);
    if (!wechatTemplateExists(suite.db, appid, templateId)) throw notFound(`Template ${templateId} in WeChat`);
    deleteWechatTemplate(suite.db, appid, templateId);
    return { appid, templateId };
  });
}
