import { insertEvent } from '../repositories/events.mjs';
import { fanMonthCount, findMassSendById, incrementFanCount, recordTotals } from '../repositories/mass-sends.mjs';
import { RESULT_DELAY_MS, isFilteredByFanLimit, monthKey } from '../rules/mass-send.mjs';
import { resolveRecipients } from '../services/mass-send.mjs';
import { notFound } from '../lib/problems.mjs';
import { findAccountRow } from '../repositories/accounts.mjs';

/** Fans delivered per step: 100,000 fans take 50 steps, a few seconds to watch. */
const FANS_PER_STEP = 2_000;

/**
 * `mass-send`: delivers one send to its audience as it is when the job starts. A service account's fan
 * over 4 sends this China month is skipped (`filtered`); a fan who blocked the account (blacklisted) counts as an
 * error; every other fan gets a `masssend.received` event on its timeline and one more in its monthly
 * count. The totals are kept for WeChat's MASSSENDJOBFINISH, which the scheduler delivers
 * RESULT_DELAY_MS later on the mock clock. Not resumable: an interrupted send ends failed.
 */
export async function massSendJob(job) {
  const send = findMassSendById(job.db, job.params.massSendId);
  if (!send) throw notFound(`Mass send ${job.params.massSendId}`);
  const audience = JSON.parse(send.audience);
  const content = JSON.parse(send.content);
  const { recipients } = resolveRecipients(job.db, send.appid, audience);
  const total = recipients.length;
  const month = monthKey(job.clock.now());
  const accountType = findAccountRow(job.db, send.appid)?.type;
  const counts = { sent: 0, filtered: 0, errors: 0 };
  const push = {
    MsgID: send.msg_id,
    MsgType: content.type === 'news' ? 'mpnews' : content.type,
    ...(content.type === 'text' ? { Content: content.text } : { MediaId: content.mediaId }),
  };
  job.progress(0, total, counts);
  for (let done = 0; done < total; ) {
    await job.step();
    const db = job.db;
    const end = Math.min(done + FANS_PER_STEP, total);
    const at = job.clock.iso();
    db.transaction(() => {
      for (let i = done; i < end; i++) {
        const fan = recipients[i];
        if (fan.blacklisted) counts.errors++;
        else if (isFilteredByFanLimit(fanMonthCount(db, send.appid, month, fan.openid), accountType)) counts.filtered++;
        else {
          insertEvent(db, { appid: send.appid, openid: fan.openid, type: 'masssend.received', payload: push, createdAt: at });
          incrementFanCount(db, send.appid, month, fan.openid);
          counts.sent++;
        }
      }
    })();
    done = end;
    job.progress(done, total, counts);
  }
  const nowMs = job.clock.now();
  recordTotals(job.db, send.id, { total, ...counts, dueAt: new Date(nowMs + RESULT_DELAY_MS).toISOString(), now: new Date(nowMs).toISOString() });
  return { massSendId: send.id, total, ...counts };
}
