import { sql } from '../lib/database.mjs';

/** Stand-ins for the host suite's own data (segments, journeys) that the widgets read. */

export const listSegments = (db) =>
  sql(db, 'SELECT id, name, description, size FROM segments ORDER BY position').all();

export const listJourneys = (db) =>
  sql(db, 'SELECT * FROM journeys ORDER BY created_at').all().map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    trigger: JSON.parse(row.trigger ?? 'null'),
    steps: JSON.parse(row.steps),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
