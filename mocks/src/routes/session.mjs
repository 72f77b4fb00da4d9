import { randomBytes } from 'node:crypto';
import { deleteSession, findUserByUsername, insertSession, toUser } from '../repositories/users.mjs';
import { SESSION_COOKIE } from '../hooks/api-guard.mjs';
import { expiredCookie, sessionCookie } from '../lib/cookies.mjs';
import { fieldError } from '../lib/problems.mjs';

/** /api/session: demo sign-in by username (mock only). */
export default async function sessionRoutes(fastify, { suite }) {
  fastify.post('/api/session', async (request, reply) => {
    const row = findUserByUsername(suite.db, request.body.username);
    if (!row) throw fieldError('username', 'is not a demo user');
    const id = randomBytes(24).toString('base64url');
    insertSession(suite.db, { id, userId: row.id, createdAt: suite.clock.iso() });
    reply.header('set-cookie', sessionCookie(SESSION_COOKIE, id));
    return toUser(row);
  });

  fastify.get('/api/session', async (request) => request.user);

  fastify.delete('/api/session', async (request, reply) => {
    deleteSession(suite.db, request.sessionId);
    suite.bus.disconnect(request.sessionId);
    reply.header('set-cookie', expiredCookie(SESSION_COOKIE));
    return reply.code(204).send();
  });
}
