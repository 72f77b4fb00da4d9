/**
 * Injected faults (/__mock/faults): latency and/or an error status for requests whose
 * `METHOD /path` matches a pattern, a bounded number of times. The simulated WeChat API
 * consults the same store as `WECHAT /cgi-bin/...` (e.g. `WECHAT /cgi-bin/user/get`), where an
 * `errcode` makes WeChat refuse; `skip` lets that many matching calls through first, so a
 * fault can strike mid-way through a job.
 */

/**
 * Compiles a fault pattern into a test over `METHOD /path`.
 * `/.../flags` is a regular expression; anything else is a glob where `*` matches any run of
 * characters and `?` one character. A glob without a method (`/api/jobs*`) matches any method.
 * @returns {(method: string, path: string) => boolean}
 */
export function compileRoutePattern(pattern) {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (regex && !pattern.startsWith('/api') && !pattern.startsWith('/__mock')) {
    const re = new RegExp(regex[1], regex[2]);
    return (method, path) => re.test(`${method} ${path}`);
  }
  const hasMethod = /^[A-Za-z*]+\s/.test(pattern);
  const source = pattern
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`, 'i');
  return (method, path) => re.test(hasMethod ? `${method} ${path}` : path);
}

export function createFaultStore() {
  /** @type {{ id: number, route: string, status?: number, latencyMs?: number, errcode?: number, skip: number, remaining: number, matches: Function }[]} */
  let faults = [];
  let nextId = 1;
  return {
    add({ route, status, latencyMs, errcode, skip = 0, times = 1 }) {
      const fault = { id: nextId++, route, status, latencyMs, errcode, skip, remaining: times, matches: compileRoutePattern(route) };
      faults.push(fault);
      return fault;
    },
    /** The first fault matching the request, consumed once; null when none (or while it skips). */
    take(method, path) {
      const fault = faults.find((f) => f.matches(method, path));
      if (!fault) return null;
      if (fault.skip > 0) {
        fault.skip -= 1;
        return null;
      }
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
      return fault;
    },
    list: () => faults.map(({ id, route, status, latencyMs, errcode, skip, remaining }) => ({ id, route, status, latencyMs, errcode, skip, remaining })),
    clear() {
      faults = [];
    },
  };
}
