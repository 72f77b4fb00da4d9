import { randomInt } from 'node:crypto';
import { assertMaterialReferences } from './material-references.mjs';
import { Problem, accountTypeUnsupported, fieldError, wechatRefused } from '../lib/problems.mjs';
import {
  agreementSigned, clientMsgIdUsedSince, countFansOverLimit, fanMonthCount, countQuotaUse, dueResultRows, dueScheduledRows, findMassSendById,
  findSegment, findSubscribedFan, insertMassSend, markFailed, markFinished, markStarted, orphanedSendingRows, segmentNames,
  subscribedFanRows, subscribedFansWithTag, tagExists, tagNames, toMassSend,
} from '../repositories/mass-sends.mjs';
import { findJobRow } from '../repositories/jobs.mjs';
import { findAccountRow } from '../repositories/accounts.mjs';
import { departmentsAllocatedTo } from '../repositories/departments.mjs';
import { seesAccount } from '../rules/access.mjs';
import {
  CLIENT_MSG_ID_WINDOW_MS, FAN_MONTHLY_LIMIT, accountLimit, assertAccountQuota, assertContent, assertOpenidList, assertSendAt,
  audienceRefusal, checkOpenidList, fanLimitApplies, inSegment, isFilteredByFanLimit, monthKey, quotaPeriod,
} from '../rules/mass-send.mjs';

export const MASS_SEND_JOB = 'mass-send';

/** The API's `MassSend` of a row, with tag/segment names and, while sending, the job's progress. */
export function describeMassSend(db, row) {
  const job = row.status === 'sending' && row.job_id ? findJobRow(db, row.job_id) : null;
  return toMassSend(row, {
    names: { tags: tagNames(db, row.appid), segments: segmentNames(db) },
    progress: job ? { done: job.done, total: job.total } : null,
  });
}

/** The audience with its type's fields only; 400 naming the missing or unknown field. */
export function normalizeAudience(db, appid, audience) {
  switch (audience.type) {
    case 'all':
      return { type: 'all' };
    case 'tag':
      if (audience.tagId === undefined) throw fieldError('audience.tagId', 'is required');
      if (!tagExists(db, appid, audience.tagId)) throw fieldError('audience.tagId', 'is not a tag of this account');
      return { type: 'tag', tagId: audience.tagId };
    case 'segment':
      if (!audience.segmentId) throw fieldError('audience.segmentId', 'is required');
      if (!findSegment(db, audience.segmentId)) throw fieldError('audience.segmentId', 'is not a segment of the suite');
      return { type: 'segment', segmentId: audience.segmentId };
    default:
      if (!audience.openids) throw fieldError('audience.openids', 'is required');
      return { type: 'openids', openids: audience.openids.map((o) => o.trim()) };
  }
}

/** The content with its type's fields only; 400 naming the field. */
export function normalizeContent(content) {
  if (content.type === 'text') {
    if (content.text === undefined) throw fieldError('content.text', 'is required');
  } else if (content.mediaId === undefined) throw fieldError('content.mediaId', 'is required');
  assertContent(content);
  return content.type === 'text'
    ? { type: 'text', text: content.text }
    : { type: content.type, mediaId: content.mediaId, ...(content.title ? { title: content.title } : {}) };
}

/**
 * Who receives a send now: subscribed fans only (WeChat never reaches unfollowers); for an openid list
 * also the entries that are not (or no longer) fans.
 * @returns {{ recipients: {openid: string, blacklisted: number}[], notFans: {index: number, openid: string}[] }}
 */
export function resolveRecipients(db, appid, audience) {
  switch (audience.type) {
    case 'all':
      return { recipients: subscribedFanRows(db, appid), notFans: [] };
    case 'tag':
      return { recipients: subscribedFansWithTag(db, appid, audience.tagId), notFans: [] };
    case 'segment': {
      const segment = findSegment(db, audience.segmentId);
      return { recipients: subscribedFanRows(db, appid).filter((fan) => inSegment(segment, fan.openid)), notFans: [] };
    }
    default: {
      const recipients = [];
      const notFans = [];
      audience.openids.forEach((openid, index) => {
        const fan = findSubscribedFan(db, appid, openid);
        if (fan) recipients.push(fan);
        else notFans.push({ index, openid });
      });
      return { recipients, notFans };
    }
  }
}

function assertAudienceAllowed(account, audience) {
  const feature = audienceRefusal(account, audience);
  if (feature) throw accountTypeUnsupported(account, feature);
}

/** The estimate of `POST .../mass-sends/estimate`. */
export function estimateAudience(db, account, rawAudience, nowMs) {
  assertAudienceAllowed(account, rawAudience);
  const audience = normalizeAudience(db, account.appid, rawAudience);
  let report;
  if (audience.type === 'openids') {
    const { valid, invalid, duplicates } = checkOpenidList(audience.openids);
    audience.openids = valid;
    report = { valid: valid.length, invalid, duplicates };
  }
  const { recipients, notFans } = resolveRecipients(db, account.appid, audience);
  const month = monthKey(nowMs);
  const counts = !fanLimitApplies(account.type) || countFansOverLimit(db, account.appid, month, FAN_MONTHLY_LIMIT) === 0
    ? 0
    : recipients.filter((fan) => isOverLimit(db, account, month, fan.openid)).length;
  return {
    recipients: recipients.length,
    filteredByFanLimit: counts,
    ...(report ? { openids: { ...report, notFans } } : {}),
  };
}

