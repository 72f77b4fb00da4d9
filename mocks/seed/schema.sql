-- One schema for the template and the live database. Timestamps are ISO-8601 UTC text
-- (they sort as text), except fan subscribe times, kept as WeChat's epoch seconds.

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE departments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_id TEXT REFERENCES departments(id),
  position INTEGER NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
  department_id TEXT REFERENCES departments(id)
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- An account row outlives unbinding (bound = 0) so that re-binding restores it and its
-- contacts keep their account links.
CREATE TABLE accounts (
  appid TEXT PRIMARY KEY,
  original_id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('service', 'subscription')),
  verified INTEGER NOT NULL,
  permissions TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('authorized', 'revoked')),
  bound INTEGER NOT NULL,
  bound_at TEXT,
  authorized_at TEXT,
  unbound_at TEXT
);

CREATE TABLE authorizations (
  id TEXT PRIMARY KEY,
  ticket TEXT NOT NULL UNIQUE,
  appid TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  completed_appid TEXT,
  completed_at TEXT
);

CREATE TABLE allocations (
  department_id TEXT NOT NULL REFERENCES departments(id),
  appid TEXT NOT NULL,
  PRIMARY KEY (department_id, appid)
);

CREATE TABLE tags (
  appid TEXT NOT NULL,
  id INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (appid, id)
);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  name TEXT,
  phone TEXT,
  email TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE fans (
  id INTEGER PRIMARY KEY,
  appid TEXT NOT NULL,
  openid TEXT NOT NULL,
  unionid TEXT,
  contact_id INTEGER NOT NULL,
  subscribed INTEGER NOT NULL,
  subscribe_time INTEGER,
  subscribe_scene TEXT,
  qr_scene TEXT,
  language TEXT,
  remark TEXT NOT NULL DEFAULT '',
  tag_ids TEXT NOT NULL DEFAULT '[]',
  blacklisted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  appid TEXT NOT NULL,
  openid TEXT,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  appid TEXT,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  done INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL DEFAULT 0,
  params TEXT NOT NULL DEFAULT '{}',
  state TEXT NOT NULL DEFAULT '{}',
  result TEXT,
  error TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_by_user ON jobs (created_by, created_at);

CREATE TABLE segments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  size INTEGER NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE journeys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  trigger TEXT,
  steps TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- --- qr-codes ---
-- Channel QR codes (PRODUCT §3). `scene` is WeChat's EventKey text (scene_id or scene_str):
-- one account never has two unexpired codes with the same scene. Counters are kept on the
-- row (sorting the list by them must stay cheap) and match qr_code_scans.
CREATE TABLE qr_codes (
  id INTEGER PRIMARY KEY,
  appid TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('temporary', 'permanent')),
  scene_type TEXT NOT NULL CHECK (scene_type IN ('number', 'string')),
  scene TEXT NOT NULL,
  expire_seconds INTEGER,
  expires_at TEXT,
  ticket TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  tag_ids TEXT NOT NULL DEFAULT '[]',
  reply TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  scans INTEGER NOT NULL DEFAULT 0,
  follows INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX qr_codes_by_account ON qr_codes (appid, created_at);
CREATE INDEX qr_codes_by_scene ON qr_codes (appid, scene);

CREATE TABLE qr_code_scans (
  id INTEGER PRIMARY KEY,
  qr_code_id INTEGER NOT NULL REFERENCES qr_codes(id) ON DELETE CASCADE,
  appid TEXT NOT NULL,
  openid TEXT NOT NULL,
  new_follow INTEGER NOT NULL,
  scanned_at TEXT NOT NULL
);
CREATE INDEX qr_code_scans_by_code ON qr_code_scans (qr_code_id, scanned_at);

-- --- menus ---
-- The custom menus WeChat holds per account (menu/create, menu/addconditional) and the editor's
-- unpublished draft. Buttons are stored as WeChat's own JSON; menuid is WeChat's numeric id.
CREATE TABLE menu_live (
  appid TEXT PRIMARY KEY,
  button TEXT NOT NULL,
  published_at TEXT NOT NULL
);

CREATE TABLE menu_conditional (
  menuid INTEGER PRIMARY KEY AUTOINCREMENT,
  appid TEXT NOT NULL,
  button TEXT NOT NULL,
  matchrule TEXT NOT NULL,
  published_at TEXT NOT NULL
);
CREATE INDEX menu_conditional_by_account ON menu_conditional (appid);
-- WeChat's menuids are large numbers; start there so they look like the real thing.
INSERT INTO menu_conditional (menuid, appid, button, matchrule, published_at) VALUES (208396937, '', '[]', '{}', '');
DELETE FROM menu_conditional;

CREATE TABLE menu_drafts (
  appid TEXT PRIMARY KEY,
  document TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);

-- --- auto-reply ---
-- Per account: the on-follow and default replies (replies as JSON lists) and the keyword rules.
CREATE TABLE auto_reply_settings (
  appid TEXT PRIMARY KEY,
  on_follow_enabled INTEGER NOT NULL DEFAULT 0,
  on_follow_replies TEXT NOT NULL DEFAULT '[]',
  default_enabled INTEGER NOT NULL DEFAULT 0,
  default_replies TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE auto_reply_rules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  appid TEXT NOT NULL,
  name TEXT NOT NULL,
  keywords TEXT NOT NULL,
  replies TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('all', 'random')),
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX auto_reply_rules_by_account ON auto_reply_rules (appid, created_at);
-- --- fans: sync and contacts ---
-- One "Sync WeChat fans" run per account: the cursor of WeChat's user/get paging
-- (`page_cursor` = the next_openid that opened the current page, `page_offset` = how many of
-- its openids were already detailed) is written in the same transaction as the fans, so a
-- failed or interrupted run resumes exactly there. `run_id` marks the fans a run saw
-- (fan_sync_seen) to find those WeChat no longer lists.
CREATE TABLE fan_sync_runs (
  appid TEXT PRIMARY KEY,
  run_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'failed', 'succeeded')),
  page_cursor TEXT NOT NULL DEFAULT '',
  page_offset INTEGER NOT NULL DEFAULT 0,
  pages INTEGER NOT NULL DEFAULT 0,
  done INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL DEFAULT 0,
  counts TEXT NOT NULL DEFAULT '{}',
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE fan_sync_seen (
  appid TEXT NOT NULL,
  openid TEXT NOT NULL,
  run_id TEXT NOT NULL,
  PRIMARY KEY (appid, openid)
) WITHOUT ROWID;

