import { findAccountRow } from '../repositories/accounts.mjs';
import { applyPush } from '../services/fans.mjs';
import { revokeAuthorization } from '../services/accounts.mjs';
import { applyQrScan } from '../services/qr-codes.mjs';
import { applyAutoReply } from '../services/auto-reply.mjs';
import { recordInboxPush } from '../services/inbox.mjs';
import { enterJourneys } from '../services/journeys.mjs';
import { departmentsAllocatedTo } from '../repositories/departments.mjs';
import { seesAccount } from '../rules/access.mjs';
import { conflict, notFound } from '../lib/problems.mjs';
import { APPID, bodyValidator } from './validate.mjs';

const readPush = bodyValidator({
  type: 'object',
  required: ['appid', 'FromUserName', 'MsgType'],
  properties: {
    appid: APPID,
    ToUserName: { type: 'string' },
    FromUserName: { type: 'string', minLength: 1, maxLength: 64 },
    MsgType: { enum: ['event', 'text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link'] },
    Event: { type: 'string' },
    EventKey: { type: 'string' },
    Content: { type: 'string' },
    CreateTime: { type: 'integer', minimum: 0 },
  },
  // Other WeChat fields (MediaId, Location_X, Url, MsgID, Status...) are kept as sent.
  additionalProperties: true,
  if: { properties: { MsgType: { const: 'event' } } },
  then: { required: ['Event'] },
});

const readRevoke = bodyValidator({
  type: 'object',
  required: ['appid'],
  properties: { appid: APPID },
  additionalProperties: false,
});

/** The WeChat side: pushes from WeChat's servers and the back-office "cancel authorization". */
export default async function wechatRoutes(fastify, { suite }) {
  fastify.post('/__mock/wechat/events', async (request) => {
    const { appid, ...push } = readPush(request.body);
    const account = findAccountRow(suite.db, appid);
    if (!account) throw notFound(`WeChat account ${appid}`);
    // WeChat pushes only to platforms the account is authorized for.
    if (!account.bound || account.status !== 'authorized') throw conflict(`${account.name} is not authorized: WeChat would not push its events.`);
    const outcome = applyPush(suite.db, appid, push, suite.clock.nowSeconds());
    // Host journeys triggered by this WeChat event (the journey trigger widget).
    enterJourneys(suite.db, appid, push, { eventId: outcome.eventId, nowSeconds: suite.clock.nowSeconds() });
    // A scan of a channel QR code: counters, the fan's tags and the code's on-scan reply.
    const scan = applyQrScan(suite.db, account, push, suite.clock.nowSeconds());
    if (scan?.counted) {
      const departmentIds = departmentsAllocatedTo(suite.db, appid);
      suite.bus.publish('qrcode.scan', { appid, qrCodeId: scan.qrCodeId }, (user) => seesAccount(user, departmentIds));
    }
    // A follow through a QR code with an on-scan reply is answered by the code, not the on-follow reply.
    const autoReply = scan?.reply ? null : applyAutoReply(suite.db, account, push, { eventId: outcome.eventId, nowSeconds: suite.clock.nowSeconds() });
    // `reply` is what WeChat receives as the passive reply (one per push); `autoReply.replies` lists
    // every message the auto reply sent (the others go out as customer-service messages).
    const reply = scan?.reply ?? autoReply?.replies[0] ?? null;
    const inboxMessageId = recordInboxPush(suite, account, push, autoReply?.replies ?? (reply ? [reply] : []));
    return {
      reply,
      eventId: outcome.eventId,
      inboxMessageId,
      ...(scan ? { qrCode: { id: scan.qrCodeId, counted: scan.counted } } : {}),
      ...(autoReply ? { autoReply } : {}),
    };
  });

  fastify.post('/__mock/wechat/revoke', async (request) => {
    const { appid } = readRevoke(request.body);
    const account = revokeAuthorization(suite, appid);
    return { appid, status: account.status };
  });
}
