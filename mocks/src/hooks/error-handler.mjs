import { Problem, sendProblem } from '../lib/problems.mjs';

/** Every error leaves as problem+json: our Problems as they are, Fastify's 4xx as VALIDATION. */
export function errorHandler(log) {
  return function handleError(error, request, reply) {
    if (error instanceof Problem) return sendProblem(reply, error);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Malformed JSON, an empty JSON body, an unsupported content type: all a bad request.
      return sendProblem(reply, new Problem(400, 'VALIDATION', error.message, { errors: [{ field: 'body', message: error.message }] }));
    }
    log(`${request.method} ${request.url} failed: ${error.stack ?? error}`);
    return sendProblem(reply, new Problem(500, 'INTERNAL', error.message || 'Internal error'));
  };
}
