/**
 * The journey trigger document of the widgets ("when WeChat event E happens on account A"):
 * validation with JSON paths, and whether a WeChat push fires it. Pure.
 */
import { EVENTS, LIMITS } from './segment-conditions.mjs';

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmptyText = (v) => typeof v === 'string' && v.trim().length > 0 && v.length <= LIMITS.text;

/** Problems of a trigger, each `{ field, message }` with its path under `prefix`. */
export function validateTrigger(trigger, prefix = 'trigger') {
  const errors = [];
  const fail = (field, message) => errors.push({ field: `${prefix}.${field}`, message });
  if (!isObject(trigger)) return [{ field: prefix, message: 'must be an object' }];
  if (trigger.version !== 1) fail('version', 'must be 1');
  if (trigger.type !== 'wechatEvent') fail('type', 'must be "wechatEvent"');
  if (typeof trigger.appid !== 'string' || !trigger.appid) fail('appid', 'is required');
  if (!EVENTS.includes(trigger.event)) fail('event', `must be one of ${EVENTS.join(', ')}`);
  if (trigger.qrCodeId !== undefined && (trigger.event !== 'scannedQrCode' || !Number.isInteger(trigger.qrCodeId) || trigger.qrCodeId < 1)) {
    fail('qrCodeId', 'must be a QR code id of a scannedQrCode trigger');
  }
  if (trigger.menuKey !== undefined && (trigger.event !== 'clickedMenu' || !nonEmptyText(trigger.menuKey))) fail('menuKey', 'must be a menu button key of a clickedMenu trigger');
  if (trigger.match !== undefined) {
    if (trigger.event !== 'sentMessage' || !isObject(trigger.match) || !['contains', 'equals'].includes(trigger.match.operator)) {
      fail('match.operator', 'must be "contains" or "equals" on a sentMessage trigger');
    }
    if (!nonEmptyText(trigger.match?.text)) fail('match.text', `must be 1–${LIMITS.text} characters`);
  }
  return errors;
}

const MESSAGES = ['text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link'];

/**
 * Whether `push` (WeChat's fields; `type` as the event store writes it) fires `trigger`.
 * `qrScene` is the scene of the trigger's QR code, when it names one.
 */
export function triggerFires(trigger, push, type, { qrScene = null } = {}) {
  const key = push.EventKey ?? '';
  switch (trigger.event) {
    case 'followed':
      return type === 'subscribe';
    case 'unfollowed':
      return type === 'unsubscribe';
    case 'scannedQrCode': {
      const scene = type === 'scan' ? key : type === 'subscribe' && key.startsWith('qrscene_') ? key.slice('qrscene_'.length) : null;
      return scene !== null && (trigger.qrCodeId === undefined || scene === qrScene);
    }
    case 'clickedMenu':
      return (type === 'click' || type === 'view') && (trigger.menuKey === undefined || key === trigger.menuKey);
    case 'sentMessage':
      if (!trigger.match) return MESSAGES.includes(type);
      if (type !== 'text' || typeof push.Content !== 'string') return false;
      return trigger.match.operator === 'equals' ? push.Content === trigger.match.text : push.Content.includes(trigger.match.text);
    case 'receivedMassSend':
      return type === 'masssendjobfinish';
    case 'clickedTemplateMessage':
      return type === 'templatesendjobfinish';
    default:
      return false;
  }
}
