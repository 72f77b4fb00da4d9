/*
 * Public API of the suite API library: the client generated from mocks/openapi.yaml, typed problem
 * errors, and the job helpers. Modules never call fetch for suite data themselves.
 */
export * from './models';
export { createSuiteClient, unwrap, type SuiteClient } from './client';
export { ProblemError, problemFromResponse, type ProblemCode } from './problem-error';
export { watchJob, activeJobs, isFinished } from './jobs';
export { basedOn, ifMatch } from './preconditions';
export { SUITE_CLIENT, provideSuiteClient } from './angular';