-- --- channel-allocation: contact sharing ---
-- Contact-sharing rules (PRODUCT §3): the contacts of accounts A, B owned by department X are
-- shared read-only with departments Y, Z. A rule's accounts and targets are rows of their own so
-- "what is shared with Y" stays one indexed join; disabled rules share nothing.
CREATE TABLE contact_sharing (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  source_department_id TEXT NOT NULL REFERENCES departments(id),
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE contact_sharing_accounts (
  rule_id INTEGER NOT NULL REFERENCES contact_sharing(id) ON DELETE CASCADE,
  appid TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (rule_id, appid)
) WITHOUT ROWID;
CREATE TABLE contact_sharing_targets (
  rule_id INTEGER NOT NULL REFERENCES contact_sharing(id) ON DELETE CASCADE,
  department_id TEXT NOT NULL REFERENCES departments(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (rule_id, department_id)
) WITHOUT ROWID;
CREATE INDEX contact_sharing_by_target ON contact_sharing_targets (department_id);
-- --- end channel-allocation: contact sharing ---
-- --- mass-send ---
-- Mass sends (群发) of an account: `audience` and `content` are the API's JSON; an openid list
-- keeps every openid. Status: scheduled → sending (the job runs, then WeChat's result is awaited)
-- → finished | failed; scheduled → cancelled. Totals are known when the job ends but shown only
-- once MASSSENDJOBFINISH "arrives" (result_at), at result_due_at on the mock clock.
CREATE TABLE mass_sends (
  id INTEGER PRIMARY KEY,
  appid TEXT NOT NULL,
  msg_id TEXT NOT NULL,
  client_msg_id TEXT,
  audience TEXT NOT NULL,
  content TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('scheduled', 'sending', 'finished', 'failed', 'cancelled')),
  send_at TEXT,
  quota_at TEXT NOT NULL,
  job_id TEXT,
  started_at TEXT,
  total INTEGER,
  sent INTEGER,
  filtered INTEGER,
  errors INTEGER,
  result_due_at TEXT,
  result_at TEXT,
  error TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX mass_sends_by_account ON mass_sends (appid, created_at);
CREATE INDEX mass_sends_by_status ON mass_sends (status);

-- How many mass sends each fan received per China calendar month (the 4-per-month rule).
CREATE TABLE mass_send_fan_counts (
  appid TEXT NOT NULL,
  openid TEXT NOT NULL,
  month TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (appid, month, openid)
) WITHOUT ROWID;

-- One unsent composition per account and user.
CREATE TABLE mass_send_drafts (
  appid TEXT NOT NULL,
  user_id TEXT NOT NULL,
  document TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (appid, user_id)
);

-- Accounts that have NOT signed WeChat's mass-send agreement (48003); none in the demo seed,
-- toggled with POST /__mock/mass-send/agreement.
CREATE TABLE mass_send_agreement_missing (appid TEXT PRIMARY KEY);
-- --- materials ---
-- The account's materials (WeChat's permanent material/add_material and temporary media/upload):
-- images, thumbs, voice, video with their bytes in a file (`file`: a name under the data folder's
-- materials/ directory, or `sample:…` for seeded bytes made in code), and articles (news) whose
-- items (sanitized bodies) are JSON. Temporary media has `expires_at` (3 days after upload).
CREATE TABLE materials (
  media_id TEXT PRIMARY KEY,
  appid TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('image', 'thumb', 'voice', 'video', 'news')),
  name TEXT NOT NULL,
  permanent INTEGER NOT NULL,
  file TEXT,
  content_type TEXT,
  size INTEGER,
  duration_seconds REAL,
  description TEXT,
  articles TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expires_at TEXT
);
CREATE INDEX materials_by_account ON materials (appid, type, created_at);
-- --- inbox ---
-- The inbox (消息管理): what fans sent (direction 'in': messages and the events they caused, see
-- rules/inbox-messages.mjs) and what was sent to them (direction 'out': `source` 'manual' from the
-- inbox, 'auto' for auto and QR-code replies). `content` is the searchable text; `details` the
-- type's WeChat fields (JSON). Times are ISO; a backdated push keeps its CreateTime, so order is
-- (created_at, id). Small tables: their indexes are made here, not after the bulk seed.
CREATE TABLE inbox_messages (
  id INTEGER PRIMARY KEY,
  appid TEXT NOT NULL,
  openid TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  type TEXT NOT NULL,
  event TEXT,
  content TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}',
  source TEXT CHECK (source IN ('fan', 'manual', 'auto')),
  sent_by TEXT,
  auto_replied INTEGER NOT NULL DEFAULT 0,
  starred INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX inbox_by_account ON inbox_messages (appid, direction, created_at, id);
CREATE INDEX inbox_by_fan ON inbox_messages (appid, openid, created_at, id);

-- templates
-- WeChat's side of template messages: the templates WeChat holds per account (filled from
-- src/wechat/message-templates.mjs the first time the account's templates are used, marked in
-- wechat_template_accounts), and the suite's copy that a sync mirrors from it.
CREATE TABLE wechat_template_accounts (appid TEXT PRIMARY KEY);
CREATE TABLE wechat_templates (
  appid TEXT NOT NULL,
  template_id TEXT NOT NULL,
  short_id TEXT NOT NULL,
  title TEXT NOT NULL,
  primary_industry TEXT NOT NULL,
  deputy_industry TEXT NOT NULL,
  content TEXT NOT NULL,
  example TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (appid, template_id)
);
CREATE TABLE templates (
  appid TEXT NOT NULL,
  template_id TEXT NOT NULL,
  title TEXT NOT NULL,
  primary_industry TEXT NOT NULL,
  deputy_industry TEXT NOT NULL,
  content TEXT NOT NULL,
  example TEXT NOT NULL,
  synced_at TEXT NOT NULL,
  PRIMARY KEY (appid, template_id)
);
-- Template sends: the template as it was (title, content), the values, the link and the audience as
-- JSON; totals once the job ended. One result row per recipient (sent, or failed with WeChat's errcode).
CREATE TABLE template_sends (
  id INTEGER PRIMARY KEY,
  appid TEXT NOT NULL,
  template_id TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  data TEXT NOT NULL,
  link TEXT NOT NULL,
  audience TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sending', 'finished', 'failed')),
  job_id TEXT,
  total INTEGER,
  sent INTEGER,
  failed INTEGER,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX template_sends_by_account ON template_sends (appid, created_at);
CREATE TABLE template_send_results (
  send_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  openid TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
  errcode INTEGER,
  reason TEXT,
  msg_id TEXT,
  PRIMARY KEY (send_id, position)
) WITHOUT ROWID;

-- --- widgets ---
-- Contacts who entered a host journey when its WeChat trigger fired (the journey trigger widget's demo).
CREATE TABLE journey_entries (
  id INTEGER PRIMARY KEY,
  journey_id TEXT NOT NULL,
  appid TEXT NOT NULL,
  openid TEXT NOT NULL,
  contact_id INTEGER,
  event_id INTEGER NOT NULL,
  entered_at TEXT NOT NULL
);
CREATE INDEX journey_entries_by_journey ON journey_entries (journey_id, entered_at);

-- --- fans: tag index ---
-- One row per (fan, tag id in fans.tag_ids): the tag filter of the fans list, its count and the
-- tag audiences read this index instead of matching the JSON text of 100,000 rows. fans.tag_ids
-- stays the source (the API's), and only these triggers write fan_tags, so no writer of fans can
-- forget it. `subscribe_time` and `subscribed` are copied from the fan so that a tag page
-- (newest first, optionally subscribed only) and its count walk the index alone; the triggers
-- therefore also fire when those change. `appid` and `id` are in the UPDATE OF lists for
-- completeness (no writer changes them today). Caveat: a REPLACE that deletes a fan row fires
-- the delete trigger only with recursive_triggers on; no writer uses INSERT OR REPLACE on fans.
CREATE TABLE fan_tags (
  fan_id INTEGER NOT NULL,
  tag_id INTEGER NOT NULL,
  appid TEXT NOT NULL,
  subscribe_time INTEGER,
  subscribed INTEGER NOT NULL,
  PRIMARY KEY (fan_id, tag_id)
) WITHOUT ROWID;
-- Same order as the fans list (subscribe_time DESC, id DESC); `subscribed` last makes it covering.
CREATE INDEX fan_tags_by_tag ON fan_tags (appid, tag_id, subscribe_time, fan_id, subscribed);

CREATE TRIGGER fan_tags_after_insert AFTER INSERT ON fans WHEN new.tag_ids <> '[]' BEGIN
  INSERT INTO fan_tags (fan_id, tag_id, appid, subscribe_time, subscribed)
    SELECT DISTINCT new.id, value, new.appid, new.subscribe_time, new.subscribed FROM json_each(new.tag_ids);
END;

CREATE TRIGGER fan_tags_after_update AFTER UPDATE OF tag_ids, subscribe_time, subscribed, appid, id ON fans
  WHEN old.tag_ids IS NOT new.tag_ids OR old.subscribe_time IS NOT new.subscribe_time
    OR old.subscribed IS NOT new.subscribed OR old.appid IS NOT new.appid OR old.id IS NOT new.id BEGIN
  DELETE FROM fan_tags WHERE fan_id = old.id;
  INSERT INTO fan_tags (fan_id, tag_id, appid, subscribe_time, subscribed)
    SELECT DISTINCT new.id, value, new.appid, new.subscribe_time, new.subscribed FROM json_each(new.tag_ids);
END;

CREATE TRIGGER fan_tags_after_delete AFTER DELETE ON fans BEGIN
  DELETE FROM fan_tags WHERE fan_id = old.id;
END;
-- --- end fans: tag index ---

-- --- materials: article drafts ---
-- The article editor's unsaved edits, one per user, account and article (`draft_key`: the
-- article's media id, or `new` for one never saved). `document` is the editor's state as JSON.
-- Saving the article deletes the saver's draft; deleting the article deletes every user's.
CREATE TABLE article_drafts (
  appid TEXT NOT NULL,
  draft_key TEXT NOT NULL,
  user_id TEXT NOT NULL,
  document TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (appid, draft_key, user_id)
);
-- --- end materials: article drafts ---
