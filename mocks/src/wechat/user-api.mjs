import { setTimeout as sleep } from 'node:timers/promises';
import { findSimulatedAccount } from './simulated-accounts.mjs';
import { followerAt } from './followers.mjs';
import { interpretPush } from '../rules/wechat-push.mjs';
import { sql } from '../lib/database.mjs';

/**
 * The simulated WeChat user API a fan sync reads, served the way WeChat serves it:
 * `cgi-bin/user/get` lists 10,000 openids per call after `next_openid`, and
 * `cgi-bin/user/info/batchget` describes at most 100 users per call. Answers are WeChat's
 * JSON (errcode on failure), not problems: the caller decides what a refusal means.
 *
 * Who follows: the account's generated population (followers.mjs), changed by the follow and
 * unfollow pushes the mock received (its event store), later follows listed last. Injected
 * faults (`/__mock/faults` with a route like `WECHAT /cgi-bin/user/get`) answer an errcode.
 */

export const USER_GET_PAGE_SIZE = 10_000;
export const BATCHGET_MAX = 100;
export const USER_GET_PATH = '/cgi-bin/user/get';
export const BATCHGET_PATH = '/cgi-bin/user/info/batchget';
/** The pseudo-method fault patterns use for the simulated WeChat API. */
export const WECHAT_METHOD = 'WECHAT';

const CALL_LOG_LIMIT = 1000;
const ERRMSG = { 45009: 'reach max api daily quota limit', 40003: 'invalid openid', 40032: 'invalid openid list size' };

/** The generated population never changes: computed once per account and process. */
const populations = new Map();

function population(account) {
  let known = populations.get(account.appid);
  if (!known) {
    const openids = new Array(account.followers);
    const subscribed = new Uint8Array(account.followers);
    const indexOf = new Map();
    for (let i = 0; i < account.followers; i++) {
      const f = followerAt(account, i);
      openids[i] = f.openid;
      subscribed[i] = f.subscribed ? 1 : 0;
      indexOf.set(f.openid, i);
    }
    populations.set(account.appid, (known = { openids, subscribed, indexOf }));
  }
  return known;
}

/**
 * The last follow/unfollow push per openid (of `openids` only, when given), in arrival order:
 * later follows are listed last.
 */
function pushedFollows(db, appid, openids = null) {
  const rows = openids
    ? sql(db, `SELECT openid, type, payload, created_at FROM events WHERE appid = ? AND openid IN (SELECT value FROM json_each(?))
               AND type IN ('subscribe', 'unsubscribe') ORDER BY created_at, id`).all(appid, JSON.stringify(openids))
    : sql(db, `SELECT openid, type, payload, created_at FROM events
               WHERE appid = ? AND type IN ('subscribe', 'unsubscribe') ORDER BY created_at, id`).all(appid);
  const last = new Map();
  for (const row of rows) {
    last.delete(row.openid);
    last.set(row.openid, { type: row.type, push: JSON.parse(row.payload), at: Math.floor(Date.parse(row.created_at) / 1000) });
  }
  return last;
}

const EMPTY = { openids: [], subscribed: new Uint8Array(0), indexOf: new Map() };

/** Every openid WeChat could list, in list order, with whether it follows now. */
function followerOrder(db, appid) {
  const account = findSimulatedAccount(appid);
  const base = account ? population(account) : EMPTY;
  const pushes = pushedFollows(db, appid);
  const order = base.openids.slice();
  const listed = Array.from(base.subscribed, (s) => s === 1);
  for (const [openid, { type }] of pushes) {
    const index = base.indexOf.get(openid);
    if (index !== undefined) listed[index] = type === 'subscribe';
    else {
      order.push(openid);
      listed.push(type === 'subscribe');
    }
  }
  return { account, base, pushes, order, listed };
}

