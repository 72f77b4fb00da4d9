import { activeWechatJourneys, insertEntry, qrSceneOf } from '../repositories/journey-entries.mjs';
import { triggerFires } from '../rules/journey-trigger.mjs';
import { interpretPush } from '../rules/wechat-push.mjs';

/**
 * A WeChat push reached the suite: the fan enters every active journey of the host whose trigger
 * it fires. Called once per push by the WeChat simulator. @returns the ids of the journeys entered
 */
export function enterJourneys(db, appid, push, { eventId, nowSeconds }) {
  const { type, openid, createdAtSeconds } = interpretPush(push, nowSeconds);
  const fan = db.prepare('SELECT contact_id FROM fans WHERE appid = ? AND openid = ?').get(appid, openid);
  const entered = [];
  for (const journey of activeWechatJourneys(db, appid)) {
    const qrScene = journey.trigger.qrCodeId ? qrSceneOf(db, appid, journey.trigger.qrCodeId) : null;
    if (!triggerFires(journey.trigger, push, type, { qrScene })) continue;
    insertEntry(db, {
      journeyId: journey.id, appid, openid, contactId: fan?.contact_id ?? null, eventId, enteredAt: new Date(createdAtSeconds * 1000).toISOString(),
    });
    entered.push(journey.id);
  }
  return entered;
}