const isOverLimit = (db, account, month, openid) => isFilteredByFanLimit(fanMonthCount(db, account.appid, month, openid), account.type);

/** The quota of `GET .../mass-sends/quota` for the period containing `nowMs`. */
export function quotaOf(db, account, nowMs) {
  const period = quotaPeriod(account.type, nowMs);
  const limit = accountLimit(account.type);
  const used = countQuotaUse(db, account.appid, period.startsAt, period.endsAt);
  return {
    accountType: account.type,
    period: period.period,
    limit,
    used,
    remaining: Math.max(0, limit - used),
    periodEndsAt: period.endsAt,
    fanMonthlyLimit: FAN_MONTHLY_LIMIT,
    agreementSigned: agreementSigned(db, account.appid),
  };
}

/**
 * `POST .../mass-sends`: every rule in the documented order, then one row (and, for a send now, its
 * job). A refusal writes nothing.
 */
export function createMassSend(suite, { account, user, body }) {
  const db = suite.db;
  const nowMs = suite.clock.now();
  const content = normalizeContent(body.content);
  assertMaterialReferences(db, account.appid, [{ field: 'content.mediaId', content }], suite.clock.iso());
  assertAudienceAllowed(account, body.audience);
  const audience = normalizeAudience(db, account.appid, body.audience);
  if (audience.type === 'openids') audience.openids = assertOpenidList(audience.openids);
  const sendAtMs = body.sendAt === undefined ? null : assertSendAt(body.sendAt, nowMs);
  if (!agreementSigned(db, account.appid)) {
    throw wechatRefused(48003, 'the account has not signed the mass-send agreement (mp.weixin.qq.com → 群发功能)');
  }
  if (body.clientMsgId && clientMsgIdUsedSince(db, account.appid, body.clientMsgId, new Date(nowMs - CLIENT_MSG_ID_WINDOW_MS).toISOString())) {
    throw wechatRefused(45065, `clientmsgid ${body.clientMsgId} was already used within 24 hours`);
  }
  const quotaAtMs = sendAtMs ?? nowMs;
  const period = quotaPeriod(account.type, quotaAtMs);
  assertAccountQuota(account.type, countQuotaUse(db, account.appid, period.startsAt, period.endsAt));

  const now = new Date(nowMs).toISOString();
  const id = Number(insertMassSend(db, {
    appid: account.appid,
    // WeChat's msg_id: a large number unique per send.
    msgId: String(1_000_000_000 + randomInt(2_000_000_000)),
    clientMsgId: body.clientMsgId ?? null,
    audience,
    content,
    status: sendAtMs === null ? 'sending' : 'scheduled',
    sendAt: sendAtMs === null ? null : new Date(sendAtMs).toISOString(),
    quotaAt: new Date(quotaAtMs).toISOString(),
    createdBy: user.id,
    now,
  }));
  if (sendAtMs === null) startSend(suite, findMassSendById(db, id));
  return describeMassSend(db, findMassSendById(db, id));
}

function startSend(suite, row) {
  const job = suite.jobs.start({ type: MASS_SEND_JOB, appid: row.appid, params: { massSendId: row.id }, createdBy: row.created_by });
  markStarted(suite.db, row.id, { jobId: job.id, now: suite.clock.iso() });
}

function publishResult(suite, row) {
  const departmentIds = departmentsAllocatedTo(suite.db, row.appid);
  suite.bus.publish('mass-send.result', { appid: row.appid, massSend: describeMassSend(suite.db, row) }, (user) => seesAccount(user, departmentIds));
}

/**
 * One pass of the mass-send scheduler, on the mock clock: starts scheduled sends whose time came,
 * delivers WeChat's MASSSENDJOBFINISH for jobs that ended long enough ago, and fails sends whose job
 * failed or was interrupted.
 */
export function runMassSendScheduler(suite) {
  if (!suite.database.isOpen) return;
  const db = suite.db;
  const now = suite.clock.iso();
  for (const row of dueScheduledRows(db, now)) {
    const account = findAccountRow(db, row.appid);
    if (account?.bound && account.status === 'authorized') startSend(suite, row);
    else {
      // Unbound or revoked meanwhile: WeChat no longer lets the suite send for it.
      markFailed(db, row.id, new Problem(403, 'FORBIDDEN_ACCOUNT', `WeChat account ${row.appid} is no longer authorized: the scheduled send did not start.`).toJSON(), now);
      publishResult(suite, findMassSendById(db, row.id));
    }
  }
  for (const row of dueResultRows(db, now)) {
    markFinished(db, row.id, now);
    publishResult(suite, findMassSendById(db, row.id));
  }
  for (const row of orphanedSendingRows(db)) {
    const error = row.job_error ? JSON.parse(row.job_error) : { type: 'https://wechat-mfe.dev/problems/internal', title: 'Cancelled', status: 500, detail: 'The send job was cancelled.', code: 'INTERNAL', errors: [] };
    markFailed(db, row.id, error, now);
    publishResult(suite, findMassSendById(db, row.id));
  }
}

/** Runs the scheduler every `periodMs` of real time until `stop()`. */
export function startMassSendScheduler(suite, periodMs = 200) {
  const timer = setInterval(() => {
    try {
      runMassSendScheduler(suite);
    } catch {
      // A reset or shutdown replaced the database mid-pass: the next pass starts afresh.
    }
  }, periodMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
