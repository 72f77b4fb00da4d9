import {
  ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, computed, effect, inject, input, signal, untracked, viewChild,
} from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { Store } from '@ngrx/store';
import { Actions, ofType } from '@ngrx/effects';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WechatAccount } from '@wechat-mfe/account-context';
import { openMaterialPicker, prefetchMaterialPicker } from '@wechat-mfe/pickers/material';
import { ProblemMessagePipe, toProblem, type Problem, focusAfterRender, Prefetch } from '@wechat-mfe/ui';
import {
  MassSendApi, type MassSend, type MassSendAudience, type MassSendContent,
  type MassSendEstimate, type MassSendQuota, type MediaType, type Segment, type Tag,
} from '../mass-send-api';
import { MassSendComposeActions, MassSendHistoryPageActions } from '../history/mass-send-history.store';
import { OPENID_LIST_MAX, OPENID_LIST_MIN, parseOpenidList } from './openid-list';
import { audienceUnavailableReason, quotaView, type AudienceType } from './quota-rules';
import { localToIsoWithOffset, toLocalInputValue, zoneLabel } from './send-time';
import { composeErrors, TEXT_MAX, type ComposeValue } from './compose-rules';
import { QuotaPanel } from './quota-panel';
import { MassSendPreview } from './mass-send-preview';
import { DraftAutosave } from './draft-autosave';
import { composeValueOf, EMPTY_COMPOSE, segmentIdOf, tagIdOf } from './compose-value';
import { ControlValue } from './control-value';

type ContentType = 'text' | MediaType;

