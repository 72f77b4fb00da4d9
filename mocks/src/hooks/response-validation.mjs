import { isApiPath, operationOf, pathOf } from './api-guard.mjs';

export class ResponseValidationError extends Error {}

/**
 * Tests only: a JSON response that does not match openapi.yaml (or whose status the
 * operation does not declare) becomes an error, so the test that caused it fails.
 */
export function responseValidator(suite) {
  return async function validateResponse(request, reply, payload) {
    if (!isApiPath(pathOf(request))) return payload;
    const operation = operationOf(suite, request);
    if (!operation) return payload;
    const status = String(reply.statusCode);
    const validate = operation.responses.has(status) ? operation.responses.get(status) : operation.responses.get('default');
    let message;
    if (validate === undefined) message = `status ${status} is not declared`;
    else if (validate && !validate(payload)) message = JSON.stringify(validate.errors);
    if (!message) return payload;
    const error = new ResponseValidationError(
      `Response of ${operation.operationId} (${request.method} ${request.url}) does not match openapi.yaml: ${message}`,
    );
    suite.responseErrors.push(error.message);
    (suite.reportResponseError ?? console.error)(error.message);
    throw error;
  };
}
