/**
 * Demo inbox (PRODUCT §3 Inbox) of every small seeded account: a few conversations that show each
 * state of the reply window at the time the template is built — waiting for a reply (open), answered
 * by hand or by the auto reply, 5 replies used (45047), expired (45015), a menu click, a follow —
 * every message type, two starred messages, and a tail of older messages so the list pages.
 * Built through rules/inbox-messages.mjs, so seeded rows look like injected ones.
 */
import { SIMULATED_ACCOUNTS } from '../src/wechat/simulated-accounts.mjs';
import { followerAt } from '../src/wechat/followers.mjs';
import { inboxEntryOf, replyEntryOf } from '../src/rules/inbox-messages.mjs';
import { hash32, recordRandom } from '../src/lib/prng.mjs';

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

const text = (Content) => ({ MsgType: 'text', Content });

/** One conversation: the fan's pushes and the replies, `ago` seconds before the build. */
const CONVERSATIONS = [
  { fan: 0, steps: [{ ago: 20 * MIN, push: text('请问会员积分怎么兑换？') }] },
  {
    fan: 1,
    steps: [
      { ago: 2 * HOUR, push: { MsgType: 'image', MediaId: 'fan_image_receipt', PicUrl: 'https://mmbiz.qpic.cn/demo/receipt.jpg' } },
      { ago: 110 * MIN, reply: { type: 'text', text: '收到您的小票照片，积分将在 24 小时内补发。' } },
    ],
  },
  { fan: 2, steps: [{ ago: 3 * HOUR, push: text('优惠券'), auto: '回复“会员”领取新客专享券。' }] },
  {
    fan: 3,
    steps: [{ ago: 5 * HOUR, push: { MsgType: 'location', Location_X: 31.2243, Location_Y: 121.4505, Scale: 15, Label: '上海市静安区南京西路1266号' } }],
  },
  {
    fan: 4,
    steps: [{ ago: 7 * HOUR, push: { MsgType: 'link', Title: '活动页面打不开', Description: '点开后一直白屏', Url: 'https://dmartech.cn/spring' } }],
  },
  {
    fan: 5,
    star: true,
    steps: [{ ago: 26 * HOUR, push: { MsgType: 'voice', MediaId: 'fan_voice_weekend', Format: 'amr', Recognition: '你们周末营业吗' } }],
  },
  { fan: 6, steps: [{ ago: 30 * MIN, push: { MsgType: 'event', Event: 'CLICK', EventKey: 'MENU_NEW_ARRIVALS' } }] },
  {
    fan: 7,
    steps: [
      { ago: 52 * HOUR, push: { MsgType: 'event', Event: 'subscribe', EventKey: '' } },
      { ago: 50 * HOUR, push: text('你好，想咨询一下企业版的价格') },
    ],
  },
  { fan: 8, steps: [{ ago: 10 * HOUR, push: { MsgType: 'video', MediaId: 'fan_video_unboxing', ThumbMediaId: 'fan_video_thumb' } }] },
  {
    fan: 9,
    steps: [
      { ago: 40 * MIN, push: text('我的订单一直没有发货') },
      ...['您好，请提供订单号。', '已为您查询，仓库今天发出。', '快递单号稍后短信通知。', '如有问题随时联系我们。', '感谢您的耐心！'].map((t, i) => ({
        ago: (35 - i * 5) * MIN,
        reply: { type: 'text', text: t },
      })),
    ],
  },
  { fan: 10, star: true, steps: [{ ago: 28 * HOUR, push: text('Hello, do you ship to Singapore?') }] },
];

const OLDER_TEXTS = ['谢谢', '在吗', '怎么退货？', '门店几点关门', '发票怎么开', '收到了，很满意', '可以预约试用吗', '积分什么时候到账'];

/** Writes the demo inbox; `nowMs` is the build time. */
export function seedInbox(db, nowMs = Date.now()) {
  const insert = db.prepare(`INSERT INTO inbox_messages (appid, openid, direction, source, type, event, content, details, sent_by,
      auto_replied, starred, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const nowSeconds = Math.floor(nowMs / 1000);
  const iso = (seconds) => new Date(seconds * 1000).toISOString();
  const subscribedFans = (sim) => {
    const fans = [];
    for (let i = 0; fans.length < 40 && i < sim.followers; i++) {
      const f = followerAt(sim, i);
      if (f.subscribed) fans.push(f.openid);
    }
    return fans;
  };
  const write = (appid, openid, { ago, push, reply, auto }, star) => {
    const at = iso(nowSeconds - ago);
    if (push) {
      const e = inboxEntryOf(push);
      insert.run(appid, openid, 'in', 'fan', e.type, e.event, e.content, JSON.stringify(e.details), null, auto ? 1 : 0, star ? 1 : 0, at);
      if (auto) insert.run(appid, openid, 'out', 'auto', 'text', null, auto, '{}', null, 0, 0, at);
    } else {
      const e = replyEntryOf(reply);
      insert.run(appid, openid, 'out', 'manual', e.type, null, e.content, JSON.stringify(e.details), 'usr_marketer', 0, 0, at);
    }
  };

  for (const sim of SIMULATED_ACCOUNTS.filter((a) => a.seeded && a.followers <= 5000)) {
    const fans = subscribedFans(sim);
    for (const c of CONVERSATIONS) c.steps.forEach((step) => write(sim.appid, fans[c.fan], step, c.star && step.push));
    // Older messages (3–14 days): enough for a second page.
    const random = recordRandom(hash32(`inbox:${sim.appid}`), 0);
    for (let n = 0; n < 24; n++) {
      const ago = 3 * DAY + Math.floor(random() * 11 * DAY);
      write(sim.appid, fans[(11 + (n % 29)) % fans.length], { ago, push: text(OLDER_TEXTS[n % OLDER_TEXTS.length]) }, false);
    }
  }
}
