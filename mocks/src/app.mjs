import { existsSync, rmSync } from 'node:fs';
import Fastify from 'fastify';
import { ensureTemplates } from '../seed/build-template.mjs';
import { createLiveDatabase, readMeta } from './lib/database.mjs';
import { createClock } from './lib/clock.mjs';
import { parseForm } from './lib/form.mjs';
import { defaultDataDir, livePath, materialsDir, templatePath } from './lib/paths.mjs';
import { createEventBus } from './event-bus.mjs';
import { createFaultStore } from './faults.mjs';
import { compileOperations, loadOpenApi } from './openapi.mjs';
import { createJobEngine } from './jobs/engine.mjs';
import { registerJobTypes } from './jobs/index.mjs';
import { createWeChatUserApi } from './wechat/user-api.mjs';
import { listSessions, restoreSessions } from './repositories/users.mjs';
import { apiGuard, isApiPath } from './hooks/api-guard.mjs';
import { faultHook } from './hooks/faults.mjs';
import { responseValidator } from './hooks/response-validation.mjs';
import { errorHandler } from './hooks/error-handler.mjs';
import { API_ROUTES } from './routes/index.mjs';
import { MOCK_ROUTES } from './mock-routes/index.mjs';

/**
 * @typedef {object} MockSuiteOptions
 * @property {string} [dataDir] templates and live.sqlite; default `MOCK_DATA_DIR` or `mocks/data`
 * @property {boolean} [validateResponses] tests: a response that breaks openapi.yaml throws
 * @property {boolean | { info?: Function, warn?: Function }} [logger] `true` logs to the console
 * @property {number} [jobStepDelayMs] pause between job steps, standing for WeChat API latency (default 10)
 * @property {number} [heartbeatMs] SSE heartbeat period (default 15000)
 */

function makeLog(logger) {
  if (!logger) return () => {};
  if (logger === true) return (message) => console.log(`[mock] ${message}`);
  return (message) => (logger.info ?? logger.log ?? console.log).call(logger, `[mock] ${message}`);
}

/**
 * Builds the mock suite: templates (if stale), the live database, clock, event bus, faults,
 * job engine and a Fastify plugin with every `/api/**` and `/__mock/**` route.
 * @param {MockSuiteOptions} [options]
 */
export async function createMockSuite({
  dataDir = defaultDataDir(),
  validateResponses = false,
  logger = false,
  jobStepDelayMs = 10,
  heartbeatMs = 15_000,
} = {}) {
  const log = makeLog(logger);
  const templates = ensureTemplates(dataDir);
  if (templates.built.length) log(`built template(s) ${templates.built.join(', ')} in ${templates.ms} ms`);

  const database = createLiveDatabase(livePath(dataDir));
  const demoTemplate = templatePath(dataDir, 'demo');
  database.open(demoTemplate);
  if (readMeta(database.handle, 'seed_version') !== templates.version) {
    // The schema or seed changed since live.sqlite was made: its writes cannot be kept.
    log('live.sqlite predates the current seed: replacing it with the demo template');
    database.replaceWith(demoTemplate);
  }

  const clock = createClock();
  const bus = createEventBus({ heartbeatMs });
  const faults = createFaultStore();
  const operations = compileOperations(loadOpenApi());
  const jobs = createJobEngine({ database, clock, bus, stepDelayMs: jobStepDelayMs, log });
  const wechatUsers = createWeChatUserApi({ faults });
  registerJobTypes(jobs, { wechatUsers });

  let closed = false;

  const suite = {
    dataDir,
    database,
    /** The live connection; a reset replaces it, so never keep it. */
    get db() {
      return database.handle;
    },
    clock,
    bus,
    faults,
    jobs,
    /** The simulated WeChat user API (user/get, batchget) and its call log. */
    wechatUsers,
    operations,
    /** Response mismatches seen (validateResponses only). */
    responseErrors: [],

    /**
     * Copies a template over the live database (milliseconds, even with 100,000 fans).
     * Sessions of users that still exist stay valid; jobs, clock and faults start afresh.
     * @param {'demo' | 'empty'} scenario
     */
    reset(scenario = 'demo') {
      const started = performance.now();
      const template = templatePath(dataDir, scenario);
      if (!existsSync(template)) ensureTemplates(dataDir);
      jobs.abandonAll();
      const sessions = listSessions(database.handle);
      database.replaceWith(template);
      // Uploaded files belonged to the rows just replaced: without this they pile up run after run.
      rmSync(materialsDir(dataDir), { recursive: true, force: true });
      restoreSessions(database.handle, sessions);
      clock.reset();
      faults.clear();
      wechatUsers.clearCalls();
      const ms = Math.round((performance.now() - started) * 10) / 10;
      log(`reset to ${scenario} in ${ms} ms`);
      return { scenario, ms };
    },

    /** Stops jobs and event streams and closes the database. Safe to call twice. */
    async close() {
      if (closed) return;
      closed = true;
      jobs.abandonAll();
      bus.disconnect();
      database.close();
    },

    /** Register with `fastify.register(suite.plugin)`. */
    plugin: mockSuitePlugin,
  };

  async function mockSuitePlugin(fastify) {
    for (const name of ['user', 'sessionId', 'account']) {
      if (!fastify.hasRequestDecorator(name)) fastify.decorateRequest(name, null);
    }
    if (!fastify.hasContentTypeParser('application/x-www-form-urlencoded')) {
      fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) =>
        done(null, parseForm(body)));
    }
    fastify.setErrorHandler(errorHandler(log));

    const apiRoutes = [];
    fastify.addHook('onRoute', (route) => {
      if (isApiPath(route.url) && route.config?.openapi !== false) {
        for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push(`${method} ${route.url}`);
      }
    });
    fastify.addHook('onRequest', faultHook(suite));
    fastify.addHook('preValidation', apiGuard(suite));
    if (validateResponses) fastify.addHook('preSerialization', responseValidator(suite));
    // Open event streams would keep the server from closing.
    fastify.addHook('preClose', async () => bus.disconnect());
    fastify.addHook('onClose', async () => suite.close());

    for (const routes of [...API_ROUTES, ...MOCK_ROUTES]) await fastify.register(routes, { suite });
    assertRoutesMatchOpenApi(apiRoutes, operations);
  }

  jobs.resumeInterrupted();
  return suite;
}

/** openapi.yaml is the contract: a route missing from it, or an operation without a route, is a bug. */
export function assertRoutesMatchOpenApi(routes, operations) {
  const undocumented = routes.filter((key) => !operations.has(key));
  const unrouted = [...operations.keys()].filter((key) => !routes.includes(key));
  if (undocumented.length || unrouted.length) {
    throw new Error(
      `Routes and openapi.yaml disagree. Not in openapi.yaml: ${undocumented.join(', ') || 'none'}. ` +
        `No route: ${unrouted.join(', ') || 'none'}.`,
    );
  }
}

/**
 * A Fastify instance serving only the mock suite (tests, and `node mocks/server.mjs`).
 * The suite is on `app.mockSuite`.
 * @param {MockSuiteOptions} [options]
 */
export async function buildServer(options = {}) {
  const suite = await createMockSuite(options);
  const app = Fastify({ logger: options.logger === true ? { level: 'info' } : options.logger || false });
  app.decorate('mockSuite', suite);
  await app.register(suite.plugin);
  return app;
}
