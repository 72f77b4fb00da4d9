/**
 * Demo channel QR codes (PRODUCT §3) for every seeded service account: permanent codes for stores
 * and print, temporary ones for campaigns (one already expired), with scans spread over the 30
 * days before the template was built. Scene values are the ones the seeded fans followed through
 * (followers.mjs), so fan lists and QR statistics tell the same story.
 */
import { SIMULATED_ACCOUNTS } from '../src/wechat/simulated-accounts.mjs';
import { followerAt } from '../src/wechat/followers.mjs';
import { hash32, recordRandom } from '../src/lib/prng.mjs';

const DAY = 86_400;

/** `ageDays`: created that many days before the build; `rate`: mean scans per day; `followShare`: scans that follow. */
export const DEMO_QR_CODES = [
  { name: '北京朝阳门店 · 收银台立牌', kind: 'permanent', sceneStr: 'store_bj_01', ageDays: 420, rate: 14, followShare: 0.35,
    tags: [101], reply: '欢迎光临 Dmartech 北京朝阳门店！回复“会员”领取新客专享券。' },
  { name: '官网首页关注码', kind: 'permanent', sceneId: 1001, ageDays: 610, rate: 9, followShare: 0.6, tags: [], reply: null },
  { name: '产品手册封底', kind: 'permanent', sceneId: 1002, ageDays: 300, rate: 3, followShare: 0.5, tags: [100], reply: null,
    enabled: false },
  { name: '2026 上海进博会展位', kind: 'temporary', sceneStr: 'expo_2026_sh', ageDays: 45, expireDays: 30, rate: 60,
    followShare: 0.7, tags: [103], reply: '感谢莅临展位！展会资料包：https://dmartech.cn/expo' },
  { name: '春季新品海报', kind: 'temporary', sceneStr: 'poster_spring', ageDays: 12, expireDays: 30, rate: 22, followShare: 0.55,
    tags: [101, 103], reply: '春季新品上市，点击菜单“新品”查看详情。' },
  { name: '直播间福利码', kind: 'temporary', sceneId: 2001, ageDays: 3, expireDays: 7, rate: 35, followShare: 0.65, tags: [102],
    reply: '直播福利已到账，请在“我的优惠”中查看。' },
];

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A stable WeChat-style ticket per (account, code). */
function ticketFor(appid, index) {
  const random = recordRandom(hash32(`qr-ticket:${appid}`), index);
  let ticket = '';
  for (let i = 0; i < 22; i++) ticket += BASE62[Math.floor(random() * 62)];
  return ticket;
}

/** Poisson-ish daily count: the mean, ±60 %, more on weekends, none before creation or after expiry. */
function scansOn(random, rate, weekday) {
  const weekend = weekday === 0 || weekday === 6 ? 1.4 : 1;
  return Math.max(0, Math.round(rate * weekend * (0.4 + random() * 1.2)));
}

/** Writes the demo codes and their scans; `nowMs` is the build time (scans end there). */
export function seedQrCodes(db, nowMs = Date.now()) {
  const nowSeconds = Math.floor(nowMs / 1000);
  const code = db.prepare(`INSERT INTO qr_codes (appid, name, kind, scene_type, scene, expire_seconds, expires_at, ticket, url,
      tag_ids, reply, enabled, scans, follows, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`);
  const scan = db.prepare('INSERT INTO qr_code_scans (qr_code_id, appid, openid, new_follow, scanned_at) VALUES (?, ?, ?, ?, ?)');
  const totals = db.prepare(`UPDATE qr_codes SET scans = (SELECT count(*) FROM qr_code_scans WHERE qr_code_id = @id),
      follows = (SELECT coalesce(sum(new_follow), 0) FROM qr_code_scans WHERE qr_code_id = @id) WHERE id = @id`);
  const iso = (seconds) => new Date(seconds * 1000).toISOString();

  for (const sim of SIMULATED_ACCOUNTS.filter((a) => a.seeded && a.type === 'service')) {
    // Small accounts get fewer scans: 50 followers do not scan 60 times a day.
    const scale = sim.followers >= 2000 ? 1 : 0.25;
    DEMO_QR_CODES.forEach((demo, index) => {
      const createdAt = nowSeconds - demo.ageDays * DAY - 3_600 * (index + 2);
      const expiresAt = demo.kind === 'temporary' ? createdAt + demo.expireDays * DAY : null;
      const ticket = ticketFor(sim.appid, index);
      const reply = demo.reply ? JSON.stringify({ type: 'text', content: demo.reply }) : null;
      const id = Number(
        code.run(sim.appid, demo.name, demo.kind, demo.sceneId !== undefined ? 'number' : 'string', String(demo.sceneId ?? demo.sceneStr),
          expiresAt ? demo.expireDays * DAY : null, expiresAt ? iso(expiresAt) : null, ticket, `https://weixin.qq.com/q/${ticket}`,
          JSON.stringify(demo.tags), reply, demo.enabled === false ? 0 : 1, iso(createdAt), iso(createdAt)).lastInsertRowid,
      );
      const random = recordRandom(hash32(`qr-scans:${sim.appid}`), index);
      for (let daysAgo = 29; daysAgo >= 0; daysAgo--) {
        const dayStart = nowSeconds - daysAgo * DAY - (nowSeconds % DAY);
        const count = Math.round(scansOn(random, demo.rate, new Date(dayStart * 1000).getUTCDay()) * scale);
        for (let n = 0; n < count; n++) {
          const at = dayStart + Math.floor(random() * DAY);
          if (at < createdAt || at > nowSeconds || (expiresAt !== null && at >= expiresAt)) continue;
          const follower = followerAt(sim, Math.floor(random() * sim.followers));
          scan.run(id, sim.appid, follower.openid, random() < demo.followShare ? 1 : 0, iso(at));
        }
      }
      totals.run({ id });
    });
  }
}
