/**
 * The segment condition document of the widgets (docs/integrator-guide.md): validation with the
 * JSON path of every problem, and how each condition reads WeChat's data. Pure: no SQL here.
 */

export const ATTRIBUTES = ['subscribed', 'unsubscribed', 'hasOpenid', 'subscribeTime', 'subscribeScene', 'tag', 'remark'];
export const EVENTS = ['followed', 'unfollowed', 'scannedQrCode', 'clickedMenu', 'sentMessage', 'receivedMassSend', 'clickedTemplateMessage'];
export const SUBSCRIBE_SCENES = [
  'ADD_SCENE_SEARCH', 'ADD_SCENE_QR_CODE', 'ADD_SCENE_PROFILE_CARD', 'ADD_SCENE_PROFILE_LINK', 'ADD_SCENE_PROFILE_ITEM',
  'ADD_SCENE_ACCOUNT_MIGRATION', 'ADD_SCENE_WECHAT_ADVERTISEMENT', 'ADD_SCENE_CHANNELS', 'ADD_SCENE_PAID',
  'ADD_SCENE_REPRINT', 'ADD_SCENE_LIVESTREAM', 'ADD_SCENE_OTHERS',
];
export const LIMITS = { children: 20, conditions: 50, depth: 3, text: 100, days: 365, times: 1000 };