/** user/info as WeChat answers it for one openid (`subscribe: 0` for someone not following). */
function userInfo(snapshot, openid) {
  const index = snapshot.base.indexOf.get(openid);
  const pushed = snapshot.pushes.get(openid);
  if (pushed ? pushed.type !== 'subscribe' : index === undefined || !snapshot.base.subscribed[index]) {
    return { subscribe: 0, openid };
  }
  const f = index !== undefined ? followerAt(snapshot.account, index) : null;
  // The seed's own history repeats the generated follow; only a later follow changes the facts.
  const pushedFollow = pushed ? interpretPush(pushed.push, pushed.at) : null;
  const follow = pushedFollow && (!f || pushedFollow.createdAtSeconds > f.subscribeTime) ? pushedFollow : null;
  const scene = follow ? follow.scene : f.scene;
  const qrScene = follow ? follow.qrScene : f.qrScene;
  return {
    subscribe: 1,
    openid,
    // A follower known only from a push: WeChat's push carries no language, nor does the suite.
    language: f?.language ?? null,
    subscribe_time: Math.floor(follow ? follow.createdAtSeconds : f.subscribeTime),
    ...(f ? { unionid: f.unionid } : {}),
    remark: f?.remark ?? '',
    groupid: 0,
    tagid_list: f?.tagIds ?? [],
    subscribe_scene: scene,
    qr_scene: qrScene && /^\d+$/.test(qrScene) ? Number(qrScene) : 0,
    qr_scene_str: qrScene && !/^\d+$/.test(qrScene) ? qrScene : '',
  };
}

/**
 * @param {{ faults: ReturnType<import('../faults.mjs').createFaultStore> }} options
 */
export function createWeChatUserApi({ faults }) {
  /** @type {{ api: string, appid: string, nextOpenid?: string, count?: number, errcode?: number }[]} */
  let calls = [];

  function log(entry) {
    calls.push(entry);
    if (calls.length > CALL_LOG_LIMIT) calls = calls.slice(-CALL_LOG_LIMIT);
  }

  /** An injected fault for this WeChat path: its latency, then its errcode (or null). */
  async function injected(path) {
    const fault = faults.take(WECHAT_METHOD, path);
    if (!fault) return null;
    if (fault.latencyMs) await sleep(fault.latencyMs);
    return fault.errcode ?? null;
  }

  const refusal = (errcode) => ({ errcode, errmsg: ERRMSG[errcode] ?? 'injected by /__mock/faults' });

  return {
    /**
     * `GET cgi-bin/user/get?next_openid=`: up to 10,000 followers after `nextOpenid` (the
     * first ones when empty). `next_openid` is the last openid returned; a call past the end
     * answers `count: 0`.
     */
    async userGet(db, appid, nextOpenid = '') {
      const errcode = await injected(USER_GET_PATH);
      if (errcode) {
        log({ api: 'user/get', appid, nextOpenid, errcode });
        return refusal(errcode);
      }
      const snapshot = followerOrder(db, appid);
      let start = 0;
      if (nextOpenid) {
        const position = snapshot.order.indexOf(nextOpenid);
        if (position < 0) {
          log({ api: 'user/get', appid, nextOpenid, errcode: 40003 });
          return refusal(40003);
        }
        start = position + 1;
      }
      const openids = [];
      for (let i = start; i < snapshot.order.length && openids.length < USER_GET_PAGE_SIZE; i++) {
        if (snapshot.listed[i]) openids.push(snapshot.order[i]);
      }
      const total = snapshot.listed.reduce((n, listed) => n + (listed ? 1 : 0), 0);
      log({ api: 'user/get', appid, nextOpenid, count: openids.length });
      return {
        total,
        count: openids.length,
        data: { openid: openids },
        next_openid: openids.length ? openids[openids.length - 1] : '',
      };
    },

    /** `POST cgi-bin/user/info/batchget {user_list: [{openid, lang}]}`: at most 100 users. */
    async batchGet(db, appid, userList) {
      const errcode = (await injected(BATCHGET_PATH)) ?? (userList.length < 1 || userList.length > BATCHGET_MAX ? 40032 : null);
      if (errcode) {
        log({ api: 'user/info/batchget', appid, count: userList.length, errcode });
        return refusal(errcode);
      }
      const account = findSimulatedAccount(appid);
      const openids = userList.map((u) => u.openid);
      const snapshot = { account, base: account ? population(account) : EMPTY, pushes: pushedFollows(db, appid, openids) };
      log({ api: 'user/info/batchget', appid, count: userList.length });
      return { user_info_list: userList.map(({ openid }) => userInfo(snapshot, openid)) };
    },

    /** The latest calls, oldest first (for tests and `/__mock/wechat/calls`). */
    calls: () => calls.slice(),
    clearCalls() {
      calls = [];
    },
  };
}
