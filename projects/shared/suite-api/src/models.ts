import type { components } from './generated/schema';

/** Schemas of the suite API, named as the OpenAPI document names them. */
export type Schemas = components['schemas'];
export type Account = Schemas['Account'];
export type Job = Schemas['Job'];
export type JobStatus = Schemas['JobStatus'];
export type Problem = Schemas['Problem'];
export type Department = Schemas['Department'];
