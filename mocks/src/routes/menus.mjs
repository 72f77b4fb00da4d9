import {
  countConditionalMenus, deleteConditionalMenu, deleteDraft, deleteLiveMenus, findDraft, findLiveMenu,
  insertConditionalMenu, listConditionalMenus, saveDraft, saveLiveMenu, tagIdsOf,
} from '../repositories/menus.mjs';
import { matchRuleViolations, menuViolations, usesMiniProgram, wechatMessage } from '../rules/menus.mjs';
import { Problem, accountTypeUnsupported } from '../lib/problems.mjs';
import { assertPrecondition } from '../lib/preconditions.mjs';

/**
 * /api/wechat/accounts/{appid}/menu: the live custom menu (WeChat's menu/create, menu/get,
 * menu/delete, menu/addconditional, menu/delconditional) and the editor's server-side draft.
 * Access to `{appid}` is checked by the API guard; `request.account` is the account row.
 */
export default async function menuRoutes(fastify, { suite }) {
  const base = '/api/wechat/accounts/:appid/menu';
  const liveMenus = (appid) => {
    const live = findLiveMenu(suite.db, appid);
    return { menu: live ? { button: live.button } : null, publishedAt: live?.publishedAt ?? null, conditional: listConditionalMenus(suite.db, appid) };
  };

  fastify.get(base, async (request) => liveMenus(request.params.appid));

  fastify.put(base, async (request) => {
    const { appid } = request.params;
    assertPublishable(request.account, request.body);
    saveLiveMenu(suite.db, appid, request.body.button, suite.clock.iso());
    return liveMenus(appid);
  });

  fastify.delete(base, async (request, reply) => {
    deleteLiveMenus(suite.db, request.params.appid);
    return reply.code(204).send();
  });

  fastify.post(`${base}/conditional`, async (request, reply) => {
    const { appid } = request.params;
    if (!findLiveMenu(suite.db, appid)) throw refused([{ errcode: 65303, field: 'button' }]);
    assertPublishable(request.account, request.body);
    const ruleViolations = matchRuleViolations(request.body.matchrule, tagIdsOf(suite.db, appid));
    if (ruleViolations.length) throw refused(ruleViolations);
    // WeChat caps conditional menus per account; 20 is far above what marketers use.
    if (countConditionalMenus(suite.db, appid) >= 20) throw refused([{ errcode: 65305, field: 'matchrule' }]);
    return reply.code(201).send(insertConditionalMenu(suite.db, appid, request.body, suite.clock.iso()));
  });

  fastify.delete(`${base}/conditional/:menuid`, async (request, reply) => {
    const { appid, menuid } = request.params;
    if (!deleteConditionalMenu(suite.db, appid, menuid)) throw refused([{ errcode: 65301, field: 'menuid' }]);
    return reply.code(204).send();
  });

  const NO_DRAFT = { document: null, updatedAt: null, updatedBy: null, updatedByName: null, revision: null };
  fastify.get(`${base}/draft`, async (request) => findDraft(suite.db, request.params.appid) ?? NO_DRAFT);

  // Several people may edit one account's draft: a save or discard that names the revision it started
  // from (If-Match, or If-None-Match: * for "there was none") is refused with STALE once someone else
  // has saved in between, and nothing is written (lib/preconditions.mjs).
  const assertDraftUnchanged = (request) => {
    const current = findDraft(suite.db, request.params.appid);
    assertPrecondition(request.headers, current?.revision ?? null, {
      what: 'The menu draft',
      by: current ? (current.updatedByName ?? current.updatedBy) : null,
      at: current?.updatedAt ?? null,
    });
  };

  fastify.put(`${base}/draft`, async (request) => {
    const { appid } = request.params;
    assertDraftUnchanged(request);
    // Drafts are work in progress: WeChat's rules apply when publishing, not when saving.
    saveDraft(suite.db, appid, request.body, suite.clock.iso(), request.user.id);
    return findDraft(suite.db, appid);
  });

  fastify.delete(`${base}/draft`, async (request, reply) => {
    assertDraftUnchanged(request);
    deleteDraft(suite.db, request.params.appid);
    return reply.code(204).send();
  });
}

function assertPublishable(account, menu) {
  if (usesMiniProgram(menu) && account.verified !== 1) throw accountTypeUnsupported(account, 'Mini-program menu buttons');
  const violations = menuViolations(menu);
  if (violations.length) throw refused(violations);
}

/** WeChat answers one errcode; every offending field goes into `errors` so the editor marks them all. */
function refused(violations) {
  const message = (v) => v.errmsg ?? wechatMessage(v.errcode);
  const [first] = violations;
  return new Problem(422, `WECHAT_${first.errcode}`, `WeChat error ${first.errcode}: ${message(first)}`, {
    errors: violations.map((v) => ({ field: v.field, message: `${v.errcode} ${message(v)}` })),
  });
}
