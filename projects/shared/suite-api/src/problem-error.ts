import type { Problem } from './models';

/** The problem codes of ARCHITECTURE §5; WeChat refusals come as `WECHAT_<errcode>`. */
export type ProblemCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN_ROLE'
  | 'FORBIDDEN_ACCOUNT'
  | 'ACCOUNT_TYPE_UNSUPPORTED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'WECHAT_STILL_AUTHORIZED'
  | 'MOCK_FAULT'
  | 'NETWORK'
  | 'TIMEOUT'
  | `WECHAT_${string}`;

/** A failed API call as a typed error: the problem+json body the suite answered (or a NETWORK problem). */
export class ProblemError extends Error {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly detail?: string;
  readonly code: ProblemCode | string;
  readonly errors: readonly { field: string; message: string }[];

  constructor(problem: Partial<Problem> & { status: number; code: string }) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'ProblemError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.code = problem.code;
    this.errors = problem.errors ?? [];
  }

  /** The message for one field, for forms that show errors next to their inputs. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

/** Turns a non-2xx response body (problem+json or anything else) into a ProblemError. */
export function problemFromResponse(status: number, body: unknown): ProblemError {
  if (body && typeof body === 'object' && typeof (body as Problem).code === 'string') {
    return new ProblemError({ ...(body as Problem), status });
  }
  return new ProblemError({ status, code: status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'NOT_FOUND' : 'HTTP_' + status, title: `HTTP ${status}` });
}
