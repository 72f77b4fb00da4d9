import { randomInt } from 'node:crypto';
import { insertEvent } from '../repositories/events.mjs';
import { findSendById, finishSend, insertResult } from '../repositories/templates.mjs';
import { deliveryOf } from '../rules/templates.mjs';
import { resolveAudience } from '../services/templates.mjs';
import { notFound } from '../lib/problems.mjs';

/** Recipients per step: WeChat sends template messages one call per openid, so steps stay small enough to watch. */
const RECIPIENTS_PER_STEP = 50;

/**
 * `template-send`: one `message/template/send` per recipient of the audience as it is when the job
 * starts. Each recipient gets a result row: sent (with WeChat's msgid), or failed with WeChat's errcode
 * (40003 unknown openid, 43004 unfollowed, 43019 blacklisted). Each delivery is recorded on the fan's
 * timeline as a `template_sent` event carrying WeChat's TEMPLATESENDJOBFINISH status, the template and
 * the values, so the fans timeline and the widgets' "clicked template message" condition can use it.
 * Not resumable: an interrupted send ends failed with the results recorded so far.
 */
export async function templateSendJob(job) {
  const send = findSendById(job.db, job.params.sendId);
  if (!send) throw notFound(`Template send ${job.params.sendId}`);
  const recipients = resolveAudience(job.db, send.appid, JSON.parse(send.audience));
  const data = JSON.parse(send.data);
  const link = JSON.parse(send.link);
  const total = recipients.length;
  const counts = { sent: 0, failed: 0 };
  job.progress(0, total, counts);
  for (let done = 0; done < total; ) {
    await job.step();
    const db = job.db;
    const end = Math.min(done + RECIPIENTS_PER_STEP, total);
    const at = job.clock.iso();
    db.transaction(() => {
      for (let i = done; i < end; i++) {
        const { openid, fan } = recipients[i];
        const delivery = deliveryOf(fan);
        if (delivery.status === 'sent') {
          const msgId = String(2_000_000_000 + randomInt(2_000_000_000));
          insertResult(db, { sendId: send.id, position: i, openid, status: 'sent', msgId });
          insertEvent(db, {
            appid: send.appid,
            openid,
            type: 'template_sent',
            payload: { MsgID: msgId, Status: 'success', TemplateId: send.template_id, Title: send.title, TemplateSendId: send.id, Data: data, ...link },
            createdAt: at,
          });
          counts.sent++;
        } else {
          insertResult(db, { sendId: send.id, position: i, openid, status: 'failed', errcode: delivery.errcode, reason: delivery.reason });
          counts.failed++;
        }
      }
    })();
    done = end;
    job.progress(done, total, counts);
  }
  finishSend(job.db, send.id, { total, ...counts, now: job.clock.iso() });
  return { sendId: send.id, total, ...counts };
}
