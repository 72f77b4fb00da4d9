/**
 * WeChat's custom menu rules (PRODUCT §4), as WeChat's `menu/create` and `menu/addconditional`
 * enforce them. Names, keys and urls are measured in UTF-8 bytes, so "一二三四五六" (18 bytes)
 * is too long for a top-level name although it has only 6 characters. The editor applies the same
 * limits (projects/menus/src/menu/menu-rules.ts); this file is what WeChat would answer.
 */

export const MENU_LIMITS = Object.freeze({ topLevel: 3, subButtons: 5, topName: 16, subName: 60, key: 128, url: 1024 });

/** Every button type WeChat's menu/create accepts. */
export const BUTTON_TYPES = Object.freeze([
  'click', 'view', 'miniprogram', 'media_id', 'article_id', 'article_view_limited',
  'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select',
]);

/** The types that send a `key` to the suite when clicked. */
const KEYED = new Set(['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select']);

/** WeChat's error codes: top-level and sub-button variants of each rule. */
const CODES = {
  count: [40016, 40023],
  type: [40017, 40024],
  name: [40018, 40025],
  key: [40019, 40026],
  url: [40020, 40027],
  domain: [40055, 40054],
};
const MESSAGES = {
  40016: 'invalid button size', 40023: 'invalid sub button size',
  40017: 'invalid button type', 40024: 'invalid sub button type',
  40018: 'invalid button name size', 40025: 'invalid sub button name size',
  40019: 'invalid button key size', 40026: 'invalid sub button key size',
  40020: 'invalid button url size', 40027: 'invalid sub button url size',
  40055: 'invalid button url domain', 40054: 'invalid sub button url domain',
  40007: 'invalid media_id', 40165: 'invalid weapp pagepath', 40166: 'invalid weapp appid',
  65303: 'there is no selfmenu, please create selfmenu first', 65304: 'match rule empty',
  45159: 'invalid tag id', 65301: 'no such conditional menu', 65305: 'too many conditional menus',
};

export const byteLength = (value) => Buffer.byteLength(String(value ?? ''), 'utf8');

/** Whether `value` is an absolute http(s) URL. */
export function isHttpUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Every rule a menu breaks, in document order: `{ errcode, errmsg, field }` with the field as a
 * path into WeChat's JSON (`button[1].sub_button[0].name`) so the editor can point at the button.
 * `account.verified` decides mini-program buttons (see `miniProgramRefused`).
 */
export function menuViolations(menu) {
  const violations = [];
  const add = (errcode, field) => violations.push({ errcode, errmsg: MESSAGES[errcode], field });
  const buttons = Array.isArray(menu?.button) ? menu.button : [];
  if (buttons.length === 0 || buttons.length > MENU_LIMITS.topLevel) add(40016, 'button');
  buttons.forEach((button, i) => {
    const path = `button[${i}]`;
    const subs = Array.isArray(button.sub_button) ? button.sub_button : [];
    checkName(button, path, 0, add);
    if (subs.length > MENU_LIMITS.subButtons) add(40023, `${path}.sub_button`);
    // A top-level button with sub-buttons has no action of its own: WeChat ignores its type.
    if (subs.length === 0) checkAction(button, path, 0, add);
    subs.forEach((sub, j) => {
      const subPath = `${path}.sub_button[${j}]`;
      checkName(sub, subPath, 1, add);
      if (Array.isArray(sub.sub_button) && sub.sub_button.length) add(40024, `${subPath}.sub_button`);
      checkAction(sub, subPath, 1, add);
    });
  });
  return violations;
}

function checkName(button, path, level, add) {
  const bytes = byteLength(button.name);
  if (bytes === 0 || bytes > (level ? MENU_LIMITS.subName : MENU_LIMITS.topName)) add(CODES.name[level], `${path}.name`);
}

function checkAction(button, path, level, add) {
  const type = button.type;
  if (!BUTTON_TYPES.includes(type)) return add(CODES.type[level], `${path}.type`);
  if (KEYED.has(type)) {
    const bytes = byteLength(button.key);
    if (bytes === 0 || bytes > MENU_LIMITS.key) add(CODES.key[level], `${path}.key`);
  }
  if (type === 'view' || type === 'miniprogram') {
    const bytes = byteLength(button.url);
    if (bytes === 0 || bytes > MENU_LIMITS.url) add(CODES.url[level], `${path}.url`);
    else if (!isHttpUrl(button.url)) add(CODES.domain[level], `${path}.url`);
  }
  if (type === 'miniprogram') {
    if (!/^wx[0-9a-f]{16}$/.test(button.appid ?? '')) add(40166, `${path}.appid`);
    if (!button.pagepath) add(40165, `${path}.pagepath`);
  }
  if (type === 'media_id' && !button.media_id) add(40007, `${path}.media_id`);
  if ((type === 'article_id' || type === 'article_view_limited') && !button.article_id) add(40007, `${path}.article_id`);
}

/** Whether the menu uses mini-program buttons, which unverified accounts may not publish. */
export function usesMiniProgram(menu) {
  return (menu?.button ?? []).some((b) => b.type === 'miniprogram' && !(b.sub_button?.length) ||
    (b.sub_button ?? []).some((s) => s.type === 'miniprogram'));
}

/** Rules of `menu/addconditional` on the match rule: not empty, and a known tag. */
export function matchRuleViolations(matchrule, tagIds) {
  const rule = matchrule ?? {};
  const keys = ['tag_id', 'sex', 'client_platform_type', 'language', 'country', 'province', 'city'];
  if (!keys.some((k) => rule[k] !== undefined && rule[k] !== '')) return [{ errcode: 65304, errmsg: MESSAGES[65304], field: 'matchrule' }];
  if (rule.tag_id !== undefined && rule.tag_id !== '' && !tagIds.includes(Number(rule.tag_id))) {
    return [{ errcode: 45159, errmsg: MESSAGES[45159], field: 'matchrule.tag_id' }];
  }
  return [];
}

export const wechatMessage = (errcode) => MESSAGES[errcode] ?? 'system error';
