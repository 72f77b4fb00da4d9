import { html, raw } from '../lib/html.mjs';

/**
 * WeChat's third-party authorization page, as a phone shows it. Server-rendered HTML with
 * no script and no inline style (the suite's CSP): styles come from authorize.css.
 */

const PLATFORM = 'wechat-mfe 营销云';

function layout(title, body) {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/__mock/wechat/authorize.css">
</head>
<body>
<header class="wx-bar">
<p class="wx-brand">微信公众平台 <span lang="en">WeChat Official Accounts Platform</span></p>
<p class="wx-mock">模拟页面 <span lang="en">Mock</span></p>
</header>
${body}
</body>
</html>
`;
}

const typeLabel = (a) => `${a.type === 'service' ? '服务号' : '订阅号'} · ${a.verified ? '已认证' : '未认证'}`;

/**
 * @param {{ ticket: string, accounts: {appid: string, name: string, type: string, verified: boolean, bound: boolean}[],
 *           permissionSets: {key: string, label: string, english: string}[], selectedAppid?: string,
 *           ticked?: string[], error?: string, reauthorizing?: string }} page
 */
export function renderAuthorizePage(page) {
  const ticked = page.ticked ?? page.permissionSets.map((p) => p.key);
  const options = page.accounts.map(
    (a) => html`<option value="${a.appid}"${raw(a.appid === page.selectedAppid ? ' selected' : '')}>${a.name}（${typeLabel(a)}${a.bound ? ' · 已绑定' : ''}）</option>`,
  );
  const checkboxes = page.permissionSets.map(
    (p) => html`<li class="wx-check">
<input type="checkbox" id="perm-${p.key}" name="permissions" value="${p.key}"${raw(ticked.includes(p.key) ? ' checked' : '')}>
<label for="perm-${p.key}">${p.label} <span lang="en">${p.english}</span></label>
</li>`,
  );
  return layout(
    '公众号授权 · 微信公众平台',
    html`<main class="wx-phone">
<h1>授权给第三方平台</h1>
<p class="wx-lead"><strong>${PLATFORM}</strong> 申请管理你的公众号 <span lang="en">requests to manage your Official Account</span></p>
${page.reauthorizing ? raw(html`<p class="wx-note">重新授权 <span lang="en">Re-authorizing</span>：${page.reauthorizing}</p>`) : ''}
<figure class="wx-qr">
<img src="/__mock/wechat/authorize/qr.svg?ticket=${encodeURIComponent(page.ticket)}" width="180" height="180" alt="授权二维码 Authorization QR code">
<figcaption>公众号管理员请使用微信扫描二维码，在手机上确认授权。<span lang="en">The account administrator scans this code with WeChat and confirms below.</span></figcaption>
</figure>
${page.error ? raw(html`<p class="wx-error" role="alert">${page.error}</p>`) : ''}
<form class="wx-form" action="/__mock/wechat/authorize" method="post">
<input type="hidden" name="ticket" value="${page.ticket}">
<label class="wx-field" for="wx-account">选择公众号 <span lang="en">Official account</span></label>
<select id="wx-account" name="appid">
${raw(options.join('\n'))}
</select>
<fieldset class="wx-permissions">
<legend>授权权限集 <span lang="en">Permission sets</span></legend>
<ul>
${raw(checkboxes.join('\n'))}
</ul>
</fieldset>
<button type="submit" class="wx-primary">授权 Authorize</button>
<a class="wx-cancel" href="/settings/wechat-accounts">取消 Cancel</a>
</form>
</main>`,
  );
}

const TICKET_MESSAGES = {
  unknown: ['授权链接无效', 'This authorization link is not valid.'],
  used: ['授权链接已使用', 'This authorization link was already used.'],
  expired: ['授权链接已过期', 'This authorization link has expired.'],
};

export function renderTicketProblemPage(state) {
  const [zh, en] = TICKET_MESSAGES[state] ?? TICKET_MESSAGES.unknown;
  return layout(
    `${zh} · 微信公众平台`,
    html`<main class="wx-phone">
<h1>${zh}</h1>
<p class="wx-lead"><span lang="en">${en}</span> 请回到 ${PLATFORM} 重新发起授权。</p>
<a class="wx-cancel" href="/settings/wechat-accounts">返回 Back to WeChat accounts</a>
</main>`,
  );
}
