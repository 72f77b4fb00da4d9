import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Subscription } from 'rxjs';
import type { WechatAccount } from '@wechat-mfe/account-context';
import type { Job } from '@wechat-mfe/suite-api';
import { Field, FieldControl, FieldHint, JobProgress, focusAfterRender, toProblem, type JobProgressView, type Problem } from '@wechat-mfe/ui';
import { TemplatesApi, type Fan, type Segment, type Tag, type Template, type TemplateAudience, type TemplateSend } from '../templates-api';
import { TemplateProblemPipe } from '../template-problem';
import { TemplatePreview } from './template-preview';
import { TemplateSendResults } from './template-send-results';
import {
  characterCount, checkLink, checkTemplateValues, fieldKeyOfServerError, linkBody, maxLengthOf, parseOpenids, type FieldProblem, type LinkInput,
} from './template-fields';

type AudienceType = TemplateAudience['type'];

/** Characters of an openid before the fan search starts, and the pause it waits for. */
const FAN_SEARCH_MIN_CHARS = 3;
const FAN_SEARCH_DEBOUNCE_MS = 250;

/**
 * The send form generated from the chosen template's fields: one input per field with its kind's
 * rule (checked as typed, and again by the server, whose field errors land on the same inputs), an
 * optional link (URL or mini-program page), the recipients (openids, a tag, a host segment), the
 * WeChat-card preview, then the send's job progress and per-recipient results.
 */
@Component({
  selector: 'wx-template-send-form',
  imports: [TranslocoPipe, Field, FieldControl, FieldHint, JobProgress, TemplateProblemPipe, TemplatePreview, TemplateSendResults],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './template-send-form.html',
  styleUrl: './template-send-form.scss',
})
export class TemplateSendForm {
  readonly account = input.required<WechatAccount>();
  /** The template to send; null until one is chosen. */
  readonly template = input.required<Template | null>();
  /** A send was accepted, and again once its job ended (the history reloads). */
  readonly sent = output<TemplateSend>();

  private readonly api = inject(TemplatesApi);
  protected readonly audienceTypes: readonly AudienceType[] = ['tag', 'segment', 'openids'];

  protected readonly values = signal<Record<string, string>>({});
  protected readonly touched = signal<ReadonlySet<string>>(new Set());
  protected readonly submitted = signal(false);
  protected readonly link = signal<LinkInput>({ kind: 'none', url: '', appid: '', pagepath: '' });
  protected readonly audienceType = signal<AudienceType>('tag');
  protected readonly tagId = signal<number | null>(null);
  protected readonly segmentId = signal<string | null>(null);
  protected readonly openidsText = signal('');
  protected readonly tags = signal<Tag[]>([]);
  protected readonly segments = signal<Segment[]>([]);

  /** Field errors the server named (`data.thing1.value` → thing1), until the value changes. */
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly problem = signal<Problem | null>(null);
  protected readonly sending = signal(false);
  protected readonly send = signal<TemplateSend | null>(null);
  protected readonly job = signal<Job | null>(null);
  private jobWatch: Subscription | null = null;
  protected readonly fanQuery = signal('');
  protected readonly fanMatches = signal<Fan[]>([]);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly fields = computed(() => this.template()?.fields ?? []);
  protected readonly fieldProblems = computed(() => checkTemplateValues(this.fields(), this.values()));
  protected readonly linkProblems = computed(() => checkLink(this.link()));
  protected readonly openids = computed(() => parseOpenids(this.openidsText()));
  protected readonly audienceProblem = computed((): string | null => {
    switch (this.audienceType()) {
      case 'tag':
        return this.tagId() === null ? 'templates.send.chooseTag' : null;
      case 'segment':
        return this.segmentId() === null ? 'templates.send.chooseSegment' : null;
      default:
        if (this.openids().invalid.length) return 'templates.send.openidsInvalid';
        return this.openids().openids.length === 0 ? 'templates.send.openidsRequired' : null;
    }
  });
  protected readonly valid = computed(
    () => Object.keys(this.fieldProblems()).length === 0 && Object.keys(this.linkProblems()).length === 0 && this.audienceProblem() === null,
  );
  protected readonly jobView = computed((): JobProgressView | null => {
    const job = this.job();
    return job ? { status: job.status, progress: job.progress, error: job.error } : null;
  });

  constructor() {
    effect(() => {
      const appid = this.account().appid;
      untracked(() => {
        this.tagId.set(null);
        this.reset();
        this.loadAudiences(appid);
      });
    });
    // Another template: a fresh form (the link and recipients stay, they do not depend on it).
    // One chosen while the form was shown ("Use" in the library above) takes the keyboard to its
    // first field; the template the page opens with leaves focus where it is.
    let shown: string | null | undefined;
    const host: HTMLElement = inject(ElementRef).nativeElement;
    const injector = inject(Injector);
    effect(() => {
      const id = this.template()?.templateId ?? null;
      untracked(() => this.reset());
      if (shown !== undefined && id !== null && id !== shown) focusAfterRender(host, 'form input[type="text"]', injector);
      shown = id;
    });
    inject(DestroyRef).onDestroy(() => {
      this.jobWatch?.unsubscribe();
      clearTimeout(this.searchTimer);
    });
  }

