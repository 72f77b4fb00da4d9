import { assertMaterialReferences } from '../services/material-references.mjs';
import {
  countRules, deleteRule, findRule, findSettings, insertRule, listRules, saveReplySetting, updateRule,
} from '../repositories/auto-reply.mjs';
import { RULE_LIMIT, answerText, normalizedReplies, normalizedRule, repliesErrors, ruleErrors } from '../rules/auto-reply.mjs';
import { notFound, validation } from '../lib/problems.mjs';
import { assertPrecondition } from '../lib/preconditions.mjs';

/**
 * /api/wechat/accounts/{appid}/auto-reply: on-follow reply, default reply, keyword rules and the
 * tester, for every account type. Matching order: see `rules/auto-reply.mjs`. A refusal writes nothing.
 */
export default async function autoReplyRoutes(fastify, { suite }) {
  const base = '/api/wechat/accounts/:appid/auto-reply';
  const settingsOf = (appid) => {
    const { onFollow, defaultReply } = findSettings(suite.db, appid);
    return { onFollow, defaultReply, ruleCount: countRules(suite.db, appid), ruleLimit: RULE_LIMIT };
  };
  const ruleOf = (request) => {
    const rule = findRule(suite.db, request.params.appid, request.params.ruleId);
    if (!rule) throw notFound(`Auto-reply rule ${request.params.ruleId}`);
    return rule;
  };
  const assertRule = (body, appid) => {
    const errors = ruleErrors(body);
    if (errors.length) throw validation(errors);
    assertMaterialReferences(suite.db, appid, body.replies.map((content, i) => ({ field: `replies[${i}].mediaId`, content })), suite.clock.iso());
  };

  fastify.get(base, async (request) => settingsOf(request.params.appid));

  for (const [path, which] of [['on-follow', 'onFollow'], ['default', 'defaultReply']]) {
    fastify.put(`${base}/${path}`, async (request) => {
      const { enabled, replies } = request.body;
      const current = findSettings(suite.db, request.params.appid)[which];
      assertPrecondition(request.headers, current.revision, { what: which === 'onFollow' ? 'The on-follow reply' : 'The default reply' });
      // Switched off, the replies may be empty (they are kept for later); on, at least one.
      const errors = repliesErrors(replies, 'replies', { min: enabled ? 1 : 0 });
      if (errors.length) throw validation(errors);
      assertMaterialReferences(suite.db, request.params.appid, replies.map((content, i) => ({ field: `replies[${i}].mediaId`, content })), suite.clock.iso());
      saveReplySetting(suite.db, request.params.appid, which, { enabled, replies: normalizedReplies(replies) });
      return findSettings(suite.db, request.params.appid)[which];
    });
  }

  // At most 200 rules: the whole list fits one answer, newest first.
  fastify.get(`${base}/rules`, async (request) => {
    const items = listRules(suite.db, request.params.appid);
    return { items, total: items.length, limit: RULE_LIMIT };
  });

  fastify.post(`${base}/rules`, async (request, reply) => {
    const { appid } = request.params;
    assertRule(request.body, request.params.appid);
    if (countRules(suite.db, appid) >= RULE_LIMIT) {
      throw validation([{ field: 'rules', message: `an account holds at most ${RULE_LIMIT} keyword rules` }]);
    }
    return reply.code(201).send(insertRule(suite.db, appid, normalizedRule(request.body), suite.clock.iso()));
  });

  // Someone may have saved the rule since the editor opened it: a stale If-Match is refused, nothing written.
  const unchangedSince = (request, rule) =>
    assertPrecondition(request.headers, rule.revision, { what: `The rule “${rule.name}”`, at: rule.updatedAt });

  fastify.put(`${base}/rules/:ruleId`, async (request) => {
    unchangedSince(request, ruleOf(request));
    assertRule(request.body, request.params.appid);
    return updateRule(suite.db, request.params.appid, request.params.ruleId, normalizedRule(request.body), suite.clock.iso());
  });

  fastify.delete(`${base}/rules/:ruleId`, async (request, reply) => {
    unchangedSince(request, ruleOf(request));
    deleteRule(suite.db, request.params.appid, request.params.ruleId);
    return reply.code(204).send();
  });

  fastify.post(`${base}/test`, async (request) => {
    const { appid } = request.params;
    const answer = answerText(findSettings(suite.db, appid), listRules(suite.db, appid), request.body.text);
    if (answer.source === 'none') return { source: 'none', mode: 'all', replies: [] };
    return {
      source: answer.source,
      ...(answer.rule ? { rule: { id: answer.rule.id, name: answer.rule.name }, keyword: answer.keyword } : {}),
      // `random`: WeChat sends one of `replies`, drawn per message.
      mode: answer.mode,
      replies: answer.replies,
    };
  });
}
