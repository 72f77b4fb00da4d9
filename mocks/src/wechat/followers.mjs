import { findSimulatedAccount } from './simulated-accounts.mjs';
import { hash32, pick, recordRandom, scramble32, weighted } from '../lib/prng.mjs';

/**
 * The followers WeChat reports for a simulated account, rebuilt on demand from
 * (account, index). The seed and the import job both read them, so importing a seeded
 * account finds exactly the fans the seed wrote.
 */

/** Subscribe times are spread over the three years before this instant (fixed: determinism). */
export const FOLLOWER_ANCHOR_SECONDS = Date.UTC(2026, 10, 1) / 1000;
const THREE_YEARS = 3 * 365 * 24 * 3600;

// WeChat's subscribe_scene values, weighted roughly as a marketing account sees them.
const SCENES = [
  ['ADD_SCENE_SEARCH', 28],
  ['ADD_SCENE_QR_CODE', 26],
  ['ADD_SCENE_PROFILE_CARD', 10],
  ['ADD_SCENE_PROFILE_LINK', 8],
  ['ADD_SCENE_PROFILE_ITEM', 7],
  ['ADD_SCENE_ACCOUNT_MIGRATION', 5],
  ['ADD_SCENE_WECHAT_ADVERTISEMENT', 5],
  ['ADD_SCENE_CHANNELS', 3],
  ['ADD_SCENE_PAID', 2],
  ['ADD_SCENE_REPRINT', 2],
  ['ADD_SCENE_LIVESTREAM', 2],
  ['ADD_SCENE_OTHERS', 2],
];
const QR_SCENES = ['1001', '1002', '2001', 'expo_2026_sh', 'store_bj_01', 'poster_spring'];
const LANGUAGES = [
  ['zh_CN', 85],
  ['en', 8],
  ['zh_TW', 4],
  ['zh_HK', 3],
];
const REMARKS = ['展会认识', '老客户', '合作伙伴', '待回访', '渠道商'];
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const UNION_SEED = hash32('unionid');

function randomChars(random, length) {
  let text = '';
  for (let i = 0; i < length; i++) text += BASE64URL[Math.floor(random() * 64)];
  return text;
}

/** 6 characters that encode a 32-bit number: keeps generated ids unique by construction. */
function uniqueChars(n) {
  let text = '';
  for (let i = 0; i < 6; i++) text += BASE64URL[(n >>> (i * 6)) & 63];
  return text;
}

/** The person behind follower `index`: shared followers are people of another account. */
export function personNumber(account, index) {
  const shared = account.sharedFollowers;
  if (shared && index < shared.count) return findSimulatedAccount(shared.appid).personBase + index;
  return account.personBase + index;
}

/** A WeChat-like openid: 28 chars, an account-specific prefix, unique per (account, index). */
export function openidFor(account, index) {
  const random = recordRandom(account.seed ^ 0x5bd1e995, index);
  return `o${uniqueChars(account.seed).slice(0, 5)}${uniqueChars(scramble32(index ^ account.seed))}${randomChars(random, 16)}`;
}

export function unionidFor(person) {
  const random = recordRandom(UNION_SEED, person);
  return `oU${uniqueChars(scramble32(person ^ 0x2545f491))}${randomChars(random, 20)}`;
}

/**
 * Follower `index` of `account` as WeChat's user/info would describe it (no nickname or
 * avatar: WeChat stopped returning them in 2021-12).
 */
export function followerAt(account, index) {
  const random = recordRandom(account.seed, index);
  const person = personNumber(account, index);
  const scene = weighted(random, SCENES);
  const tagRoll = random();
  const tagIds = [];
  if (tagRoll < 0.3) tagIds.push(pick(random, account.tags).id);
  if (tagRoll < 0.08) {
    const second = pick(random, account.tags).id;
    if (!tagIds.includes(second)) tagIds.push(second);
  }
  return {
    openid: openidFor(account, index),
    unionid: unionidFor(person),
    person,
    subscribed: random() >= account.unsubscribedRate,
    subscribeTime: FOLLOWER_ANCHOR_SECONDS - Math.floor(random() * THREE_YEARS),
    scene,
    qrScene: scene === 'ADD_SCENE_QR_CODE' ? pick(random, QR_SCENES) : null,
    language: weighted(random, LANGUAGES),
    remark: random() < 0.04 ? pick(random, REMARKS) : '',
    tagIds,
    blacklisted: random() < 0.003,
  };
}
