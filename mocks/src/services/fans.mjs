import {
  deleteContact, findContactIdByEmail, findContactIdByPhone, findContactRow, findFan, insertContact, insertFan,
  moveFans, resubscribeFan, unsubscribeFan, updateContactProfile, updateFanFromWeChat, contactsByIds,
} from '../repositories/contacts.mjs';
import { insertEvent } from '../repositories/events.mjs';
import { interpretPush } from '../rules/wechat-push.mjs';
import { contactsToJoin, mergedProfile } from '../rules/contacts.mjs';
import { notFound } from '../lib/problems.mjs';

/** Fans arriving from WeChat and contacts learning who they are. */

const iso = (seconds) => new Date(seconds * 1000).toISOString();

/**
 * Writes a follower as WeChat reports it. An unknown openid becomes a new fan with a new
 * contact (every fan has a contact); a known one is refreshed and keeps its contact.
 * @returns {'created' | 'updated'}
 */
export function recordFollower(db, appid, follower, nowIso) {
  const fan = { appid, ...follower };
  if (findFan(db, appid, follower.openid)) {
    updateFanFromWeChat(db, fan);
    return 'updated';
  }
  insertFan(db, { ...fan, contactId: insertContact(db, { createdAt: nowIso }) });
  return 'created';
}

/**
 * Applies a WeChat push: follows create or revive fans, unfollows keep the fan and its
 * contact (no longer subscribed), and every push is recorded as an event.
 * @returns {{ eventId: number, kind: string, openid: string }}
 */
export function applyPush(db, appid, push, nowSeconds) {
  const p = interpretPush(push, nowSeconds);
  const createdAt = iso(p.createdAtSeconds);
  return db.transaction(() => {
    const fan = findFan(db, appid, p.openid);
    if (p.kind === 'subscribe') {
      const subscription = { appid, openid: p.openid, subscribeTime: p.createdAtSeconds, scene: p.scene, qrScene: p.qrScene };
      if (fan) resubscribeFan(db, subscription);
      else insertFan(db, { ...subscription, subscribed: true, contactId: insertContact(db, { createdAt }) });
    } else if (p.kind === 'unsubscribe' && fan) {
      unsubscribeFan(db, appid, p.openid);
    }
    const eventId = Number(insertEvent(db, { appid, openid: p.openid, type: p.type, payload: push, createdAt }));
    return { eventId, kind: p.kind, openid: p.openid };
  })();
}

/**
 * A phone or email learned for a fan (a form). Contacts that already carry it are joined
 * with the fan's contact into the oldest one.
 * @returns the resulting `Contact`, all account links shown
 */
export function attachContactDetails(db, { appid, openid, phone, email }) {
  const fan = findFan(db, appid, openid);
  if (!fan) throw notFound(`Fan ${openid} of ${appid}`);
  const survivorId = db.transaction(() => {
    const matching = [phone && findContactIdByPhone(db, phone), email && findContactIdByEmail(db, email)];
    const ids = [fan.contact_id, ...contactsToJoin(fan.contact_id, matching)].sort((a, b) => a - b);
    const [survivor, ...absorbed] = ids;
    let profile = findContactRow(db, survivor);
    for (const id of absorbed) {
      profile = mergedProfile(profile, findContactRow(db, id));
      moveFans(db, id, survivor);
      deleteContact(db, id);
    }
    updateContactProfile(db, survivor, mergedProfile(profile, null, { phone, email }));
    return survivor;
  })();
  const allAppids = db.prepare('SELECT appid FROM accounts').all().map((r) => r.appid);
  return contactsByIds(db, [survivorId], allAppids)[0];
}
