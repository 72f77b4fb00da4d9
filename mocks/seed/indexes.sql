-- Created after the bulk insert of the seed: building an index once is faster than
-- maintaining it row by row.
CREATE UNIQUE INDEX fans_by_openid ON fans (appid, openid);
CREATE INDEX fans_by_contact ON fans (contact_id);
CREATE INDEX fans_by_account_contact ON fans (appid, contact_id);
CREATE INDEX fans_by_account_subscribed ON fans (appid, subscribed);
CREATE INDEX contacts_by_phone ON contacts (phone) WHERE phone IS NOT NULL;
CREATE INDEX contacts_by_email ON contacts (email) WHERE email IS NOT NULL;
CREATE INDEX events_by_fan ON events (appid, openid, created_at);
-- The fans list pages by subscribe time (its default sort) within an account.
CREATE INDEX fans_by_account_time ON fans (appid, subscribe_time);
