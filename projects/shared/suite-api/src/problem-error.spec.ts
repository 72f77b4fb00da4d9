import { ProblemError, problemFromResponse } from './problem-error';
import { unwrap } from './client';

describe('problem errors', () => {
  it('keeps the problem+json body: code, status, detail and field errors', () => {
    const error = problemFromResponse(400, {
      type: 'https://wechat-mfe.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      code: 'VALIDATION',
      detail: 'username is not a demo user',
      errors: [{ field: 'username', message: 'must be one of admin, marketer, east, sales' }],
    });
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.code).toBe('VALIDATION');
    expect(error.status).toBe(400);
    expect(error.fieldError('username')).toMatch(/admin/);
    expect(error.fieldError('password')).toBeUndefined();
    expect(error.message).toBe('username is not a demo user');
  });

  it('gives a code to answers that are not problem+json', () => {
    expect(problemFromResponse(401, 'nope').code).toBe('UNAUTHENTICATED');
    expect(problemFromResponse(404, undefined).code).toBe('NOT_FOUND');
    expect(problemFromResponse(502, '<html>').code).toBe('HTTP_502');
  });

  it('unwrap returns the data of a success and throws the problem of a failure', async () => {
    const ok = new Response('{}', { status: 200 });
    await expectAsync(unwrap(Promise.resolve({ data: { items: [] }, response: ok }))).toBeResolvedTo({ items: [] });
    const refused = new Response('{}', { status: 409 });
    await expectAsync(
      unwrap(Promise.resolve({ error: { code: 'WECHAT_STILL_AUTHORIZED', status: 409, title: 'Still authorized' }, response: refused })),
    ).toBeRejectedWith(jasmine.objectContaining({ code: 'WECHAT_STILL_AUTHORIZED', status: 409 }));
  });
});
