import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileOperations, loadOpenApi, toFieldErrors } from '../src/openapi.mjs';
import { responseValidator, ResponseValidationError } from '../src/hooks/response-validation.mjs';
import { assertRoutesMatchOpenApi } from '../src/app.mjs';

describe('openapi.yaml', () => {
  const doc = loadOpenApi();
  const operations = compileOperations(doc);

  it('is OpenAPI 3.1 with a unique operationId, a tag and a problem default on every operation', () => {
    assert.match(doc.openapi, /^3\.1\./);
    const ids = [...operations.values()].map((op) => op.operationId);
    assert.equal(new Set(ids).size, ids.length);
    for (const [path, item] of Object.entries(doc.paths)) {
      assert.match(path, /^\/api\//);
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters') continue;
        assert.ok(op.tags?.length, `${method} ${path} has a tag`);
        assert.ok(op.responses.default, `${method} ${path} has a default (problem) response`);
      }
    }
    for (const name of ['Account', 'User', 'Department', 'Job', 'Problem', 'Contact', 'JobAccepted']) {
      assert.ok(doc.components.schemas[name], name);
    }
  });

  it('marks admin-only and public operations', () => {
    const adminOnly = [...operations.values()].filter((op) => op.requiredRole === 'admin').map((op) => op.operationId).sort();
    assert.deepEqual(adminOnly, [
      'createAuthorization',
      'createContactSharingRule',
      'deleteContactSharingRule',
      'listContactSharingRules',
      'listDepartments',
      'listUsers',
      'unbindAccount',
      'updateAllocation',
      'updateContactSharingRule',
    ]);
    assert.deepEqual([...operations.values()].filter((op) => op.isPublic).map((op) => op.operationId), ['createSession']);
  });

  it('turns Ajv errors into field errors', () => {
    const op = operations.get('POST /api/session');
    assert.equal(op.validateBody({ username: 'x', extra: 1 }), false);
    assert.deepEqual(toFieldErrors(op.validateBody.errors).map((e) => e.field).sort(), ['extra', 'username']);
  });

  it('fails a response that does not match, or a route missing from the document', async () => {
    const suite = { operations, responseErrors: [], reportResponseError: () => {} };
    const hook = responseValidator(suite);
    const request = { url: '/api/session', method: 'GET', routeOptions: { url: '/api/session' } };
    const good = { id: 'u', username: 'admin', name: 'A', role: 'admin', department: null };
    assert.equal(await hook(request, { statusCode: 200 }, good), good);
    await assert.rejects(hook(request, { statusCode: 200 }, { ...good, role: 'root' }), ResponseValidationError);
    assert.equal(suite.responseErrors.length, 1);
    assert.throws(() => assertRoutesMatchOpenApi([...operations.keys(), 'GET /api/secret'], operations), /GET \/api\/secret/);
    assert.throws(() => assertRoutesMatchOpenApi([...operations.keys()].slice(1), operations), /No route/);
  });
});
