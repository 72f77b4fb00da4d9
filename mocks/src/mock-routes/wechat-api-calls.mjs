/**
 * GET /__mock/wechat/api-calls: the latest calls the suite made to the simulated WeChat API
 * (user/get with its next_openid, batchget with its size, errcodes), oldest first, so a test
 * can see a resumed sync continue from its last page. DELETE forgets them.
 */
export default async function wechatApiCallRoutes(fastify, { suite }) {
  fastify.get('/__mock/wechat/api-calls', async () => ({ items: suite.wechatUsers.calls() }));
  fastify.delete('/__mock/wechat/api-calls', async (request, reply) => {
    suite.wechatUsers.clearCalls();
    return reply.code(204).send();
  });
}
