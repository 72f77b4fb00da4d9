import { randomUUID } from 'node:crypto';
import { listBoundAccounts } from '../repositories/accounts.mjs';
import { listJourneys } from '../repositories/host.mjs';
import { findJourney, insertJourney, listEntries } from '../repositories/journey-entries.mjs';
import { departmentAppids } from '../services/access.mjs';
import { usableAccounts } from '../rules/access.mjs';
import { validateTrigger } from '../rules/journey-trigger.mjs';
import { fieldError, forbiddenAccount, notFound, validation } from '../lib/problems.mjs';

/** The journey trigger widget's demo: a host journey started by a WeChat event, and who entered it. */
export default async function widgetJourneyRoutes(fastify, { suite }) {
  fastify.post('/api/widgets/journeys', async (request, reply) => {
    const { name, trigger } = request.body;
    if (typeof name !== 'string' || !name.trim()) throw fieldError('name', 'is required');
    const errors = validateTrigger(trigger);
    if (errors.length) throw validation(errors);
    const usable = usableAccounts(request.user, listBoundAccounts(suite.db), departmentAppids(suite.db, request.user));
    if (!usable.some((a) => a.appid === trigger.appid)) throw forbiddenAccount(trigger.appid);
    const id = `journey-${randomUUID().slice(0, 8)}`;
    insertJourney(suite.db, { id, name: name.trim(), trigger, now: new Date(suite.clock.nowSeconds() * 1000).toISOString() });
    return reply.code(201).send(listJourneys(suite.db).find((j) => j.id === id));
  });

  fastify.get('/api/widgets/journeys/:journeyId/entries', async (request) => {
    if (!findJourney(suite.db, request.params.journeyId)) throw notFound(`Journey ${request.params.journeyId}`);
    return { items: listEntries(suite.db, request.params.journeyId) };
  });
}
