import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { findAccountRow, findAuthorizationByTicket } from '../repositories/accounts.mjs';
import { grantedPermissions, ticketState } from '../rules/authorization.mjs';
import { authorizeAccount } from '../services/accounts.mjs';
import { PERMISSION_KEYS, PERMISSION_SETS, SIMULATED_ACCOUNTS, findSimulatedAccount } from '../wechat/simulated-accounts.mjs';
import { renderAuthorizePage, renderTicketProblemPage } from '../wechat/authorize-page.mjs';
import { formList } from '../lib/form.mjs';
import { MOCKS_DIR } from '../lib/paths.mjs';

const STYLESHEET = readFileSync(join(MOCKS_DIR, 'public/authorize.css'), 'utf8');

/**
 * WeChat's authorization page and its callback: GET shows the page for a ticket made by
 * POST /api/wechat/authorizations; POST (the form) binds or re-authorizes the chosen account
 * and lands back on the suite's account settings with the import job's id.
 */
export default async function wechatAuthorizeRoutes(fastify, { suite }) {
  const pageAccounts = () =>
    SIMULATED_ACCOUNTS.map((a) => ({ ...a, bound: findAccountRow(suite.db, a.appid)?.bound === 1 }));

  const validTicket = (ticket) => {
    const authorization = typeof ticket === 'string' ? findAuthorizationByTicket(suite.db, ticket) : undefined;
    return { authorization, state: ticketState(authorization, suite.clock.iso()) };
  };

  const sendHtml = (reply, status, body) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

  fastify.get('/__mock/wechat/authorize.css', async (request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(STYLESHEET));

  fastify.get('/__mock/wechat/authorize', async (request, reply) => {
    const { authorization, state } = validTicket(request.query.ticket);
    if (state !== 'valid') return sendHtml(reply, state === 'unknown' ? 404 : 410, renderTicketProblemPage(state));
    const accounts = pageAccounts();
    const selected = authorization.appid ?? accounts.find((a) => !a.bound)?.appid ?? accounts[0].appid;
    return sendHtml(reply, 200, renderAuthorizePage({
      ticket: request.query.ticket,
      accounts,
      permissionSets: PERMISSION_SETS,
      selectedAppid: selected,
      reauthorizing: authorization.appid ? findSimulatedAccount(authorization.appid)?.name : undefined,
    }));
  });

  fastify.get('/__mock/wechat/authorize/qr.svg', async (request, reply) => {
    const { state } = validTicket(request.query.ticket);
    if (state === 'unknown') return reply.code(404).send();
    const target = `https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=wxmockplatform&pre_auth_code=${request.query.ticket}`;
    const svg = await QRCode.toString(target, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return reply.type('image/svg+xml').header('cache-control', 'no-store').send(svg);
  });

  fastify.post('/__mock/wechat/authorize', async (request, reply) => {
    const form = request.body ?? {};
    const { authorization, state } = validTicket(form.ticket);
    if (state !== 'valid') return sendHtml(reply, state === 'unknown' ? 400 : 410, renderTicketProblemPage(state));
    const appid = typeof form.appid === 'string' ? form.appid : '';
    const permissions = grantedPermissions(formList(form.permissions), PERMISSION_KEYS);
    const rerender = (error) =>
      sendHtml(reply, 400, renderAuthorizePage({
        ticket: form.ticket,
        accounts: pageAccounts(),
        permissionSets: PERMISSION_SETS,
        selectedAppid: appid,
        ticked: permissions,
        error,
      }));
    if (!findSimulatedAccount(appid)) return rerender('请选择要授权的公众号 Choose an Official Account.');
    if (!permissions.length) return rerender('请至少勾选一项权限 Tick at least one permission set.');
    const { job } = authorizeAccount(suite, { authorization, appid, permissions });
    return reply.redirect(`/settings/wechat-accounts?authorized=${appid}&job=${job.id}`, 303);
  });
}
