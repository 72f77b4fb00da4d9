import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { DOCUMENT, DatePipe, DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { DomSanitizer } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { openMaterialPicker, prefetchMaterialPicker } from '@wechat-mfe/pickers/material';
import { ProblemError } from '@wechat-mfe/suite-api';
import { ACCOUNT_CONTEXT, ErrorState, LoadingState, toProblem, type Problem, focusAfterRender, Prefetch } from '@wechat-mfe/ui';
import { ArticleDraftsApi, NEW_ARTICLE_DRAFT_KEY, type ArticleDraftDocument } from '../data/article-drafts-api';
import { MaterialsApi, type ArticleInput, type MaterialDetail } from '../data/materials-api';
import { ArticlePreview } from '../preview/article-preview';
import { uploadProblemKey } from '../upload/upload-problems';
import {
  ARTICLE_RULES, draftIssues, moveItem, parseArticleField, textLength, type ArticleDraft, type ArticleField, type FieldIssue,
} from './article-rules';
import { RichTextEditor } from './rich-text-editor';
import { ArticleDraftAutosave, UNSENT_ARTICLE_DRAFTS, type ArticleDraftTarget } from './article-draft-autosave';
import { draftDiffers, fromDraftDocument, toDraftDocument } from './article-draft-document';
import { JustSavedArticle } from './just-saved-article';

let nextKey = 1;
const newKey = () => nextKey++;
const emptyDraft = (): ArticleDraft => ({
  key: newKey(),
  title: '',
  author: '',
  digest: '',
  thumbMediaId: '',
  thumbUrl: null,
  thumbName: '',
  content: '',
  contentSourceUrl: '',
  showCoverPic: true,
});

/**
 * The article (news) editor: 1–8 items that can be added, removed and reordered; per item the title,
 * author and digest with counters, a cover chosen with the material picker, the source URL, the
 * show-cover flag and the rich-text body. Rules are checked as the user types and again by the
 * server, whose field errors land next to their fields; nothing typed is lost on failure. After a
 * save, the preview shows the bodies as the server sanitized them. Unsaved edits are the signed-in
 * user's server-side draft of this account and article (autosaved), so they survive a reload.
 */
@Component({
  selector: 'wx-article-editor',
  imports: [Prefetch, NgTemplateOutlet, DatePipe, DecimalPipe, RouterLink, TranslocoPipe, ErrorState, LoadingState, RichTextEditor, ArticlePreview],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './article-editor.html',
  styleUrl: './article-editor.scss',
})
export class ArticleEditor {
  protected readonly prefetchPicker = prefetchMaterialPicker;
  readonly appid = input.required<string>();
  /** The article to edit; null for a new one. */
  readonly mediaId = input<string | null>(null);

  private readonly api = inject(MaterialsApi);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly sanitizer = inject(DomSanitizer);
  protected readonly rules = ARTICLE_RULES;
  protected readonly drafts = signal<readonly ArticleDraft[]>([emptyDraft()]);
  protected readonly index = signal(0);
  protected readonly current = computed(() => [this.drafts()[Math.min(this.index(), this.drafts().length - 1)]]);
  protected readonly status = signal<'loading' | 'ready' | 'error'>('ready');
  protected readonly loadProblem = signal<Problem | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly saved = signal<MaterialDetail | null>(null);
  /** The user saved the article in this editor (or just before, as a new one): only then the page says "saved". */
  protected readonly savedHere = signal(false);
  private readonly justSaved = inject(JustSavedArticle);
  protected readonly savedId = signal<string | null>(null);
  /** Whether the user tried to save: from then on every rule shows, not only those of touched fields. */
  protected readonly submitted = signal(false);
  protected readonly touched = signal<ReadonlySet<string>>(new Set());
  /** The server's field errors, by item key and field; cleared when the field changes. */
  protected readonly serverIssues = signal<ReadonlyMap<number, Partial<Record<ArticleField, string>>>>(new Map());
  protected readonly issues = computed(() => this.drafts().map((d) => draftIssues(d, this.sanitizer)));
  protected readonly textLength = (html: string) => textLength(html, this.sanitizer);

  /** The user's draft from an earlier visit (or before a reload) was restored. */
  protected readonly restored = signal(false);
  /** When the article was saved after the restored draft was last written (by someone else, or in another tab); null if not. */
  protected readonly savedSinceDraft = signal<string | null>(null);
  /** The user changed something since the article was loaded or saved: the page no longer says "saved". */
  protected readonly changedSinceSave = signal(false);
  /** The last save was refused: the article was saved by someone else since this edit started. */
  protected readonly conflict = signal(false);
  /** The saved article's revision this edit started from, sent as `If-Match` so a save cannot replace a newer one. */
  private baseRevision: string | null = null;
  private readonly draftsApi = inject(ArticleDraftsApi);
  protected readonly autosave = new ArticleDraftAutosave(this.draftsApi, inject(UNSENT_ARTICLE_DRAFTS));
  private readonly userId = inject(ACCOUNT_CONTEXT).snapshot.user?.id ?? '';
  /** Whose draft of which article the editor shows; a new object each time, so a late answer knows it is stale. */
  private target: ArticleDraftTarget | null = null;
  private shownAppid: string | null = null;
  private loadControl = new AbortController();

  constructor() {
    // The account gate keeps this editor when the account switches and only changes `appid`: the
    // edits of the previous account must neither show under nor be saved to the new one.
    effect(() => {
      const appid = this.appid();
      untracked(() => this.show(appid));
    });
    // Leaving the page, or the tab being hidden or closed: the last change is saved now rather than
    // after the pause (a closing tab may not wait for it, but it is sent).
    const document = inject(DOCUMENT);
    const view = document.defaultView;
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') void this.autosave.flush();
    };
    const flush = () => void this.autosave.flush();
    document.addEventListener('visibilitychange', flushWhenHidden);
    view?.addEventListener('pagehide', flush);
    inject(DestroyRef).onDestroy(() => {
      document.removeEventListener('visibilitychange', flushWhenHidden);
      view?.removeEventListener('pagehide', flush);
      this.loadControl.abort();
      this.autosave.stop();
    });
  }

  private show(appid: string): void {
    if (appid === this.shownAppid) return;
    const switched = this.shownAppid !== null;
    this.shownAppid = appid;
    const mediaId = this.mediaId();
    // An existing article belongs to the account it was opened under (its draft stays kept for it):
    // the other account's library is where the user goes on from.
    if (switched && mediaId) {
      void this.router.navigate(['/wechat/messaging/materials']);
      return;
    }
    this.target = { userId: this.userId, appid, key: mediaId ?? NEW_ARTICLE_DRAFT_KEY };
    this.autosave.show(this.target);
    this.submitted.set(false);
    this.touched.set(new Set());
    this.serverIssues.set(new Map());
    this.problem.set(null);
    this.saved.set(null);
    this.savedHere.set(false);
    this.restored.set(false);
    this.savedSinceDraft.set(null);
    this.conflict.set(false);
    this.baseRevision = null;
    void this.open();
  }

  /**
   * Shows the saved article (if any) or the user's draft of it when that says something else: a copy
   * not yet on the server first (it is newer), else the server's.
   */
  protected async open(): Promise<void> {
    const target = this.target;
    const mediaId = this.mediaId();
    if (!target) return;
    this.status.set('loading');
    this.loadControl.abort();
    this.loadControl = new AbortController();
    const { signal: abort } = this.loadControl;
    const unsent = this.autosave.unsentOf(target);
    try {
      const [article, stored] = await Promise.all([
        mediaId ? this.api.get(target.appid, mediaId, abort) : Promise.resolve(null),
        // A draft that cannot be read is not worth an error: the saved article (or an empty one) shows.
        unsent ? Promise.resolve(null) : this.draftsApi.get(target.appid, target.key, abort).catch(() => null),
      ]);
      if (target !== this.target) return; // another account is shown by now
      const draft = unsent ?? stored?.document ?? null;
      const savedState = article ? this.stateOf(article) : { drafts: [emptyDraft()], index: 0, savedId: null };
      if (draft && draftDiffers(draft, savedState.drafts)) {
        // Not `saved`: the page would say "saved" and preview what the user has since changed.
        this.showState(fromDraftDocument(draft, newKey));
        this.restored.set(true);
        // Saving the draft would replace what was saved after it: say so (Discard shows that version).
        const newer = article && stored && Date.parse(article.updatedAt) > Date.parse(stored.updatedAt);
        this.savedSinceDraft.set(newer ? article.updatedAt : null);
        // The draft was written against an older version, whose revision is not known here: a
        // revision no article has makes its save meet the newer one as a conflict.
        this.baseRevision = newer ? `draft-of-${stored.updatedAt}` : (article?.revision ?? null);
        // The server does not have this copy yet: it is saved like a change.
        if (unsent) this.autosave.changed(draft);
      } else {
        this.showState(savedState);
        this.saved.set(article);
        this.savedHere.set(!!article && this.justSaved.take(target.appid, article.mediaId));
        this.baseRevision = article?.revision ?? null;
        this.changedSinceSave.set(false);
        // A draft that says nothing new is not kept (nor offered again).
        if (draft) void this.autosave.clear(target);
      }
      this.status.set('ready');
    } catch (error) {
      if (target !== this.target) return;
      this.loadProblem.set(toProblem(error));
      this.status.set('error');
    }
  }

  private stateOf(article: MaterialDetail) {
    const drafts = (article.articles ?? []).map((item) => ({
      ...emptyDraft(),
      title: item.title,
      author: item.author,
      digest: item.digest,
      thumbMediaId: item.thumbMediaId,
      thumbUrl: item.thumbUrl,
      thumbName: '',
      content: item.content,
      contentSourceUrl: item.contentSourceUrl,
      showCoverPic: item.showCoverPic,
    }));
    return { drafts, index: 0, savedId: article.mediaId };
  }

  private showState(state: { drafts: readonly ArticleDraft[]; index: number; savedId: string | null }): void {
    this.drafts.set(state.drafts);
    this.index.set(Math.min(state.index, state.drafts.length - 1));
    this.savedId.set(state.savedId);
  }

  /** Every change the user makes becomes the draft (saved to the server after a pause). */
  private keep(): void {
    this.changedSinceSave.set(true);
    this.autosave.changed(this.document());
  }

  private document(): ArticleDraftDocument {
    return toDraftDocument({ drafts: this.drafts(), index: this.index(), savedId: this.savedId() });
  }

  /** Throws the draft away: back to the saved article, or to an empty one. */
  protected discard(): void {
    if (this.target) void this.autosave.clear(this.target);
    this.restored.set(false);
    this.conflict.set(false);
    this.submitted.set(false);
    this.touched.set(new Set());
    this.serverIssues.set(new Map());
    this.problem.set(null);
    this.index.set(0);
    const id = this.savedId() ?? this.mediaId();
    if (id) void this.load(id);
    else this.drafts.set([emptyDraft()]);
  }

  /** Loads the saved article alone (Discard). */
  protected async load(mediaId: string): Promise<void> {
    this.status.set('loading');
    const target = this.target;
    try {
      const article = await this.api.get(this.appid(), mediaId);
      if (target !== this.target) return; // another account is shown by now
      this.showState(this.stateOf(article));
      this.saved.set(article);
      this.savedHere.set(false);
      this.baseRevision = article.revision;
      this.changedSinceSave.set(false);
      this.status.set('ready');
    } catch (error) {
      if (target !== this.target) return;
      this.loadProblem.set(toProblem(error));
      this.status.set('error');
    }
  }

  protected update(draft: ArticleDraft, patch: Partial<ArticleDraft>, field?: ArticleField): void {
    this.drafts.update((drafts) => drafts.map((d) => (d.key === draft.key ? { ...d, ...patch } : d)));
    this.keep();
    if (field) {
      this.touched.update((set) => new Set(set).add(`${draft.key}.${field}`));
      this.serverIssues.update((map) => {
        const next = new Map(map);
        const own = { ...(next.get(draft.key) ?? {}) };
        delete own[field];
        next.set(draft.key, own);
        return next;
      });
    }
  }

  /** The message shown under a field: the server's, else a rule once the field was touched or a save tried. */
  protected issueOf(draft: ArticleDraft, index: number, field: ArticleField): FieldIssue | null {
    const server = this.serverIssues().get(draft.key)?.[field];
    if (server) return { key: 'server', params: { message: server } };
    const issue = this.issues()[index]?.[field];
    return issue && (this.submitted() || this.touched().has(`${draft.key}.${field}`)) ? issue : null;
  }

  protected hasIssues(index: number): boolean {
    const draft = this.drafts()[index];
    return Object.keys(this.issues()[index] ?? {}).length > 0 || Object.values(this.serverIssues().get(draft.key) ?? {}).some(Boolean);
  }

  protected add(): void {
    if (this.drafts().length >= ARTICLE_RULES.itemsMax) return;
    this.drafts.update((drafts) => [...drafts, emptyDraft()]);
    this.index.set(this.drafts().length - 1);
    this.keep();
  }

  protected remove(index: number): void {
    if (this.drafts().length <= 1) return;
    this.drafts.update((drafts) => drafts.filter((_, i) => i !== index));
    this.index.set(Math.max(0, Math.min(this.index(), this.drafts().length - 1)));
    this.keep();
  }

  protected move(index: number, delta: -1 | 1): void {
    this.drafts.update((drafts) => moveItem(drafts, index, delta));
    if (this.index() === index) this.index.set(Math.max(0, Math.min(index + delta, this.drafts().length - 1)));
    this.keep();
  }

  protected async chooseCover(draft: ArticleDraft): Promise<void> {
    const choice = await openMaterialPicker(this.injector, { types: ['image'], appid: this.appid() });
    if (choice) this.update(draft, { thumbMediaId: choice.mediaId, thumbUrl: choice.thumbUrl, thumbName: choice.name }, 'thumbMediaId');
  }

  /** Saves; `overwrite` replaces the article even if someone saved it since this edit started (after a conflict). */
  protected async save(overwrite = false): Promise<void> {
    this.submitted.set(true);
    const firstInvalid = this.issues().findIndex((i) => Object.keys(i).length > 0);
    if (firstInvalid >= 0) {
      this.index.set(firstInvalid);
      // The item's form is rendered anew (focus falls to <body>): go to its first problem (the cover has only a button).
      focusAfterRender(this.host, '[aria-invalid="true"], .cover:has(.error) button', this.injector);
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.conflict.set(false);
    const body: ArticleInput[] = this.drafts().map((d) => ({
      title: d.title.trim(),
      author: d.author.trim(),
      digest: d.digest.trim(),
      thumbMediaId: d.thumbMediaId,
      content: d.content,
      contentSourceUrl: d.contentSourceUrl.trim(),
      showCoverPic: d.showCoverPic,
    }));
    const target = this.target;
    try {
      const id = this.savedId();
      const revision = overwrite ? undefined : (this.baseRevision ?? undefined);
      const article = id ? await this.api.updateArticle(this.appid(), id, body, revision) : await this.api.createArticle(this.appid(), body);
      this.saved.set(article);
      this.savedHere.set(true);
      this.savedId.set(article.mediaId);
      this.baseRevision = article.revision;
      this.changedSinceSave.set(false);
      // Saved: the draft is over (the server cleared it too; this also removes one an autosave still
      // under way would write back). A new article's editor moves to its own address below.
      if (target) void this.autosave.clear(target);
      this.restored.set(false);
      if (!id) {
        this.justSaved.remember(this.appid(), article.mediaId);
        void this.router.navigate(['/wechat/messaging/materials/news', article.mediaId], { replaceUrl: true });
      }
    } catch (error) {
      // Someone saved the article since this edit started: the user decides (the edits stay, and so does the draft).
      if (error instanceof ProblemError && error.code === 'STALE') this.conflict.set(true);
      else this.showFailure(error);
    } finally {
      this.saving.set(false);
    }
  }

  /** Field errors go next to their fields (and the first such item is shown); anything else above the buttons. */
  private showFailure(error: unknown): void {
    const fields = error instanceof ProblemError ? error.errors : [];
    const map = new Map(this.serverIssues());
    let first = -1;
    for (const { field, message } of fields) {
      const at = parseArticleField(field);
      const draft = at ? this.drafts()[at.index] : undefined;
      if (!at || !draft) continue;
      map.set(draft.key, { ...(map.get(draft.key) ?? {}), [at.field]: message });
      if (first < 0) first = at.index;
    }
    this.serverIssues.set(map);
    if (first >= 0) this.index.set(first);
    this.problem.set(toProblem(error));
  }

  protected problemMessage = uploadProblemKey;
  protected readonly chars = (text: string) => [...text].length;
}
