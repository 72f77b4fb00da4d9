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
