import { BATCHGET_MAX } from '../wechat/user-api.mjs';
import {
  findSyncRun, saveSyncRun, setSyncRunStatus, startSyncRun, subscribedFansNotSeen, writeSyncedFollowers,
} from '../repositories/fan-sync.mjs';
import { unsubscribeFan } from '../repositories/contacts.mjs';
import { insertEvent } from '../repositories/events.mjs';
import { findAccountRow } from '../repositories/accounts.mjs';
import { wechatRefused } from '../lib/problems.mjs';

/**
 * `fans.sync` ("Sync WeChat fans"): re-reads the account's whole follower list the way WeChat
 * serves it (user/get, 10,000 openids per call; user/info/batchget, 100 per call) and
 * reconciles the suite's fans: new followers become fans and contacts, known ones take
 * WeChat's facts, and fans WeChat no longer lists are marked unsubscribed (event recorded,
 * contact kept). Nothing is deleted.
 *
 * The cursor lives in `fan_sync_runs`, written in the transaction that wrote the fans: a run
 * that failed (e.g. WeChat's 45009 quota) or was interrupted is resumed by the next start
 * from the page (and batch) it stopped in, not from zero.
 */
export const FANS_SYNC = 'fans.sync';

/**
 * batchget calls per job step: one transaction and one yield per 2,500 followers keeps
 * 100,000 fans well inside the 20 s budget while the server keeps answering between steps.
 */
const BATCHES_PER_STEP = 25;

const emptyCounts = () => ({ created: 0, updated: 0, unchanged: 0, unsubscribed: 0 });

/** @param {ReturnType<import('../wechat/user-api.mjs').createWeChatUserApi>} wechat */
export function fansSync(wechat) {
  /** @type {import('./engine.mjs').JobHandler} */
  return {
    resumable: true,
    async run(job) {
      const appid = job.appid;
      const now = () => job.clock.iso();
      let run = findSyncRun(job.db, appid);
      const resumedFrom = run && run.status !== 'succeeded' ? run.done : null;
      if (resumedFrom === null) run = startSyncRun(job.db, { appid, runId: job.id, now: now() });
      else setSyncRunStatus(job.db, appid, 'running', now());
      run = { ...run, status: 'running', counts: { ...emptyCounts(), ...run.counts } };
      const state = () => ({ counts: run.counts, pages: run.pages, resumedFrom });
      job.progress(run.done, run.total, state());

      try {
        for (;;) {
          const page = await wechat.userGet(job.db, appid, run.page_cursor);
          if (page.errcode) throw wechatRefused(page.errcode, page.errmsg);
          run.total = page.total;
          const openids = page.data.openid;
          while (run.page_offset < openids.length) {
            await job.step();
            const infos = [];
            let refusal = null;
            for (let b = 0; b < BATCHES_PER_STEP && run.page_offset + infos.length < openids.length; b++) {
              const start = run.page_offset + infos.length;
              const batch = openids.slice(start, start + BATCHGET_MAX).map((openid) => ({ openid, lang: 'zh_CN' }));
              const answer = await wechat.batchGet(job.db, appid, batch);
              if (answer.errcode) {
                refusal = wechatRefused(answer.errcode, answer.errmsg);
                break;
              }
              infos.push(...answer.user_info_list);
            }
            writeBatch(job, run, infos, now());
            job.progress(run.done, run.total, state());
            if (refusal) throw refusal;
          }
          // This page is done: the next starts after its last openid (WeChat's next_openid).
          const lastPage = page.count === 0 || run.done >= run.total;
          if (page.count > 0) {
            run.page_cursor = page.next_openid;
            run.page_offset = 0;
            run.pages += 1;
            job.db.transaction(() => saveSyncRun(job.db, run, now()))();
          }
          if (lastPage) break;
        }
        markUnlisted(job, run, now());
        run.status = 'succeeded';
        job.db.transaction(() => saveSyncRun(job.db, run, now()))();
        job.progress(run.done, run.total, state());
        return { total: run.total, ...run.counts, pages: run.pages, resumedFrom };
      } catch (error) {
        // Best effort: a reset or shutdown leaves no database to write to.
        try {
          setSyncRunStatus(job.db, appid, 'failed', now());
        } catch {
          /* the job was abandoned */
        }
        throw error;
      }
    },
  };
}

/** Writes the followers described in one step and moves the cursor past them, atomically. */
function writeBatch(job, run, infos, nowIso) {
  if (!infos.length) return;
  const db = job.db;
  db.transaction(() => {
    // A follower who left between user/get and batchget is not one any more.
    const written = writeSyncedFollowers(db, run.appid, infos.filter((info) => info.subscribe === 1), run.run_id, nowIso);
    for (const key of Object.keys(written)) run.counts[key] += written[key];
    run.page_offset += infos.length;
    run.done += infos.length;
    saveSyncRun(db, run, nowIso);
  })();
}

/** Fans the suite knows as subscribed that WeChat no longer lists: unsubscribed, event recorded, contact kept. */
function markUnlisted(job, run, nowIso) {
  const db = job.db;
  const account = findAccountRow(db, run.appid);
  const nowSeconds = Math.floor(Date.parse(nowIso) / 1000);
  db.transaction(() => {
    for (const openid of subscribedFansNotSeen(db, run.appid, run.run_id)) {
      unsubscribeFan(db, run.appid, openid);
      const push = {
        ToUserName: account?.original_id ?? '', FromUserName: openid, CreateTime: nowSeconds, MsgType: 'event', Event: 'unsubscribe',
      };
      insertEvent(db, { appid: run.appid, openid, type: 'unsubscribe', payload: { ...push, DetectedBy: 'fans.sync' }, createdAt: nowIso });
      run.counts.unsubscribed++;
    }
    saveSyncRun(db, run, nowIso);
  })();
}
