import { listBoundAccounts } from '../repositories/accounts.mjs';
import { listDepartmentRows } from '../repositories/departments.mjs';
import {
  deleteSharingRule, findSharingRule, insertSharingRule, listSharingRules, updateSharingRule,
} from '../repositories/contact-sharing.mjs';
import { duplicateRule, normalizedSharingRule, sharingRuleErrors } from '../rules/contact-sharing.mjs';
import { conflict, notFound, validation } from '../lib/problems.mjs';
import { assertPrecondition } from '../lib/preconditions.mjs';

/**
 * /api/contact-sharing/rules (admin only, per openapi.yaml): list, create, replace (also how a
 * rule is enabled or disabled) and delete. A refusal writes nothing. /api/contacts applies them.
 */
export default async function contactSharingRoutes(fastify, { suite }) {
  const base = '/api/contact-sharing/rules';
  const assertRule = (body, exceptId = null) => {
    const errors = sharingRuleErrors(body, {
      departmentIds: listDepartmentRows(suite.db).map((d) => d.id),
      boundAppids: listBoundAccounts(suite.db).map((a) => a.appid),
    });
    if (errors.length) throw validation(errors);
    const duplicate = duplicateRule(body, listSharingRules(suite.db), exceptId);
    if (duplicate) throw conflict(`Rule ${duplicate.id} (“${duplicate.name}”) already shares these accounts with these departments.`);
    return normalizedSharingRule(body);
  };
  const ruleOf = (request) => {
    const rule = findSharingRule(suite.db, request.params.ruleId);
    if (!rule) throw notFound(`Contact-sharing rule ${request.params.ruleId}`);
    return rule;
  };

  // Another administrator may have saved the rule since this one opened it: a stale If-Match is refused.
  const unchangedSince = (request, rule) =>
    assertPrecondition(request.headers, rule.revision, { what: `The contact-sharing rule “${rule.name}”`, at: rule.updatedAt });

  fastify.get(base, async () => ({ items: listSharingRules(suite.db) }));

  fastify.post(base, async (request, reply) =>
    reply.code(201).send(insertSharingRule(suite.db, assertRule(request.body), suite.clock.iso())),
  );

  fastify.put(`${base}/:ruleId`, async (request) => {
    const rule = ruleOf(request);
    unchangedSince(request, rule);
    const { id } = rule;
    return updateSharingRule(suite.db, id, assertRule(request.body, id), suite.clock.iso());
  });

  fastify.delete(`${base}/:ruleId`, async (request, reply) => {
    const rule = ruleOf(request);
    unchangedSince(request, rule);
    const { id } = rule;
    deleteSharingRule(suite.db, id);
    return reply.code(204).send();
  });
}
