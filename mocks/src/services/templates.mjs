import { accountTypeUnsupported, fieldError, notFound, wechatRefused } from '../lib/problems.mjs';
import { findJobRow } from '../repositories/jobs.mjs';
import { findSegment, segmentNames, tagExists, tagNames } from '../repositories/mass-sends.mjs';
import {
  countResultsByStatus, countWechatTemplates, deleteTemplate, deleteWechatTemplate, ensureWechatTemplates, fanOf, fansOfAccount, fansWithTag,
  findSendById, findTemplate, insertTemplate, insertTemplateSend, insertWechatTemplate, listTemplates, setSendJob, updateTemplate, wechatTemplateExists, wechatTemplates,
} from '../repositories/templates.mjs';
import { inSegment } from '../rules/mass-send.mjs';
import {
  TEMPLATE_LIMIT, assertLink, assertOpenids, assertTemplateData, assertTemplateRoom, syncDiff, templateFields, templatesRefusal,
} from '../rules/templates.mjs';
import { INDUSTRY_LIBRARY } from '../wechat/message-templates.mjs';

export const TEMPLATE_SEND_JOB = 'template-send';

/** Every template route starts here: verified service accounts only (403 `ACCOUNT_TYPE_UNSUPPORTED`). */
export function assertTemplatesAvailable(account) {
  const feature = templatesRefusal(account);
  if (feature) throw accountTypeUnsupported(account, feature);
}

/** The API's `Template`: the stored template with its fields parsed from the content. */
export const describeTemplate = (template) => ({ ...template, fields: templateFields(template.content) });

export function templatesOf(db, appid) {
  const items = listTemplates(db, appid).map(describeTemplate);
  return { items, total: items.length, limit: TEMPLATE_LIMIT };
}

/** Mirrors WeChat's templates into the suite's copy; returns the counts and the new list. */
export function syncTemplates(db, appid, now) {
  ensureWechatTemplates(db, appid, now);
  const remote = wechatTemplates(db, appid);
  const diff = syncDiff(listTemplates(db, appid), remote);
  db.transaction(() => {
    for (const t of diff.added) insertTemplate(db, appid, t, now);
    for (const t of diff.removed) deleteTemplate(db, appid, t.templateId);
    // WeChat may have changed a title or example: its values win.
    for (const t of diff.unchanged) updateTemplate(db, appid, t);
  })();
  return { added: diff.added.length, removed: diff.removed.length, unchanged: diff.unchanged.length, ...templatesOf(db, appid) };
}

/** WeChat's `api_add_template`: a template of the industry library by its short id, refused past 25 (45026). */
export function addTemplate(db, appid, shortId, now) {
  const template = INDUSTRY_LIBRARY.find((t) => t.shortId === shortId);
  if (!template) throw fieldError('templateIdShort', 'is not a template of the industry library');
  ensureWechatTemplates(db, appid, now);
  assertTemplateRoom(countWechatTemplates(db, appid));
  return db.transaction(() => {
    const templateId = insertWechatTemplate(db, appid, template, now);
    insertTemplate(db, appid, { templateId, ...template }, now);
    return describeTemplate(findTemplate(db, appid, templateId));
  })();
}

/** WeChat's `del_private_template`, then the suite's copy. */
export function removeTemplate(db, appid, templateId) {
  if (!findTemplate(db, appid, templateId)) throw notFound(`Template ${templateId}`);
  db.transaction(() => {
    deleteWechatTemplate(db, appid, templateId);
    deleteTemplate(db, appid, templateId);
  })();
}

/** The audience with its type's fields only; 400 naming the missing or unknown field. */
export function normalizeAudience(db, appid, audience) {
  switch (audience.type) {
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
      return { type: 'openids', openids: assertOpenids(audience.openids) };
  }
}

/**
 * Who the send goes to, each with what the suite knows of them: a tag's and a segment's fans include
 * those who unfollowed (the suite keeps them; WeChat refuses them with 43004), an openid list keeps
 * openids that are no fan of the account (40003).
 * @returns {{ openid: string, fan: { subscribed: number, blacklisted: number } | undefined }[]}
 */
export function resolveAudience(db, appid, audience) {
  switch (audience.type) {
    case 'tag':
      return fansWithTag(db, appid, audience.tagId).map((fan) => ({ openid: fan.openid, fan }));
    case 'segment': {
      const segment = findSegment(db, audience.segmentId);
      return fansOfAccount(db, appid).filter((fan) => inSegment(segment, fan.openid)).map((fan) => ({ openid: fan.openid, fan }));
    }
    default:
      return audience.openids.map((openid) => ({ openid, fan: fanOf(db, appid, openid) }));
  }
}

/**
 * `POST .../templates/sends`: the template, its values, the link and the audience, in that order
 * (400 naming the field, nothing written), a template WeChat no longer holds (422 `WECHAT_40037`); then the
 * send and its job.
 */
export function createTemplateSend(suite, { account, user, body }) {
  const db = suite.db;
  const template = findTemplate(db, account.appid, body.templateId);
  if (!template) throw fieldError('templateId', 'is not a template of this account: sync first');
  const data = assertTemplateData(templateFields(template.content), body.data);
  const link = assertLink(body);
  const audience = normalizeAudience(db, account.appid, body.audience);
  // Deleted in WeChat's back office since the last sync: WeChat no longer knows the id.
  if (!wechatTemplateExists(db, account.appid, template.templateId)) {
    throw wechatRefused(40037, 'invalid template_id: the template was deleted in WeChat, sync again');
  }
  const id = insertTemplateSend(db, {
    appid: account.appid, templateId: template.templateId, title: template.title, content: template.content,
    data, link, audience, createdBy: user.id, now: suite.clock.iso(),
  });
  const job = suite.jobs.start({ type: TEMPLATE_SEND_JOB, appid: account.appid, params: { sendId: id }, createdBy: user.id });
  setSendJob(db, id, job.id);
  return describeSend(db, findSendById(db, id));
}

/** The API's `TemplateSend`: a failed or cancelled job makes the send failed, with the job's problem. */
export function describeSend(db, row) {
  const job = row.job_id ? findJobRow(db, row.job_id) : null;
  const jobEnded = job && ['failed', 'cancelled'].includes(job.status);
  const status = row.status === 'sending' && jobEnded ? 'failed' : row.status;
  const audience = JSON.parse(row.audience);
  const shown = audience.type === 'openids' ? { type: 'openids', openidCount: audience.openids.length } : { ...audience };
  if (audience.type === 'tag') shown.tagName = tagNames(db, row.appid).get(audience.tagId) ?? null;
  if (audience.type === 'segment') shown.segmentName = segmentNames(db).get(audience.segmentId) ?? null;
  const link = JSON.parse(row.link);
  let totals = null;
  if (row.status === 'finished') totals = { total: row.total, sent: row.sent, failed: row.failed };
  else if (status === 'failed') {
    const counts = countResultsByStatus(db, row.id);
    totals = { total: job?.total ?? 0, sent: counts.sent ?? 0, failed: counts.failed ?? 0 };
  }
  return {
    id: row.id,
    templateId: row.template_id,
    title: row.title,
    content: row.content,
    data: JSON.parse(row.data),
    url: link.url ?? null,
    miniprogram: link.miniprogram ?? null,
    audience: shown,
    status,
    jobId: row.job_id,
    progress: status === 'sending' && job ? { done: job.done, total: job.total ?? 0 } : null,
    totals,
    error: jobEnded && job.error ? JSON.parse(job.error) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
