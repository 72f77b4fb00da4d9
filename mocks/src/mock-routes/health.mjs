/** GET /__mock/health: liveness for start scripts and e2e. */
export default async function healthRoutes(fastify, { suite }) {
  fastify.get('/__mock/health', async () => ({
    status: 'ok',
    now: suite.clock.iso(),
    runningJobs: suite.jobs.runningCount,
    eventStreams: suite.bus.size,
  }));
}
