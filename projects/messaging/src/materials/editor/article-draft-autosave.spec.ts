import { ProblemError } from '@wechat-mfe/suite-api';
import type { ArticleDraftDocument } from '../data/article-drafts-api';
import { ArticleDraftAutosave, UnsentArticleDrafts, type ArticleDraftServer } from './article-draft-autosave';

const doc = (title: string): ArticleDraftDocument => ({
  articles: [{ title, author: '', digest: '', thumbMediaId: '', thumbUrl: null, thumbName: '', content: '', contentSourceUrl: '', showCoverPic: true }],
  index: 0,
  savedId: null,
});
const A = { userId: 'marketer', appid: 'wxa', key: 'new' };
const B = { userId: 'marketer', appid: 'wxb', key: 'new' };

/** A server whose answers the test releases one by one, recording the order calls arrive and finish. */
function slowServer() {
  const log: string[] = [];
  const waiting: (() => void)[] = [];
  const answer = (entry: string) =>
    new Promise<void>((resolve) => {
      log.push(`start ${entry}`);
      waiting.push(() => {
        log.push(`end ${entry}`);
        resolve();
      });
    });
  const server: ArticleDraftServer = {
    save: (appid, key, document) => answer(`save ${appid} ${document.articles[0].title}`),
    discard: (appid) => answer(`discard ${appid}`),
  };
  const microtasks = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  /** Lets queued calls start, answers the oldest one, and lets what follows it run. */
  const release = async () => {
    await microtasks();
    waiting.shift()?.();
    await microtasks();
  };
  return { server, log, release };
}

describe('ArticleDraftAutosave', () => {
  it('sends one write at a time: a Discard waits for the save under way, so the draft stays deleted', async () => {
    const { server, log, release } = slowServer();
    const autosave = new ArticleDraftAutosave(server, new UnsentArticleDrafts(), { debounceMs: 800, retryMs: 5000 });
    autosave.show(A);
    autosave.changed(doc('一'));
    void autosave.flush();
    void autosave.clear(A);
    await release();
    expect(log).toEqual(['start save wxa 一', 'end save wxa 一', 'start discard wxa']);
    await release();
    expect(log).toEqual(['start save wxa 一', 'end save wxa 一', 'start discard wxa', 'end discard wxa']);
    // The save that finished after the Discard does not claim the (discarded) draft is saved.
    expect(autosave.status()).toBe('idle');
  });

  it('saves the previous target’s pending change when another is shown, and reports only the shown one', async () => {
    const saved: [string, string][] = [];
    const server: ArticleDraftServer = {
      save: async (appid, _key, document) => saved.push([appid, document.articles[0].title]),
      discard: async () => undefined,
    };
    const autosave = new ArticleDraftAutosave(server, new UnsentArticleDrafts(), { debounceMs: 800, retryMs: 5000 });
    autosave.show(A);
    autosave.changed(doc('给 A 的'));
    autosave.show(B);
    await autosave.flush();
    expect(saved).toEqual([['wxa', '给 A 的']]);
    expect(autosave.status()).toBe('idle');
  });

  it('keeps the memory copy of a newer change when an older save succeeds', async () => {
    const { server, release } = slowServer();
    const unsent = new UnsentArticleDrafts();
    const autosave = new ArticleDraftAutosave(server, unsent, { debounceMs: 800, retryMs: 5000 });
    autosave.show(A);
    autosave.changed(doc('旧'));
    void autosave.flush();
    autosave.changed(doc('新'));
    await release();
    expect(unsent.get(A)?.articles[0].title).toBe('新');
    expect(autosave.status()).toBe('saving');
    autosave.stop();
    await release();
    expect(unsent.get(A)).toBeUndefined();
    expect(autosave.status()).toBe('saved');
  });

  it('says "refused" and stops trying when the server refuses the draft, and "failed" and tries again when it could not answer', async () => {
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const answers: unknown[] = [new ProblemError({ status: 422, code: 'VALIDATION', errors: [{ field: 'articles[0].content', message: 'too large' }] })];
    const tries: string[] = [];
    const server: ArticleDraftServer = {
      save: async (_appid, _key, document) => {
        tries.push(document.articles[0].title);
        const answer = answers.shift();
        if (answer) throw answer;
      },
      discard: async () => undefined,
    };
    const autosave = new ArticleDraftAutosave(server, new UnsentArticleDrafts(), { debounceMs: 1, retryMs: 20 });
    autosave.show(A);
    autosave.changed(doc('很长的正文'));
    await autosave.flush();
    expect(autosave.status()).toBe('refused');
    await wait(60);
    expect(tries).withContext('a refusal is not sent again').toEqual(['很长的正文']);

    answers.push(new ProblemError({ status: 503, code: 'UNAVAILABLE' }));
    autosave.changed(doc('短一点'));
    await autosave.flush();
    expect(autosave.status()).toBe('failed');
    await wait(60);
    await autosave.flush();
    expect(tries).toEqual(['很长的正文', '短一点', '短一点']);
    expect(autosave.status()).toBe('saved');
    autosave.stop();
  });
});
