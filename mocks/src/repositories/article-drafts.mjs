import { sql } from '../lib/database.mjs';

/** SQL of the article_drafts table (see schema.sql): the editor's unsaved edits per user, account and article. */

export const findArticleDraft = (db, appid, draftKey, userId) =>
  sql(db, 'SELECT document, updated_at FROM article_drafts WHERE appid = ? AND draft_key = ? AND user_id = ?').get(appid, draftKey, userId);

export const saveArticleDraft = (db, appid, draftKey, userId, document, now) =>
  sql(db, `INSERT INTO article_drafts (appid, draft_key, user_id, document, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (appid, draft_key, user_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at`)
    .run(appid, draftKey, userId, JSON.stringify(document), now);

/** One user's draft (Discard, or that user saved the article). */
export const deleteArticleDraft = (db, appid, draftKey, userId) =>
  sql(db, 'DELETE FROM article_drafts WHERE appid = ? AND draft_key = ? AND user_id = ?').run(appid, draftKey, userId);

/** Every user's drafts of an article (it was deleted: nobody can save them any more). */
export const deleteArticleDraftsOf = (db, appid, draftKey) =>
  sql(db, 'DELETE FROM article_drafts WHERE appid = ? AND draft_key = ?').run(appid, draftKey);
