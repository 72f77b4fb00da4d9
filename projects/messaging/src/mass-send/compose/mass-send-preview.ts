import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ProblemMessagePipe, toProblem, type Problem } from '@wechat-mfe/ui';
import { MassSendApi, type Fan, type MassSendContent } from '../mass-send-api';

/** Characters of an openid before the fan search starts, and the pause it waits for. */
const SEARCH_MIN_CHARS = 3;
const SEARCH_DEBOUNCE_MS = 250;

/**
 * Sends the composed content to one fan, typed by openid or found by its first characters (a
 * datalist of the account's subscribed fans). The server answers 40003 for an openid that does
 * not follow the account; the preview shows on the fan's timeline and uses no quota.
 */
@Component({
  selector: 'wx-mass-send-preview',
  imports: [TranslocoPipe, ProblemMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './mass-send-preview.scss',
  template: `
    <fieldset class="group">
      <legend>{{ 'massSend.preview.legend' | transloco }}</legend>
      <div class="field">
        <label for="ms-preview-openid">{{ 'massSend.preview.openidLabel' | transloco }}</label>
        <div class="media-row">
          <input id="ms-preview-openid" class="wx-input" list="ms-preview-fans" spellcheck="false"
            autocomplete="off" (input)="typed($any($event.target).value)"
            [attr.aria-invalid]="openidInvalid() || null" [attr.aria-describedby]="openidInvalid() ? 'ms-preview-help ms-preview-error' : 'ms-preview-help'" />
          <datalist id="ms-preview-fans">
            @for (fan of fanMatches(); track fan.openid) {
              <option [value]="fan.openid">{{ fan.remark || fan.openid }}</option>
            }
          </datalist>
          <button class="wx-button outlined" type="button" (click)="send()" [disabled]="state().status === 'sending'">
            {{ 'massSend.preview.send' | transloco }}
          </button>
        </div>
        <span class="help" id="ms-preview-help">{{ 'massSend.preview.help' | transloco }}</span>
        <span role="status" class="preview-state">
          @switch (state().status) {
            @case ('sending') { {{ 'massSend.preview.sending' | transloco }} }
            @case ('sent') { {{ 'massSend.preview.sent' | transloco: { openid: state().openid } }} }
            @case ('failed') {
              @if (state().problem; as p) {
                @if (p.code === 'WECHAT_40003') {
                  <span class="field-error" id="ms-preview-error">{{ 'massSend.preview.notFan' | transloco }}</span>
                } @else {
                  @let m = p | problemMessage;
                  <span class="field-error">{{ m.key | transloco: m.params }}</span>
                }
              } @else {
                <span class="field-error" id="ms-preview-error">{{ 'massSend.preview.incomplete' | transloco }}</span>
              }
            }
          }
        </span>
      </div>
    </fieldset>
  `,
})
export class MassSendPreview {
  /** The account to preview from. */
  readonly appid = input.required<string>();
  /** The content to preview; null while the composition is incomplete. */
  readonly content = input.required<MassSendContent | null>();
  /** The user asked for a preview of an incomplete composition (the form then shows its errors). */
  readonly incomplete = output<void>();

  private readonly api = inject(MassSendApi);
  /** The openid as typed or picked from the datalist (only the user writes it, so it is not bound back). */
  private readonly openid = signal('');
  protected readonly fanMatches = signal<Fan[]>([]);
  protected readonly state = signal<{ status: 'idle' | 'sending' | 'sent' | 'failed'; openid?: string; problem?: Problem }>({ status: 'idle' });
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * The openid field is marked invalid, like the form's fields, while it is what the last preview failed
   * on: left empty, or not a fan of the account (40003); typing another openid clears it.
   */
  protected readonly openidInvalid = computed(() => {
    const state = this.state();
    if (state.status !== 'failed') return false;
    const openid = this.openid().trim();
    if (!state.problem) return !openid;
    return state.problem.code === 'WECHAT_40003' && openid === state.openid;
  });

  constructor() {
    // Another account: its fans are others.
    effect(() => {
      this.appid();
      untracked(() => {
        this.state.set({ status: 'idle' });
        this.fanMatches.set([]);
      });
    });
  }

  protected typed(openid: string): void {
    this.openid.set(openid);
    this.search(openid);
  }

  private search(prefix: string): void {
    clearTimeout(this.searchTimer);
    const appid = this.appid();
    if (prefix.trim().length < SEARCH_MIN_CHARS) {
      this.fanMatches.set([]);
      return;
    }
    this.searchTimer = setTimeout(async () => {
      try {
        const fans = await this.api.searchFans(appid, prefix.trim());
        if (appid === this.appid()) this.fanMatches.set(fans);
      } catch {
        this.fanMatches.set([]);
      }
    }, SEARCH_DEBOUNCE_MS);
  }

  protected async send(): Promise<void> {
    const openid = this.openid().trim();
    const content = this.content();
    if (!openid || !content) {
      this.incomplete.emit();
      this.state.set({ status: 'failed' });
      return;
    }
    const appid = this.appid();
    this.state.set({ status: 'sending' });
    try {
      await this.api.preview(appid, openid, content);
      if (appid === this.appid()) this.state.set({ status: 'sent', openid });
    } catch (error) {
      if (appid === this.appid()) this.state.set({ status: 'failed', openid, problem: toProblem(error) });
    }
  }
}