/** How long typing pauses before the estimate is asked for. */
export const ESTIMATE_DEBOUNCE_MS = 400;
const CSV_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The mass-send composer: audience (all / tag / segment / openid list with a per-line report),
 * content (text with a counter; media by id until the shared material picker is connected),
 * estimated recipients, quota, preview to one fan, send now or schedule (the user's zone), and a
 * confirmation dialog. The composition is saved as the account's draft while typing (debounced)
 * and restored per account; a refusal keeps everything typed.
 *
 * The composition is one signal, written by the controls' own events through `edit()` and shown
 * back with `[checked]`/`[selected]`/`wxControlValue`; not Angular forms (13 KiB gzip on this
 * route for value binding alone: the rules live in `composeErrors`).
 */
@Component({
  selector: 'wx-mass-send-compose',
  imports: [Prefetch, ControlValue, DatePipe, DecimalPipe, TranslocoPipe, ProblemMessagePipe, QuotaPanel, MassSendPreview],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mass-send-compose.html',
  styleUrl: './mass-send-compose.scss',
})
export class MassSendCompose {
  protected readonly prefetchPicker = prefetchMaterialPicker;
  /** The account to send from (the gate's selected account). */
  readonly account = input.required<WechatAccount>();

  private readonly api = inject(MassSendApi);
  private readonly store = inject(Store);
  private readonly confirmDialog = viewChild.required<ElementRef<HTMLDialogElement>>('confirmDialog');
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  /** The composition: changed by the user through `edit()`, replaced on reset and restore. */
  protected readonly value = signal<ComposeValue>(EMPTY_COMPOSE);

  protected readonly tags = signal<Tag[]>([]);
  protected readonly segments = signal<Segment[]>([]);
  protected readonly quota = signal<MassSendQuota | null>(null);
  protected readonly estimate = signal<MassSendEstimate | null>(null);
  protected readonly estimating = signal(false);

  /**
   * Errors are shown once the user asked to send or to preview an incomplete composition (not
   * while typing: a field is not judged before the user is done with it); server errors at once.
   */
  protected readonly submitted = signal(false);
  protected readonly sending = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly serverFieldErrors = signal<Record<string, string>>({});
  protected readonly sent = signal<MassSend | null>(null);
  protected readonly fileProblem = signal<string | null>(null);
  /** The name of the CSV file last chosen (the native input is hidden and cleared after reading). */
  protected readonly fileName = signal<string | null>(null);

  protected readonly textMax = TEXT_MAX;
  protected readonly openidMin = OPENID_LIST_MIN;
  protected readonly openidMax = OPENID_LIST_MAX;
  protected readonly zone = zoneLabel();
  protected readonly audienceTypes: readonly AudienceType[] = ['all', 'tag', 'segment', 'openids'];
  protected readonly contentTypes: readonly ContentType[] = ['text', 'image', 'voice', 'video', 'news'];

  protected readonly openidReport = computed(() => (this.value().audienceType === 'openids' ? parseOpenidList(this.value().openidsText) : null));
  protected readonly textLength = computed(() => [...this.value().text].length);
  protected readonly errors = computed(() =>
    composeErrors(this.value(), { account: this.account(), openids: this.openidReport(), now: new Date() }),
  );
  /** The content a preview sends, or null while it is incomplete. */
  protected readonly previewContent = computed(() => {
    const errors = this.errors();
    return errors.text || errors.mediaId ? null : this.content(this.value());
  });
  protected readonly quotaState = computed(() => {
    const quota = this.quota();
    return quota ? quotaView(quota) : null;
  });
  protected readonly minSendAt = signal(toLocalInputValue(new Date()));
  /**
   * WeChat's clientmsgid of this composition: kept while it is unchanged, so sending it again after a
   * lost answer is refused (45065) instead of reaching the fans twice; a change makes it a new message.
   */
  private clientMsgId = '';

  private appid: string | null = null;
  protected readonly draft = new DraftAutosave((appid, document) => this.api.saveDraft(appid, document));
  private estimateTimer: ReturnType<typeof setTimeout> | undefined;
  private restoring = false;
  /** What the user changed while the account's draft was still loading: applied on top of it. */
  private editsWhileRestoring: Partial<ComposeValue>[] = [];
  private loadControl = new AbortController();

  constructor() {
    // Another account: save this one's draft now, then show the other's (each account keeps its own).
    effect(() => {
      const account = this.account();
      untracked(() => this.switchTo(account.appid));
    });
    // A cancelled scheduled send gives its quota slot back.
    const cancelled = inject(Actions, { optional: true })
      ?.pipe(ofType(MassSendHistoryPageActions.sendCancelled))
      .subscribe(() => void this.loadQuota());
    inject(DestroyRef).onDestroy(() => {
      cancelled?.unsubscribe();
      clearTimeout(this.estimateTimer);
      this.loadControl.abort();
      void this.draft.flush();
    });
  }

  /** The user changed the composition (typing, choosing, a file import, the material picker). */
  protected edit(patch: Partial<ComposeValue>): void {
    this.value.update((value) => ({ ...value, ...patch }));
    this.sent.set(null);
    this.clientMsgId = '';
    if (this.restoring) this.editsWhileRestoring.push(patch);
    if (this.restoring || !this.appid) return;
    this.draft.changed(this.value());
    this.scheduleEstimate();
  }

  /** `<select>` options carry strings: tags are numbered, "" is none chosen. */
  protected chooseTag(option: string): void {
    this.edit({ tagId: tagIdOf(option) });
  }

  protected chooseSegment(option: string): void {
    this.edit({ segmentId: segmentIdOf(option) });
  }

  private async switchTo(appid: string): Promise<void> {
    if (appid === this.appid) return;
    this.draft.showAccount(appid);
    this.appid = appid;
    this.loadControl.abort();
    this.loadControl = new AbortController();
    const { signal: abort } = this.loadControl;
    this.restoring = true;
    this.editsWhileRestoring = [];
    this.value.set(EMPTY_COMPOSE);
    this.fileName.set(null);
    this.fileProblem.set(null);
    this.submitted.set(false);
    this.problem.set(null);
    this.serverFieldErrors.set({});
    this.sent.set(null);
    this.estimate.set(null);
    this.quota.set(null);
    this.tags.set([]);
    const ignore = () => undefined;
    void this.loadQuota();
    void this.api.tags(appid, abort).then((tags) => !abort.aborted && this.tags.set(tags), ignore);
    if (!this.segments().length) void this.api.segments(abort).then((segments) => !abort.aborted && this.segments.set(segments), ignore);
    try {
      const draft = await this.api.draft(appid, abort);
      if (abort.aborted) return;
      // Whatever the user typed or chose before the draft arrived wins over the stored draft (it is
      // newer) and is saved as the draft; the draft fills in the rest.
      const typed = this.editsWhileRestoring;
      if (draft) {
        this.value.set(Object.assign(composeValueOf(draft), ...typed));
        if (!typed.length) this.draft.restored();
      }
      if (typed.length) this.draft.changed(this.value());
    } catch {
      // No draft to restore is not worth an error: the form starts empty.
    } finally {
      if (!abort.aborted) {
        this.restoring = false;
        this.editsWhileRestoring = [];
        this.scheduleEstimate();
      }
    }
  }

  private async loadQuota(): Promise<void> {
    const appid = this.appid!;
    try {
      const quota = await this.api.quota(appid, this.loadControl.signal);
      if (appid === this.appid) this.quota.set(quota);
    } catch {
      if (appid === this.appid) this.quota.set(null);
    }
  }

  /** The audience as the API wants it, or null while it is incomplete. */
  private audience(value = this.value()): MassSendAudience | null {
    switch (value.audienceType) {
      case 'all':
        return { type: 'all' };
      case 'tag':
        return value.tagId === null ? null : { type: 'tag', tagId: value.tagId };
      case 'segment':
        return value.segmentId ? { type: 'segment', segmentId: value.segmentId } : null;
      default: {
        const report = this.openidReport();
        return report && report.openids.length > 0 && report.count !== 'tooMany' ? { type: 'openids', openids: [...report.openids] } : null;
      }
    }
  }

  private content(value = this.value()): MassSendContent {
    return value.contentType === 'text'
      ? { type: 'text', text: value.text }
      : { type: value.contentType, mediaId: value.mediaId.trim(), ...(value.mediaTitle.trim() ? { title: value.mediaTitle.trim() } : {}) };
  }

  private scheduleEstimate(): void {
    clearTimeout(this.estimateTimer);
    this.estimateTimer = setTimeout(() => void this.runEstimate(), ESTIMATE_DEBOUNCE_MS);
  }

  private async runEstimate(): Promise<void> {
    const appid = this.appid;
    const audience = this.audience();
    if (!appid || !audience || audienceUnavailableReason(this.account(), audience.type)) {
      this.estimate.set(null);
      return;
    }
    const key = JSON.stringify(audience);
    this.estimating.set(true);
    try {
      const estimate = await this.api.estimate(appid, audience, this.loadControl.signal);
      if (appid === this.appid && JSON.stringify(this.audience()) === key) this.estimate.set(estimate);
    } catch {
      if (appid === this.appid) this.estimate.set(null);
    } finally {
      this.estimating.set(false);
    }
  }

  protected error(field: keyof ComposeValue): string | null {
    return this.serverFieldErrors()[field] ?? ((this.submitted() && this.errors()[field]) || null);
  }

  protected audienceReason(type: AudienceType): string | null {
    return audienceUnavailableReason(this.account(), type);
  }

  /** Reads a CSV or text file of openids into the list field (the report then names each bad line). */
  protected async readFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    this.fileProblem.set(null);
    if (!file) return;
    this.fileName.set(file.name);
    if (file.size > CSV_MAX_BYTES) {
      this.fileProblem.set('massSend.audience.fileTooLarge');
    } else {
      this.edit({ openidsText: await file.text() });
    }
    input.value = '';
  }

  private readonly injector = inject(Injector);

  /**
   * Fills the media id and title from the shared material picker (the selected account's usable
   * materials of the chosen type); the id field stays editable for pasting.
   */
  protected async chooseMaterial(): Promise<void> {
    const type = this.value().contentType;
    if (type === 'text') return;
    const choice = await openMaterialPicker(this.injector, { types: [type], appid: this.account().appid });
    if (!choice) return;
    this.edit({ mediaId: choice.mediaId, mediaTitle: choice.name.slice(0, 64) });
  }

  /** "Send…" (the form's submit, handled here: no page navigation): shows the errors, or the confirmation dialog. */
  protected review(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    this.serverFieldErrors.set({});
    this.problem.set(null);
    this.minSendAt.set(toLocalInputValue(new Date()));
    if (Object.keys(this.errors()).length) {
      // After the render that marks the fields (a microtask ran before it and found none the first time).
      focusAfterRender(this.host.nativeElement, '[aria-invalid="true"]', this.injector);
      return;
    }
    this.clientMsgId ||= crypto.randomUUID();
    this.confirmDialog().nativeElement.showModal();
  }

  protected closeConfirmation(): void {
    this.confirmDialog().nativeElement.close();
  }

  protected async confirm(): Promise<void> {
    const appid = this.appid!;
    const audience = this.audience();
    if (!audience) return;
    const value = this.value();
    const sendAt = value.when === 'schedule' ? localToIsoWithOffset(value.sendAtLocal) ?? undefined : undefined;
    this.sending.set(true);
    try {
      const massSend = await this.api.create(appid, { audience, content: this.content(), clientMsgId: this.clientMsgId, ...(sendAt ? { sendAt } : {}) });
      this.closeConfirmation();
      // Sent: the composition is done, and so is its draft.
      this.draft.forget();
      void this.api.discardDraft(appid).catch(() => undefined);
      this.value.set(EMPTY_COMPOSE);
      this.fileName.set(null);
      this.submitted.set(false);
      this.estimate.set(null);
      this.sent.set(massSend);
      this.clientMsgId = '';
      this.store.dispatch(MassSendComposeActions.sent({ massSend }));
      void this.loadQuota();
      this.scheduleEstimate();
    } catch (error) {
      this.closeConfirmation();
      const problem = toProblem(error);
      this.problem.set(problem);
      this.serverFieldErrors.set(fieldErrorsOf(problem));
      // The quota may have changed elsewhere (another user, another tab).
      if (problem.code === 'WECHAT_45028') void this.loadQuota();
    } finally {
      this.sending.set(false);
      // Both buttons were disabled while sending, so the closed dialog cannot give focus back to "Send…"
      // (it falls to <body>): take it to the first field in error, else "Send…".
      focusAfterRender(this.host.nativeElement, '[aria-invalid="true"], button[type="submit"]', this.injector);
    }
  }

  protected sendAtIso(): string | null {
    return localToIsoWithOffset(this.value().sendAtLocal);
  }

  protected tagName(): string {
    const id = this.value().tagId;
    return this.tags().find((t) => t.id === id)?.name ?? '';
  }

  protected segmentName(): string {
    return this.segments().find((s) => s.id === this.value().segmentId)?.name ?? '';
  }
}

/** Server field errors mapped onto the form's fields (`audience.openids[3]` → the list). */
function fieldErrorsOf(problem: Problem): Record<string, string> {
  const map: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const field = error.field;
    if (field === 'sendAt') map['sendAtLocal'] = 'massSend.errors.sendAtServer';
    else if (field.startsWith('audience.openids')) map['openidsText'] = 'massSend.errors.openidsServer';
    else if (field === 'audience.tagId') map['tagId'] = 'massSend.errors.tagServer';
    else if (field === 'audience.segmentId') map['segmentId'] = 'massSend.errors.segmentServer';
    else if (field === 'content.text') map['text'] = 'massSend.errors.textServer';
    else if (field === 'content.mediaId') map['mediaId'] = 'massSend.errors.mediaIdInvalid';
  }
  return map;
}
