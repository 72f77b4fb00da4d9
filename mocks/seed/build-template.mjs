#!/usr/bin/env node
/**
 * Builds the template databases that reset copies: `template-demo.sqlite` (PRODUCT.md §5)
 * and `template-empty.sqlite` (no account bound). A template is rebuilt only when missing or
 * when the seed version (a hash of every file that shapes it) changed.
 *
 *   node mocks/seed/build-template.mjs [--force] [dataDir]
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALLOCATIONS, BOUND_AT, CONTACT_SHARING, DEPARTMENTS, JOURNEYS, SEGMENTS, USERS } from './demo.mjs';
import { isMergedSharedPerson, knownProfile } from './people.mjs';
import { seedQrCodes } from './qr-codes.mjs';
import { seedMenus } from './menus.mjs';
import { seedMaterials } from './materials.mjs';
import { insertSharingRule } from '../src/repositories/contact-sharing.mjs';
import { seedInbox } from './inbox.mjs';
import { PERMISSION_KEYS, SIMULATED_ACCOUNTS, SYSTEM_TAGS } from '../src/wechat/simulated-accounts.mjs';
import { followerAt } from '../src/wechat/followers.mjs';
import { MOCKS_DIR, defaultDataDir, templatePath } from '../src/lib/paths.mjs';

export const SCENARIOS = ['demo', 'empty'];

const SEED_SOURCES = [
  'seed/schema.sql',
  'seed/indexes.sql',
  'seed/demo.mjs',
  'seed/people.mjs',
  'seed/qr-codes.mjs',
  'seed/menus.mjs',
  'seed/materials.mjs',
  'seed/inbox.mjs',
  'src/rules/inbox-messages.mjs',
  'src/wechat/sample-media.mjs',
  'src/rules/article-html.mjs',
  'src/rules/materials.mjs',
  'src/repositories/contact-sharing.mjs',
  'seed/build-template.mjs',
  'src/wechat/simulated-accounts.mjs',
  'src/wechat/followers.mjs',
  'src/lib/prng.mjs',
];

/** Hash of the seed's sources: editing any of them rebuilds the templates. */
export function seedVersion() {
  const hash = createHash('sha256');
  for (const file of SEED_SOURCES) hash.update(readFileSync(join(MOCKS_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

export function templateVersion(file) {
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT value FROM meta WHERE key = 'seed_version'").get()?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Builds whichever template is missing or stale.
 * @returns {{ version: string, built: string[], ms: number }}
 */
export function ensureTemplates(dataDir = defaultDataDir(), { force = false } = {}) {
  const started = performance.now();
  const version = seedVersion();
  mkdirSync(dataDir, { recursive: true });
  const built = [];
  for (const scenario of SCENARIOS) {
    const file = templatePath(dataDir, scenario);
    if (!force && templateVersion(file) === version) continue;
    buildTemplate(file, scenario, version);
    built.push(scenario);
  }
  return { version, built, ms: Math.round(performance.now() - started) };
}

/** Writes a template next to its target and renames it: a concurrent reader never sees half a file. */
export function buildTemplate(target, scenario, version = seedVersion()) {
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const db = new Database(temp);
  try {
    // A template is rebuilt from scratch on failure, so durability during the build is moot.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(readFileSync(join(MOCKS_DIR, 'seed/schema.sql'), 'utf8'));
    db.transaction(() => {
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      meta.run('seed_version', version);
      meta.run('scenario', scenario);
      seedOrganisation(db);
      seedHostData(db);
      if (scenario === 'demo') {
        seedAccounts(db);
        seedQrCodes(db);
      }
    })();
    db.exec(readFileSync(join(MOCKS_DIR, 'seed/indexes.sql'), 'utf8'));
    db.exec('ANALYZE');
  } catch (error) {
    db.close();
    rmSync(temp, { force: true });
    throw error;
  }
  db.close();
  renameSync(temp, target);
}

function seedOrganisation(db) {
  const department = db.prepare('INSERT INTO departments (id, name, parent_id, position) VALUES (?, ?, ?, ?)');
  DEPARTMENTS.forEach((d, i) => department.run(d.id, d.name, d.parentId, i));
  const user = db.prepare('INSERT INTO users (id, username, name, role, department_id) VALUES (?, ?, ?, ?, ?)');
  for (const u of USERS) user.run(u.id, u.username, u.name, u.role, u.departmentId);
}

function seedHostData(db) {
  const segment = db.prepare('INSERT INTO segments (id, name, description, size, position) VALUES (?, ?, ?, ?, ?)');
  SEGMENTS.forEach((s, i) => segment.run(s.id, s.name, s.description, s.size, i));
  const journey = db.prepare(
    'INSERT INTO journeys (id, name, status, trigger, steps, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const j of JOURNEYS) {
    journey.run(j.id, j.name, j.status, JSON.stringify(j.trigger), JSON.stringify(j.steps), j.createdAt, j.createdAt);
  }
}

/** Fan history is written for small accounts only: 100,000 subscribe events would slow every reset copy. */
const HISTORY_LIMIT = 5000;

function seedAccounts(db) {
  const account = db.prepare(`INSERT INTO accounts
    (appid, original_id, name, type, verified, permissions, status, bound, bound_at, authorized_at)
    VALUES (?, ?, ?, ?, ?, ?, 'authorized', 1, ?, ?)`);
  const tag = db.prepare('INSERT INTO tags (appid, id, name) VALUES (?, ?, ?)');
  const contact = db.prepare('INSERT INTO contacts (id, name, phone, email, created_at) VALUES (?, ?, ?, ?, ?)');
  const fan = db.prepare(`INSERT INTO fans
    (appid, openid, unionid, contact_id, subscribed, subscribe_time, subscribe_scene, qr_scene, language, remark, tag_ids, blacklisted)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const event = db.prepare('INSERT INTO events (appid, openid, type, payload, created_at) VALUES (?, ?, ?, ?, ?)');
  const allocation = db.prepare('INSERT INTO allocations (department_id, appid) VALUES (?, ?)');

  let nextContactId = 1;
  const mergedContactByPerson = new Map();
  const iso = (seconds) => new Date(seconds * 1000).toISOString();

  for (const sim of SIMULATED_ACCOUNTS.filter((a) => a.seeded)) {
    const boundAt = BOUND_AT[sim.appid];
    account.run(sim.appid, sim.originalId, sim.name, sim.type, sim.verified ? 1 : 0, JSON.stringify(PERMISSION_KEYS), boundAt, boundAt);
    for (const t of [...SYSTEM_TAGS, ...sim.tags]) tag.run(sim.appid, t.id, t.name);
    const sharedCount = sim.sharedFollowers?.count ?? 0;
    const sharerOf = SIMULATED_ACCOUNTS.find((a) => a.sharedFollowers?.appid === sim.appid);

    for (let i = 0; i < sim.followers; i++) {
      const f = followerAt(sim, i);
      const isShared = i < sharedCount;
      const merged = isMergedSharedPerson(i, sharerOf?.sharedFollowers.count ?? sharedCount);
      let contactId = isShared && merged ? mergedContactByPerson.get(f.person) : undefined;
      if (contactId === undefined) {
        contactId = nextContactId++;
        // The second account's share of a non-merged person stays anonymous: a known phone on
        // both contacts would mean they should have been merged.
        const profile = isShared ? null : knownProfile(f.person, { merged: Boolean(sharerOf) && merged });
        contact.run(contactId, profile?.name ?? null, profile?.phone ?? null, profile?.email ?? null, iso(f.subscribeTime));
        if (sharerOf && merged) mergedContactByPerson.set(f.person, contactId);
      }
      fan.run(sim.appid, f.openid, f.unionid, contactId, f.subscribed ? 1 : 0, f.subscribeTime, f.scene, f.qrScene,
        f.language, f.remark, JSON.stringify(f.tagIds), f.blacklisted ? 1 : 0);
      if (sim.followers <= HISTORY_LIMIT) seedHistory(event, sim, f, iso);
    }
  }
  for (const a of ALLOCATIONS) allocation.run(a.departmentId, a.appid);
  for (const rule of CONTACT_SHARING) insertSharingRule(db, { ...rule, enabled: true }, rule.createdAt);
  seedMenus(db, BOUND_AT);
  seedMaterials(db, BOUND_AT);
  seedInbox(db);
}

function seedHistory(event, sim, f, iso) {
  const push = {
    ToUserName: sim.originalId,
    FromUserName: f.openid,
    CreateTime: f.subscribeTime,
    MsgType: 'event',
    Event: 'subscribe',
    EventKey: f.qrScene ? `qrscene_${f.qrScene}` : '',
  };
  event.run(sim.appid, f.openid, 'subscribe', JSON.stringify(push), iso(f.subscribeTime));
  if (!f.subscribed) {
    const left = f.subscribeTime + 86400 * 30;
    const unsubscribe = { ...push, CreateTime: left, Event: 'unsubscribe', EventKey: '' };
    event.run(sim.appid, f.openid, 'unsubscribe', JSON.stringify(unsubscribe), iso(left));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const dataDir = args.find((a) => !a.startsWith('--')) ?? defaultDataDir();
  const { version, built, ms } = ensureTemplates(dataDir, { force });
  console.log(
    built.length
      ? `Built ${built.join(' and ')} template(s) (seed ${version}) in ${ms} ms in ${dataDir}`
      : `Templates are up to date (seed ${version}) in ${dataDir}`,
  );
}
