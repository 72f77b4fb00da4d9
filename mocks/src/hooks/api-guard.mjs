import { findSessionUser, toUser } from '../repositories/users.mjs';
import { assertAccountAccess } from '../services/access.mjs';
import { readCookie } from '../lib/cookies.mjs';
import { fieldError, forbiddenRole, unauthenticated, validation } from '../lib/problems.mjs';
import { toFieldErrors } from '../openapi.mjs';

export const SESSION_COOKIE = 'wx_sid';

export const isApiPath = (path) => path === '/api' || path.startsWith('/api/');
export const pathOf = (request) => request.url.split('?', 1)[0];

/** The OpenAPI operation a request was routed to (HEAD answers like GET). */
export function operationOf(suite, request) {
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  return suite.operations.get(`${method} ${request.routeOptions.url}`);
}

/** `?limit=` means "not given": drop empty values so defaults apply; split `a,b` lists. */
function normalizeQuery(query, commaSeparated) {
  for (const [name, value] of Object.entries(query)) if (value === '') delete query[name];
  for (const name of commaSeparated) {
    const value = query[name];
    if (value === undefined) continue;
    query[name] = [value].flat().flatMap((v) => String(v).split(',')).filter((v) => v !== '');
  }
}

/**
 * Everything an `/api` request passes before its handler, in this order (so a member never
 * learns more than "forbidden"): session → role (`x-required-role`) → path parameters →
 * account access (any route with an `appid` parameter) → query → body. Route files get it
 * all by being in openapi.yaml.
 */
export function apiGuard(suite) {
  return async function guard(request) {
    if (!isApiPath(pathOf(request))) return;
    const operation = operationOf(suite, request);

    if (!operation?.isPublic) {
      const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE);
      const row = sessionId ? findSessionUser(suite.db, sessionId) : undefined;
      if (!row) throw unauthenticated();
      request.user = toUser(row);
      request.sessionId = sessionId;
    }
    if (!operation) return;

    if (operation.requiredRole && request.user.role !== operation.requiredRole) throw forbiddenRole();

    if (operation.validatePath && !operation.validatePath(request.params)) {
      throw validation(toFieldErrors(operation.validatePath.errors, 'path.'));
    }
    if (request.params?.appid !== undefined) {
      request.account = assertAccountAccess(suite.db, request.user, request.params.appid);
    }

    if (operation.validateQuery) {
      normalizeQuery(request.query, operation.commaSeparatedQuery);
      if (!operation.validateQuery(request.query)) {
        throw validation(toFieldErrors(operation.validateQuery.errors, 'query.'));
      }
    }

    if (request.body === undefined || request.body === null) {
      if (operation.bodyRequired) throw fieldError('body', 'is required');
    } else if (operation.validateBody && !operation.validateBody(request.body)) {
      throw validation(toFieldErrors(operation.validateBody.errors));
    }
  };
}