  private reset(): void {
    this.values.set({});
    this.touched.set(new Set());
    this.submitted.set(false);
    this.serverErrors.set({});
    this.problem.set(null);
  }

  private async loadAudiences(appid: string): Promise<void> {
    try {
      const [tags, segments] = await Promise.all([this.api.tags(appid), this.api.segments()]);
      if (appid !== this.account().appid) return;
      this.tags.set(tags);
      this.segments.set(segments);
    } catch (error) {
      if (appid === this.account().appid) this.problem.set(toProblem(error));
    }
  }

  protected setValue(key: string, value: string): void {
    this.values.update((values) => ({ ...values, [key]: value }));
    this.serverErrors.update(({ [key]: _dropped, ...rest }) => rest);
  }

  protected touch(key: string): void {
    this.touched.update((keys) => new Set([...keys, key]));
  }

  /** Looks up the account's fans by the first characters of their openid (a datalist to choose from). */
  protected searchFans(prefix: string): void {
    this.fanQuery.set(prefix);
    clearTimeout(this.searchTimer);
    const appid = this.account().appid;
    if (prefix.trim().length < FAN_SEARCH_MIN_CHARS) {
      this.fanMatches.set([]);
      return;
    }
    this.searchTimer = setTimeout(async () => {
      try {
        const fans = await this.api.searchFans(appid, prefix.trim());
        if (appid === this.account().appid) this.fanMatches.set(fans);
      } catch {
        this.fanMatches.set([]);
      }
    }, FAN_SEARCH_DEBOUNCE_MS);
  }

  /** Adds the chosen fan's openid to the pasted list. */
  protected addFan(): void {
    const openid = this.fanQuery().trim();
    if (!openid) return;
    const text = this.openidsText().trim();
    this.openidsText.set(text ? `${text}\n${openid}` : openid);
    this.fanQuery.set('');
    this.fanMatches.set([]);
  }

  protected updateLink(patch: Partial<LinkInput>): void {
    this.link.update((link) => ({ ...link, ...patch }));
  }

  protected maxOf(kind: string): number {
    return maxLengthOf(kind);
  }

  protected valueOf(key: string): string {
    return (this.values()[key] as string | undefined) ?? '';
  }

  protected countOf(key: string): number {
    return characterCount(this.valueOf(key));
  }

  /** The translation key and parameters of a field's problem, once the user left it or tried to send. */
  protected fieldError(key: string): { key: string; params: Record<string, unknown> } | null {
    const server = this.serverErrors()[key];
    if (server) return { key: 'templates.send.serverFieldError', params: { message: server } };
    const problem: FieldProblem | undefined = this.fieldProblems()[key];
    if (!problem || !(this.submitted() || this.touched().has(key))) return null;
    return { key: `templates.rule.${problem.rule}`, params: { max: problem.max ?? 0 } };
  }

  protected audience(): TemplateAudience {
    switch (this.audienceType()) {
      case 'tag':
        return { type: 'tag', tagId: this.tagId()! };
      case 'segment':
        return { type: 'segment', segmentId: this.segmentId()! };
      default:
        return { type: 'openids', openids: this.openids().openids };
    }
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    const template = this.template();
    if (!template || !this.valid() || this.sending()) return;
    const appid = this.account().appid;
    this.sending.set(true);
    this.problem.set(null);
    try {
      const data = Object.fromEntries(template.fields.map((f) => [f.key, { value: (this.values()[f.key] ?? '').trim() }]));
      const send = await this.api.send(appid, { templateId: template.templateId, data, ...linkBody(this.link()), audience: this.audience() });
      if (appid !== this.account().appid) return;
      this.send.set(send);
      this.job.set(null);
      this.sent.emit(send);
      this.follow(appid, send);
    } catch (error) {
      const problem = toProblem(error);
      const byField: Record<string, string> = {};
      for (const e of problem.errors ?? []) {
        const key = fieldKeyOfServerError(e.field);
        if (key) byField[key] = e.message;
      }
      this.serverErrors.set(byField);
      this.problem.set(problem);
    } finally {
      this.sending.set(false);
    }
  }

  /** Follows the send's job, then reloads the send for its totals. */
  private follow(appid: string, send: TemplateSend): void {
    this.jobWatch?.unsubscribe();
    if (!send.jobId) return;
    this.jobWatch = this.api.watchJob(send.jobId).subscribe({
      next: (job) => this.job.set(job),
      complete: async () => {
        try {
          const done = await this.api.getSend(appid, send.id);
          if (this.send()?.id === done.id) this.send.set(done);
          // The history shows the totals now, without waiting for its next poll.
          this.sent.emit(done);
        } catch {
          // The results panel still lists what was recorded.
        }
      },
    });
  }
}
