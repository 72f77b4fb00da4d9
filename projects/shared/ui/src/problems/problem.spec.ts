import { toProblem } from './problem';

describe('toProblem', () => {
  const body = {
    type: 'https://suite.example/problems/validation',
    title: 'Invalid request',
    status: 400,
    detail: 'name is required',
    code: 'VALIDATION',
    errors: [{ field: 'name', message: 'required' }],
  };

  it('keeps a parsed problem+json body', () => {
    expect(toProblem(body)).toEqual(body);
  });

  it('drops unknown fields and malformed field errors', () => {
    const problem = toProblem({ code: 'CONFLICT', status: 409, extra: '<b>x</b>', errors: ['bad', { field: 'name' }] });
    expect(problem).toEqual({ code: 'CONFLICT', status: 409, errors: [{ field: 'name', message: '' }] });
  });

  it('reads the body out of openapi-fetch and HttpClient style wrappers', () => {
    expect(toProblem({ error: { code: 'NOT_FOUND' }, response: { status: 404 } })).toEqual({ code: 'NOT_FOUND', status: 404 });
    expect(toProblem({ status: 422, error: { code: 'WECHAT_45015', detail: 'out of window' } })).toEqual({
      code: 'WECHAT_45015',
      status: 422,
      detail: 'out of window',
    });
  });

  it('reads the problem an Error carries', () => {
    const error = Object.assign(new Error('Forbidden'), { problem: { code: 'FORBIDDEN_ACCOUNT', status: 403 } });
    expect(toProblem(error)).toEqual({ code: 'FORBIDDEN_ACCOUNT', status: 403 });
    const flat = Object.assign(new Error('Forbidden'), { code: 'FORBIDDEN_ROLE', status: 403 });
    expect(toProblem(flat)).toEqual(jasmine.objectContaining({ code: 'FORBIDDEN_ROLE', status: 403 }));
  });

  it('turns network failures into NETWORK', () => {
    expect(toProblem(new TypeError('Failed to fetch')).code).toBe('NETWORK');
    expect(toProblem({ status: 0, error: new ProgressEvent('error') }).code).toBe('NETWORK');
  });

  it('keeps the status of an unparsed Response, without inventing a code', () => {
    expect(toProblem(new Response(null, { status: 502, statusText: 'Bad Gateway' }))).toEqual({
      status: 502,
      title: 'Bad Gateway',
    });
  });

  it("keeps a plain Error's message as detail and copes with anything else", () => {
    expect(toProblem(new Error('boom'))).toEqual({ detail: 'boom' });
    expect(toProblem(new TypeError('x is undefined')).code).toBeUndefined();
    expect(toProblem('oops')).toEqual({ detail: 'oops' });
    expect(toProblem(undefined)).toEqual({});
    expect(toProblem(42)).toEqual({});
  });
});
