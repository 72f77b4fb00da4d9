import Database from 'better-sqlite3';
import { copyFileSync, existsSync, rmSync, renameSync, constants } from 'node:fs';

/** Opens a database with the pragmas every connection of the suite uses. */
export function openDatabase(file, { readonly = false } = {}) {
  const db = new Database(file, { readonly, fileMustExist: readonly });
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode; only a power cut can lose the
    // last transactions, which is fine for a mock.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  }
  return db;
}

const statementCache = new WeakMap();

/**
 * A prepared statement for `text`, cached per connection. Repositories call this on every
 * use, so they need no setup and survive the connection being replaced by a reset.
 */
export function sql(db, text) {
  let statements = statementCache.get(db);
  if (!statements) statementCache.set(db, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = db.prepare(text)));
  return statement;
}

export function readMeta(db, key) {
  return db.prepare('SELECT value FROM meta WHERE key = ?').get(key)?.value;
}

/** Copies a database file; a stale -wal/-shm beside the target would corrupt the copy. */
export function copyDatabaseFile(from, to) {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(to + suffix, { force: true });
  const temp = `${to}.${process.pid}.copy`;
  copyFileSync(from, temp, constants.COPYFILE_FICLONE);
  renameSync(temp, to);
}

/**
 * The live database: one file the suite writes to, replaced by a template copy on reset.
 * Callers always go through `handle` so nobody keeps a connection that a reset closed.
 */
export function createLiveDatabase(file) {
  /** @type {import('better-sqlite3').Database | null} */
  let db = null;
  return {
    file,
    get handle() {
      if (!db) throw new Error('The mock database is closed');
      return db;
    },
    get isOpen() {
      return db !== null;
    },
    /** Opens the live file, first copying `templateFile` when it does not exist. */
    open(templateFile) {
      if (!existsSync(file)) copyDatabaseFile(templateFile, file);
      db = openDatabase(file);
      return db;
    },
    replaceWith(templateFile) {
      db?.close();
      db = null;
      copyDatabaseFile(templateFile, file);
      db = openDatabase(file);
      return db;
    },
    close() {
      db?.close();
      db = null;
    },
  };
}
