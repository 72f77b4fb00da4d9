import { InjectionToken, signal } from '@angular/core';
import { ProblemError } from '@wechat-mfe/suite-api';
import type { ArticleDraftDocument } from '../data/article-drafts-api';

/** How long typing pauses before the draft is saved. */
export const ARTICLE_DRAFT_DEBOUNCE_MS = 800;
/** How long after a failed save it is tried again (a change tries at once after the usual pause). */
export const ARTICLE_DRAFT_RETRY_MS = 5_000;

/** Whose draft of which article: the signed-in user's, for one account, `new` or a media id. */
export interface ArticleDraftTarget {
  readonly userId: string;
  readonly appid: string;
  readonly key: string;
}

/**
 * What the editor says about the shown article's draft. `failed` is tried again (a timeout, the server
 * down); `refused` is not: the server answered that it will not keep this draft (over its size limit,
 * the article deleted meanwhile), and saying "retrying" would be untrue.
 */
export type ArticleDraftStatus = 'idle' | 'saving' | 'saved' | 'failed' | 'refused';

/** A 4xx answer other than a timeout or "too many requests": sending the same again cannot help. */
const isRefusal = (error: unknown) =>
  error instanceof ProblemError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;

const idOf = (target: ArticleDraftTarget) => `${target.userId}|${target.appid}|${target.key}`;
const same = (a: ArticleDraftTarget | null, b: ArticleDraftTarget | null) => !!a && !!b && idOf(a) === idOf(b);

/**
 * Editor states the server does not have yet: a save in flight or one that failed. They outlive the
 * editor (leaving the page, switching account) so a failed save loses nothing while the module stays
 * loaded; the server copy is what survives a reload. Keyed by user too: a shared browser never
 * offers one user's text to another.
 */
export class UnsentArticleDrafts {
  private readonly byId = new Map<string, ArticleDraftDocument>();

  get(target: ArticleDraftTarget): ArticleDraftDocument | undefined {
    return this.byId.get(idOf(target));
  }

  set(target: ArticleDraftTarget, document: ArticleDraftDocument): void {
    this.byId.set(idOf(target), document);
  }

  /** Forgets the copy of `target`, unless a newer one replaced `only` meanwhile. */
  delete(target: ArticleDraftTarget, only?: ArticleDraftDocument): void {
    if (only === undefined || this.byId.get(idOf(target)) === only) this.byId.delete(idOf(target));
  }
}

/** One per page load, in module scope: single-spa destroys the application's injectors on unmount. */
const unsent = new UnsentArticleDrafts();

/** The unsent drafts (a token so each spec starts with none). */
export const UNSENT_ARTICLE_DRAFTS = new InjectionToken<UnsentArticleDrafts>('UNSENT_ARTICLE_DRAFTS', {
  providedIn: 'root',
  factory: () => unsent,
});

/** The server calls the autosave makes. */
export interface ArticleDraftServer {
  save(appid: string, key: string, document: ArticleDraftDocument): Promise<unknown>;
  discard(appid: string, key: string): Promise<unknown>;
}

/**
 * Saves the article editor's state as the user's server-side draft a pause after each change, at
 * once when the editor shows another target or goes away, and again a while after a failure. Writes
 * to the server go one at a time, in order, so an older save never lands after a newer one or after
 * a Discard. Until a save succeeds its document stays in `UnsentArticleDrafts`.
 */
export class ArticleDraftAutosave {
  /** The shown target's draft: saving, saved, or failed (and being retried). */
  readonly status = signal<ArticleDraftStatus>('idle');

  private target: ArticleDraftTarget | null = null;
  private pending: { target: ArticleDraftTarget; document: ArticleDraftDocument } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private writes: Promise<unknown> = Promise.resolve();
  private stopped = false;
  /** Counts what the status is about: another target shown or the draft cleared make earlier answers moot. */
  private generation = 0;

  constructor(
    private readonly server: ArticleDraftServer,
    private readonly unsent: UnsentArticleDrafts,
    private readonly delays = { debounceMs: ARTICLE_DRAFT_DEBOUNCE_MS, retryMs: ARTICLE_DRAFT_RETRY_MS },
  ) {}

  /** The editor shows another account's or article's edits: the previous one's pending change is saved now. */
  show(target: ArticleDraftTarget): void {
    void this.flush();
    clearTimeout(this.retryTimer);
    this.target = target;
    this.generation++;
    this.status.set('idle');
  }

  /** A state of `target` the server may not have (its save failed or has not finished): newer than the server's. */
  unsentOf(target: ArticleDraftTarget): ArticleDraftDocument | undefined {
    return this.unsent.get(target);
  }

  /** The editor changed: remember the state now, save it after a pause. */
  changed(document: ArticleDraftDocument): void {
    const target = this.target;
    if (!target || this.stopped) return;
    this.unsent.set(target, document);
    this.pending = { target, document };
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.timer = setTimeout(() => void this.flush(), this.delays.debounceMs);
  }

  /** Saves the pending change now; resolves when every write so far is done. */
  flush(): Promise<unknown> {
    clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = null;
    if (!pending) return this.writes;
    const generation = this.generation;
    return this.write(async () => {
      const shown = () => generation === this.generation;
      if (shown()) this.status.set('saving');
      try {
        await this.server.save(pending.target.appid, pending.target.key, pending.document);
        this.unsent.delete(pending.target, pending.document);
        if (shown()) this.status.set(this.pending ? 'saving' : 'saved');
      } catch (error) {
        // The text stays in memory (unsent) and on the page; the next change tries again, and so does
        // the timer unless the server refused this very document (it would refuse it again).
        if (shown()) {
          const refused = isRefusal(error);
          this.status.set(refused ? 'refused' : 'failed');
          if (!refused) this.retryLater(pending.target);
        }
      }
    });
  }

  /**
   * The draft is over (discarded, or the article was saved): nothing pending is sent, the memory copy
   * goes, and the server's copy is deleted after any write still under way.
   */
  clear(target: ArticleDraftTarget): Promise<unknown> {
    if (this.pending && same(this.pending.target, target)) {
      clearTimeout(this.timer);
      this.pending = null;
    }
    if (same(target, this.target)) {
      clearTimeout(this.retryTimer);
      this.generation++;
      this.status.set('idle');
    }
    this.unsent.delete(target);
    // Not worth an error: the server also clears it when the article is saved, and Discard shows the saved article anyway.
    return this.write(() => this.server.discard(target.appid, target.key).catch(() => undefined));
  }

  /** The editor goes away: its pending change is saved now, and nothing is retried from here on. */
  stop(): void {
    void this.flush();
    clearTimeout(this.retryTimer);
    this.stopped = true;
  }

  private retryLater(target: ArticleDraftTarget): void {
    clearTimeout(this.retryTimer);
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      const document = this.unsent.get(target);
      if (this.stopped || this.pending || !document || !same(target, this.target)) return;
      this.pending = { target, document };
      void this.flush();
    }, this.delays.retryMs);
  }

  private write(step: () => Promise<unknown>): Promise<unknown> {
    this.writes = this.writes.then(step, step);
    return this.writes;
  }
}
