import { setTimeout as sleep } from 'node:timers/promises';
import { mockFault, sendProblem, wechatRefused } from '../lib/problems.mjs';
import { isApiPath, pathOf } from './api-guard.mjs';

/** Applies injected faults (latency, then an error status) to `/api` requests only. */
export function faultHook(suite) {
  return async function applyFault(request, reply) {
    const path = pathOf(request);
    if (!isApiPath(path)) return;
    const fault = suite.faults.take(request.method, path);
    if (!fault) return;
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.errcode) return sendProblem(reply, wechatRefused(fault.errcode, 'injected by /__mock/faults'));
    if (fault.status) return sendProblem(reply, mockFault(fault.status));
  };
}
