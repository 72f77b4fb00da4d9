/**
 * RFC 9457 problem details, the only error shape of the suite API (ARCHITECTURE §5).
 * Handlers throw a `Problem`; the plugin's error handler serializes it.
 */

const TITLES = {
  VALIDATION: 'The request is not valid',
  UNAUTHENTICATED: 'Sign in first',
  FORBIDDEN_ROLE: 'Only administrators may do this',
  FORBIDDEN_ACCOUNT: 'This WeChat account is not available to you',
  ACCOUNT_TYPE_UNSUPPORTED: 'Not available for this account type',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  STALE: 'Changed since you loaded it',
  WECHAT_STILL_AUTHORIZED: 'WeChat still reports this account as authorized',
  MOCK_FAULT: 'Injected fault',
  INTERNAL: 'Internal error',
};

export class Problem extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} detail
   * @param {{ title?: string, errors?: {field: string, message: string}[] }} [more]
   */
  constructor(status, code, detail, more = {}) {
    super(detail);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.title = more.title ?? TITLES[code] ?? (code.startsWith('WECHAT_') ? 'WeChat refused the request' : 'Error');
    this.errors = more.errors ?? [];
  }

  toJSON() {
    return {
      type: problemType(this.code),
      title: this.title,
      status: this.status,
      detail: this.detail,
      code: this.code,
      errors: this.errors,
    };
  }
}

export const problemType = (code) => `https://wechat-mfe.dev/problems/${code.toLowerCase()}`;

export const validation = (errors, detail) =>
  new Problem(400, 'VALIDATION', detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
export const fieldError = (field, message) => validation([{ field, message }]);
export const unauthenticated = () => new Problem(401, 'UNAUTHENTICATED', 'No valid session: sign in again.');
export const forbiddenRole = () =>
  new Problem(403, 'FORBIDDEN_ROLE', 'This action is reserved to administrators.');
export const forbiddenAccount = (appid) =>
  new Problem(403, 'FORBIDDEN_ACCOUNT', `WeChat account ${appid} is not bound or not allocated to your department.`);
export const accountTypeUnsupported = (account, feature) =>
  new Problem(
    403,
    'ACCOUNT_TYPE_UNSUPPORTED',
    `${feature} is not available for ${account.name}, a${account.verified ? '' : 'n unverified'} ${account.type} account.`,
  );
export const notFound = (what) => new Problem(404, 'NOT_FOUND', `${what} was not found.`);
export const conflict = (detail) => new Problem(409, 'CONFLICT', detail);
export const wechatRefused = (errcode, errmsg) => new Problem(422, `WECHAT_${errcode}`, `WeChat error ${errcode}: ${errmsg}`);
export const mockFault = (status) => new Problem(status, 'MOCK_FAULT', `Fault injected by /__mock/faults (HTTP ${status}).`);

/** Sends a problem on a Fastify reply. */
export function sendProblem(reply, problem) {
  return reply.code(problem.status).type('application/problem+json').send(problem.toJSON());
}
