import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { MOCKS_DIR } from './lib/paths.mjs';

/**
 * Turns `mocks/openapi.yaml` into per-operation validators, compiled once at startup.
 * Requests are validated with type coercion (query and path values arrive as strings);
 * responses strictly, so a handler that drifts from the document fails its test.
 */

export const OPENAPI_FILE = join(MOCKS_DIR, 'openapi.yaml');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const COMPONENTS_ID = 'https://wechat-mfe.dev/openapi/components';

export function loadOpenApi(file = OPENAPI_FILE) {
  return YAML.parse(readFileSync(file, 'utf8'));
}

/** `#/components/schemas/X` must resolve inside Ajv, where the document is not the root schema. */
function rewriteRefs(node) {
  return JSON.parse(
    JSON.stringify(node).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`),
  );
}

function createAjv(options) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ...options });
  addFormats(ajv);
  return ajv;
}

/** `/api/wechat/accounts/{appid}` → `/api/wechat/accounts/:appid` (Fastify's syntax). */
export const toFastifyPath = (path) => path.replace(/\{([^}]+)\}/g, ':$1');

function resolveParameter(doc, parameter) {
  if (!parameter.$ref) return parameter;
  const name = parameter.$ref.replace('#/components/parameters/', '');
  return doc.components.parameters[name];
}

function parametersSchema(parameters) {
  if (!parameters.length) return null;
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema ?? {}])),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  };
}

/**
 * @typedef {object} Operation
 * @property {string} operationId
 * @property {string} method upper case
 * @property {string} path Fastify route path
 * @property {boolean} isPublic no session needed (`security: []`)
 * @property {string | undefined} requiredRole `x-required-role`
 * @property {import('ajv').ValidateFunction | null} validatePath
 * @property {import('ajv').ValidateFunction | null} validateQuery
 * @property {string[]} commaSeparatedQuery array parameters sent as `a,b` (explode: false)
 * @property {import('ajv').ValidateFunction | null} validateBody
 * @property {boolean} bodyRequired
 * @property {Map<string, import('ajv').ValidateFunction | null>} responses by status or 'default'
 */

/** @returns {Map<string, Operation>} keyed by `METHOD /fastify/path` */
export function compileOperations(doc = loadOpenApi()) {
  const components = { $id: COMPONENTS_ID, $defs: rewriteRefs(doc.components.schemas) };
  const requestAjv = createAjv({ coerceTypes: 'array', useDefaults: true });
  const responseAjv = createAjv({});
  requestAjv.addSchema(components);
  responseAjv.addSchema(components);

  const operations = new Map();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolveParameter(doc, p));
      const inPath = parameters.filter((p) => p.in === 'path');
      const inQuery = parameters.filter((p) => p.in === 'query');
      const compile = (ajv, schema) => (schema ? ajv.compile(rewriteRefs(schema)) : null);
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const responses = new Map();
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const resolved = response.$ref
          ? doc.components.responses[response.$ref.replace('#/components/responses/', '')]
          : response;
        const content = resolved.content ?? {};
        const schema = (content['application/json'] ?? content['application/problem+json'])?.schema;
        responses.set(status, compile(responseAjv, schema));
      }
      operations.set(`${method.toUpperCase()} ${toFastifyPath(path)}`, {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path: toFastifyPath(path),
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        requiredRole: op['x-required-role'],
        validatePath: compile(requestAjv, parametersSchema(inPath)),
        validateQuery: compile(requestAjv, parametersSchema(inQuery)),
        commaSeparatedQuery: inQuery
          .filter((p) => p.schema?.type === 'array' && p.explode === false)
          .map((p) => p.name),
        validateBody: compile(requestAjv, bodySchema),
        bodyRequired: Boolean(op.requestBody?.required),
        responses,
      });
    }
  }
  return operations;
}

/** Ajv's `/appids/0` → `appids[0]`, prefixed (`query.`, `path.`) for parameters. */
function fieldName(prefix, instancePath, child) {
  let field = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
  if (child !== undefined) field = /^\d+$/.test(String(child)) ? `${field}[${child}]` : field ? `${field}.${child}` : child;
  if (!field) return prefix ? prefix.slice(0, -1) : 'body';
  return prefix + field;
}

/**
 * Ajv errors → `[{field, message}]`, one entry per field (the first error is the useful one:
 * later ones are usually oneOf/anyOf noise about the same value).
 * @param {import('ajv').ErrorObject[]} errors
 * @param {string} prefix '' for the body, 'query.' or 'path.'
 */
export function toFieldErrors(errors, prefix = '') {
  const byField = new Map();
  for (const error of errors ?? []) {
    let field;
    let message = error.message ?? 'is not valid';
    switch (error.keyword) {
      case 'required':
        field = fieldName(prefix, error.instancePath, error.params.missingProperty);
        message = 'is required';
        break;
      case 'additionalProperties':
        field = fieldName(prefix, error.instancePath, error.params.additionalProperty);
        message = 'is not allowed';
        break;
      case 'uniqueItems':
        field = fieldName(prefix, error.instancePath, error.params.i);
        message = `duplicates item ${error.params.j}`;
        break;
      case 'enum':
        field = fieldName(prefix, error.instancePath);
        message = `must be one of: ${error.params.allowedValues.join(', ')}`;
        break;
      default:
        field = fieldName(prefix, error.instancePath);
    }
    if (!byField.has(field)) byField.set(field, { field, message });
  }
  return [...byField.values()];
}
