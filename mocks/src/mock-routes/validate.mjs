import Ajv2020 from 'ajv/dist/2020.js';
import { toFieldErrors } from '../openapi.mjs';
import { validation } from '../lib/problems.mjs';

/** Control endpoints are not in openapi.yaml; they validate their bodies with the same field errors. */
const ajv = new Ajv2020({ allErrors: true, strict: true, useDefaults: true, allowUnionTypes: true, strictRequired: false });

/** @returns {(body: unknown) => any} the body, or throws 400 VALIDATION */
export function bodyValidator(schema) {
  const validate = ajv.compile(schema);
  return (body) => {
    const value = body ?? {};
    if (!validate(value)) throw validation(toFieldErrors(validate.errors));
    return value;
  };
}

export const APPID = { type: 'string', pattern: '^wx[0-9a-f]{16}$' };