/** The event store's `type` values (WeChat's Event or MsgType, lower-cased) of each catalogue event. */
export const EVENT_TYPES = {
  followed: ['subscribe'],
  unfollowed: ['unsubscribe'],
  scannedQrCode: ['scan', 'subscribe'],
  clickedMenu: ['click', 'view'],
  sentMessage: ['text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link'],
  receivedMassSend: ['masssend.received'],
  // WeChat pushes no click on a template message; the delivery report (TEMPLATESENDJOBFINISH) is
  // the closest fact it gives, so the mock counts delivered template messages.
  clickedTemplateMessage: ['templatesendjobfinish'],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const validDate = (v) => typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const positiveInt = (v, max) => Number.isInteger(v) && v >= 1 && v <= max;
const nonEmptyText = (v) => typeof v === 'string' && v.trim().length > 0 && v.length <= LIMITS.text;

/**
 * Every problem of a document, each `{ field, message }` with the JSON path from the document's
 * root (`root.children[0].match.text`). An empty list means valid.
 */
export function validateSegmentDocument(doc) {
  const errors = [];
  const fail = (field, message) => errors.push({ field, message });
  if (!isObject(doc)) return [{ field: '', message: 'must be an object' }];
  if (doc.version !== 1) fail('version', 'must be 1');
  let conditions = 0;
  const group = (node, path, depth) => {
    if (!['and', 'or'].includes(node.op)) fail(`${path}.op`, 'must be "and" or "or"');
    if (!Array.isArray(node.children) || node.children.length === 0) {
      fail(`${path}.children`, 'needs at least one condition');
      return;
    }
    if (node.children.length > LIMITS.children) fail(`${path}.children`, `at most ${LIMITS.children} conditions per group`);
    node.children.forEach((child, i) => visit(child, `${path}.children[${i}]`, depth));
  };
  const visit = (node, path, depth) => {
    if (!isObject(node)) return fail(path, 'must be an object');
    if (node.type === 'group') {
      if (depth >= LIMITS.depth) return fail(path, `groups nest at most ${LIMITS.depth} deep`);
      return group(node, path, depth + 1);
    }
    conditions++;
    if (node.type !== 'attribute' && node.type !== 'event') return fail(`${path}.type`, 'must be "group", "attribute" or "event"');
    if (!Array.isArray(node.appids) || node.appids.length === 0 || !node.appids.every((a) => typeof a === 'string' && a)) {
      fail(`${path}.appids`, 'needs at least one account');
    }
    if (node.type === 'attribute') attribute(node, path, fail);
    else event(node, path, fail);
  };
  if (!isObject(doc.root) || doc.root.type !== 'group') fail('root', 'must be a group');
  else group(doc.root, 'root', 1);
  if (conditions > LIMITS.conditions) fail('root', `at most ${LIMITS.conditions} conditions`);
  return errors;
}

function attribute(node, path, fail) {
  switch (node.attribute) {
    case 'subscribed':
    case 'unsubscribed':
    case 'hasOpenid':
      return;
    case 'subscribeTime':
      if (node.operator === 'between') {
        if (!validDate(node.from)) fail(`${path}.from`, 'must be a date (YYYY-MM-DD)');
        if (!validDate(node.to)) fail(`${path}.to`, 'must be a date (YYYY-MM-DD)');
        if (validDate(node.from) && validDate(node.to) && node.from > node.to) fail(`${path}.to`, 'must not be before from');
      } else if (node.operator === 'before' || node.operator === 'after') {
        if (!validDate(node.date)) fail(`${path}.date`, 'must be a date (YYYY-MM-DD)');
      } else fail(`${path}.operator`, 'must be "before", "after" or "between"');
      return;
    case 'subscribeScene':
      if (!SUBSCRIBE_SCENES.includes(node.scene)) fail(`${path}.scene`, 'must be one of WeChat\'s subscribe scenes');
      return;
    case 'tag':
      if (node.operator !== 'is' && node.operator !== 'isNot') fail(`${path}.operator`, 'must be "is" or "isNot"');
      if (!Number.isInteger(node.tagId) || node.tagId < 0) fail(`${path}.tagId`, 'must be a tag id');
      if (node.appids?.length > 1) fail(`${path}.appids`, 'a tag belongs to one account');
      return;
    case 'remark':
      if (node.operator !== 'contains') fail(`${path}.operator`, 'must be "contains"');
      if (!nonEmptyText(node.text)) fail(`${path}.text`, `must be 1–${LIMITS.text} characters`);
      return;
    default:
      fail(`${path}.attribute`, `must be one of ${ATTRIBUTES.join(', ')}`);
  }
}

function event(node, path, fail) {
  if (!EVENTS.includes(node.event)) return fail(`${path}.event`, `must be one of ${EVENTS.join(', ')}`);
  const single = node.appids?.length === 1;
  if (node.event === 'scannedQrCode' && node.qrCodeId !== undefined) {
    if (!positiveInt(node.qrCodeId, Number.MAX_SAFE_INTEGER)) fail(`${path}.qrCodeId`, 'must be a QR code id');
    if (!single) fail(`${path}.appids`, 'a QR code belongs to one account');
  }
  if (node.event === 'clickedMenu' && node.menuKey !== undefined) {
    if (!nonEmptyText(node.menuKey)) fail(`${path}.menuKey`, 'must be a menu button key or url');
    if (!single) fail(`${path}.appids`, 'a menu button belongs to one account');
  }
  if (node.event === 'sentMessage' && node.match !== undefined) {
    if (!isObject(node.match) || !['contains', 'equals'].includes(node.match.operator)) fail(`${path}.match.operator`, 'must be "contains" or "equals"');
    if (!nonEmptyText(node.match?.text)) fail(`${path}.match.text`, `must be 1–${LIMITS.text} characters`);
  }
  const w = node.window;
  if (w !== undefined) {
    if (!isObject(w)) fail(`${path}.window`, 'must be an object');
    else if (w.lastDays !== undefined) {
      if (!positiveInt(w.lastDays, LIMITS.days)) fail(`${path}.window.lastDays`, `must be 1–${LIMITS.days}`);
    } else {
      if (!validDate(w.from)) fail(`${path}.window.from`, 'must be a date (YYYY-MM-DD)');
      if (!validDate(w.to)) fail(`${path}.window.to`, 'must be a date (YYYY-MM-DD)');
      if (validDate(w.from) && validDate(w.to) && w.from > w.to) fail(`${path}.window.to`, 'must not be before from');
    }
  }
  const c = node.count;
  if (c !== undefined) {
    if (!isObject(c) || !['atLeast', 'atMost'].includes(c.operator)) fail(`${path}.count.operator`, 'must be "atLeast" or "atMost"');
    const min = c?.operator === 'atMost' ? 0 : 1;
    if (!Number.isInteger(c?.times) || c.times < min || c.times > LIMITS.times) fail(`${path}.count.times`, `must be ${min}–${LIMITS.times}`);
  }
}

/** Every appid a document names (to check them against the user's accounts). */
export function appidsOf(doc) {
  const found = new Set();
  const visit = (node) => {
    if (node.type === 'group') node.children.forEach(visit);
    else node.appids.forEach((a) => found.add(a));
  };
  visit(doc.root);
  return [...found];
}

const DAY = 86_400;
const epoch = (date) => Date.parse(`${date}T00:00:00Z`) / 1000;
const iso = (seconds) => new Date(seconds * 1000).toISOString();

/** The `[fromIso, toIso)` window of an event condition at `nowSeconds` (no window: all time). */
export function eventWindow(node, nowSeconds) {
  const w = node.window;
  if (!w) return [iso(0), iso(nowSeconds + 1)];
  if (w.lastDays !== undefined) return [iso(nowSeconds - w.lastDays * DAY), iso(nowSeconds + 1)];
  return [iso(epoch(w.from)), iso(epoch(w.to) + DAY)];
}

/** The `[fromSeconds, toSeconds)` range of a subscribe-time condition; dates are whole UTC days. */
export function subscribeTimeRange(node) {
  if (node.operator === 'before') return [null, epoch(node.date)];
  if (node.operator === 'after') return [epoch(node.date) + DAY, null];
  return [epoch(node.from), epoch(node.to) + DAY];
}

/** How many events a contact needs: `{ atLeast }` or `{ atMost }` (default: at least once). */
export const countRule = (node) => node.count ?? { operator: 'atLeast', times: 1 };

/** Combines the contact ids of a group's children. */
export function combine(op, sets) {
  if (op === 'or') return new Set(sets.flatMap((s) => [...s]));
  const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...smallest].filter((id) => others.every((s) => s.has(id))));
}
