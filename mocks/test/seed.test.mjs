import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTemplates } from '../seed/build-template.mjs';
import { templatePath } from '../src/lib/paths.mjs';
import { SIMULATED_ACCOUNTS } from '../src/wechat/simulated-accounts.mjs';
import { FOLLOWER_ANCHOR_SECONDS, followerAt } from '../src/wechat/followers.mjs';
import { APPIDS, prepareDataDir, removeDataDir } from './helpers.mjs';

const SCENES = new Set([
  'ADD_SCENE_SEARCH', 'ADD_SCENE_QR_CODE', 'ADD_SCENE_PROFILE_CARD', 'ADD_SCENE_PROFILE_LINK', 'ADD_SCENE_PROFILE_ITEM',
  'ADD_SCENE_ACCOUNT_MIGRATION', 'ADD_SCENE_WECHAT_ADVERTISEMENT', 'ADD_SCENE_CHANNELS', 'ADD_SCENE_PAID',
  'ADD_SCENE_REPRINT', 'ADD_SCENE_LIVESTREAM', 'ADD_SCENE_OTHERS',
]);

describe('demo seed', () => {
  let dataDir, db;
  before(() => {
    dataDir = prepareDataDir();
    db = new Database(templatePath(dataDir, 'demo'), { readonly: true });
  });
  after(() => {
    db.close();
    removeDataDir(dataDir);
  });
  const one = (query, ...params) => Object.values(db.prepare(query).get(...params))[0];

  it('has the four accounts with their fan counts, including 100,000 for DM Demo Service', () => {
    const counts = Object.fromEntries(db.prepare('SELECT appid, COUNT(*) AS n FROM fans GROUP BY appid').all().map((r) => [r.appid, r.n]));
    assert.deepEqual(counts, { [APPIDS.smart]: 2000, [APPIDS.subscription]: 500, [APPIDS.demo]: 100_000, [APPIDS.unverified]: 50 });
    const ratio = one('SELECT AVG(subscribed) FROM fans');
    assert.ok(ratio > 0.93 && ratio < 0.97, `subscribed ratio ${ratio}`);
  });

  it('gives every fan a contact and merges half of the people who follow both Dmartech accounts', () => {
    assert.equal(one('SELECT COUNT(*) FROM fans f LEFT JOIN contacts c ON c.id = f.contact_id WHERE c.id IS NULL'), 0);
    const bothAccounts = db.prepare(`SELECT contact_id FROM fans WHERE appid IN (?, ?)
      GROUP BY contact_id HAVING COUNT(DISTINCT appid) = 2`).all(APPIDS.smart, APPIDS.subscription);
    assert.equal(bothAccounts.length, 150);
    const merged = db.prepare('SELECT * FROM contacts WHERE id = ?').get(bothAccounts[0].contact_id);
    assert.ok(merged.phone && merged.email);
    // The other 150 share a unionid (same person) but are two separate contacts.
    const sharedPeople = one(`SELECT COUNT(*) FROM (SELECT unionid FROM fans WHERE appid IN (?, ?)
      GROUP BY unionid HAVING COUNT(*) = 2)`, APPIDS.smart, APPIDS.subscription);
    assert.equal(sharedPeople, 300);
    const phones = one('SELECT COUNT(*) FROM (SELECT phone FROM contacts WHERE phone IS NOT NULL GROUP BY phone HAVING COUNT(*) > 1)');
    assert.equal(phones, 0, 'a shared phone would mean an unmerged person');
    assert.equal(one('SELECT COUNT(*) FROM contacts'), 102_550 - 150);
  });

  it('looks like WeChat data: openids, scenes, tags >= 100, no nickname or avatar', () => {
    const columns = db.prepare('PRAGMA table_info(fans)').all().map((c) => c.name);
    assert.ok(!columns.some((c) => /nick|avatar|headimg/.test(c)));
    const sample = db.prepare('SELECT * FROM fans WHERE id % 997 = 0').all();
    for (const fan of sample) {
      assert.match(fan.openid, /^o[\w-]{27}$/);
      assert.match(fan.unionid, /^o[\w-]{27}$/);
      assert.ok(SCENES.has(fan.subscribe_scene), fan.subscribe_scene);
      assert.equal(fan.qr_scene !== null, fan.subscribe_scene === 'ADD_SCENE_QR_CODE');
      assert.ok(JSON.parse(fan.tag_ids).every((id) => id >= 100));
      assert.ok(fan.subscribe_time <= FOLLOWER_ANCHOR_SECONDS && fan.subscribe_time > FOLLOWER_ANCHOR_SECONDS - 3 * 366 * 86400);
    }
    // WeChat's own 星标组 (id 2) besides; the accounts' tags start at 100.
    assert.deepEqual(db.prepare("SELECT DISTINCT id, name FROM tags WHERE id < 100").all(), [{ id: 2, name: '星标组' }]);
    const blacklisted = one('SELECT COUNT(*) FROM fans WHERE blacklisted = 1');
    assert.ok(blacklisted > 0 && blacklisted < 1000);
  });

  it('records subscribe history for the small accounts only', () => {
    assert.equal(one("SELECT COUNT(*) FROM events WHERE type = 'subscribe' AND appid = ?", APPIDS.smart), 2000);
    assert.equal(one("SELECT COUNT(*) FROM events WHERE type = 'unsubscribe' AND appid = ?", APPIDS.smart),
      one('SELECT COUNT(*) FROM fans WHERE subscribed = 0 AND appid = ?', APPIDS.smart));
    assert.equal(one('SELECT COUNT(*) FROM events WHERE appid = ?', APPIDS.demo), 0);
  });

  it('is deterministic', () => {
    const demo = SIMULATED_ACCOUNTS.find((a) => a.appid === APPIDS.demo);
    assert.deepEqual(followerAt(demo, 12_345), followerAt(demo, 12_345));
    assert.equal(db.prepare('SELECT openid FROM fans WHERE appid = ? AND openid = ?').get(APPIDS.demo, followerAt(demo, 12_345).openid)?.openid,
      followerAt(demo, 12_345).openid);
  });

  it('has an empty scenario with the organisation but no account', () => {
    const empty = new Database(templatePath(dataDir, 'empty'), { readonly: true });
    try {
      const count = (table) => empty.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n;
      assert.deepEqual([count('accounts'), count('fans'), count('allocations'), count('departments'), count('users'), count('segments')], [0, 0, 0, 4, 4, 3]);
    } finally {
      empty.close();
    }
  });

  it('builds both templates in a few seconds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wechat-mfe-seed-'));
    try {
      const { built, ms } = ensureTemplates(dir);
      console.log(`template build (demo + empty, 100,000 fans): ${ms} ms`);
      assert.deepEqual(built, ['demo', 'empty']);
      assert.ok(ms < 10_000);
      assert.deepEqual(ensureTemplates(dir).built, [], 'an up-to-date template is not rebuilt');
    } finally {
      removeDataDir(dir);
    }
  });
});
