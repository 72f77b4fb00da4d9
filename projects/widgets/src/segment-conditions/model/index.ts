/** The segment condition model: types, canonical JSON, and validation with per-node problems. */
export * from './types';
export { parseSegmentDocument, serialiseSegmentDocument } from './serialise';
export { validateSegmentDocument, problemsAt, type SegmentProblem } from './validate';
