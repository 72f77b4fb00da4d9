import { SYSTEM_TAGS, findSimulatedAccount } from '../wechat/simulated-accounts.mjs';
import { followerAt } from '../wechat/followers.mjs';
import { insertTags } from '../repositories/contacts.mjs';
import { recordFollower } from '../services/fans.mjs';
import { notFound } from '../lib/problems.mjs';

/**
 * `fans.import`: every current follower of a freshly authorized account becomes a fan and a
 * contact. Resumable: followers are rebuilt by index, so a restarted job continues at
 * `progress.done`.
 */
export const FANS_IMPORT = 'fans.import';

/** WeChat's user/info/batchget describes 100 users per call: one call per step. */
const FOLLOWERS_PER_STEP = 100;

/** @type {import('./engine.mjs').JobHandler} */
export const fansImport = {
  resumable: true,
  async run(job) {
    const account = findSimulatedAccount(job.appid);
    if (!account) throw notFound(`WeChat account ${job.appid}`);
    const total = account.followers;
    const counts = { created: 0, updated: 0, ...job.state };
    let done = job.resumeFrom;
    insertTags(job.db, account.appid, [...SYSTEM_TAGS, ...account.tags]);
    job.progress(done, total, counts);
    while (done < total) {
      await job.step();
      const db = job.db;
      const end = Math.min(done + FOLLOWERS_PER_STEP, total);
      const now = job.clock.iso();
      db.transaction(() => {
        for (let i = done; i < end; i++) {
          const follower = followerAt(account, i);
          // user/get lists current followers only.
          if (follower.subscribed) counts[recordFollower(db, account.appid, follower, now)]++;
        }
      })();
      done = end;
      job.progress(done, total, counts);
    }
    return { followers: counts.created + counts.updated, created: counts.created, updated: counts.updated };
  },
};
