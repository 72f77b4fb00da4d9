/**
 * The one event bus: every server-sent event goes through `publish`, which picks the open
 * streams whose user is in the audience. Later issues publish `inbox.message` and
 * `mass-send.result` the same way.
 */

/**
 * @typedef {{ id: string, role: 'admin' | 'member', departmentId: string | null }} AudienceUser
 * @typedef {{ sessionId: string, user: AudienceUser, res: import('node:http').ServerResponse }} Stream
 */

export function createEventBus({ heartbeatMs = 15_000, retryMs = 3_000 } = {}) {
  /** @type {Set<Stream>} */
  const streams = new Set();
  let nextEventId = 1;
  let heartbeat = null;

  function ensureHeartbeat() {
    if (heartbeat || streams.size === 0) return;
    // Proxies and browsers drop idle streams; a comment line every 15 s keeps them open.
    heartbeat = setInterval(() => {
      for (const stream of streams) write(stream, `: heartbeat ${Date.now()}\n\n`);
    }, heartbeatMs);
    heartbeat.unref();
  }

  function stopHeartbeatIfIdle() {
    if (streams.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  }

  function write(stream, text) {
    if (stream.res.destroyed || stream.res.writableEnded) return remove(stream);
    stream.res.write(text);
  }

  function remove(stream) {
    streams.delete(stream);
    stopHeartbeatIfIdle();
  }

  return {
    /** Starts an SSE response on a raw Node response and tracks it until it closes. */
    connect({ sessionId, user, res }) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: ${retryMs}\n: connected\n\n`);
      const stream = { sessionId, user, res };
      streams.add(stream);
      res.on('close', () => remove(stream));
      res.on('error', () => remove(stream));
      ensureHeartbeat();
      return stream;
    },

    /**
     * Sends `data` (JSON) as event `eventName` to every stream whose user passes `audience`.
     * @param {string} eventName
     * @param {unknown} data
     * @param {(user: AudienceUser) => boolean} audience
     * @returns {number} how many streams received it
     */
    publish(eventName, data, audience) {
      const frame = `id: ${nextEventId++}\nevent: ${eventName}\ndata: ${JSON.stringify(data)}\n\n`;
      let sent = 0;
      for (const stream of [...streams]) {
        if (!audience(stream.user)) continue;
        write(stream, frame);
        sent++;
      }
      return sent;
    },

    /** Ends the streams of a session (signed out) or of every session. */
    disconnect(sessionId) {
      for (const stream of [...streams]) {
        if (sessionId !== undefined && stream.sessionId !== sessionId) continue;
        stream.res.end();
        remove(stream);
      }
    },

    get size() {
      return streams.size;
    },
  };
}
