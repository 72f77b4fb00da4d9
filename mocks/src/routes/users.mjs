import { listUserRows, toUser } from '../repositories/users.mjs';

/**
 * /api/users (admin only): the organisation's users with their departments. The channel
 * allocation page computes each one's effective access from this and the departments.
 */
export default async function userRoutes(fastify, { suite }) {
  fastify.get('/api/users', async () => ({ items: listUserRows(suite.db).map(toUser) }));
}
