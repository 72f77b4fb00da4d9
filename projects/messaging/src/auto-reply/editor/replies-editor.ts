import { ChangeDetectionStrategy, Component, Injector, inject, input, model } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { openMaterialPicker, prefetchMaterialPicker } from '@wechat-mfe/pickers/material';
import { Field, FieldControl, FieldHint, Prefetch } from '@wechat-mfe/ui';
import { REPLIES_MAX, TEXT_MAX, chars } from '../rules/limits';
import type { FieldIssue } from '../rules/field-errors';
import { REPLY_TYPES, type ReplyDraft, type ReplyType, emptyReply } from './reply-draft';

/**
 * Up to 5 replies, each a text (≤ 300 characters, WeChat's editor limit) or a material by its
 * media id. Server problems arrive by field (`replies[1].text`) and show under that reply.
 */
@Component({
  selector: 'wx-replies-editor',
  imports: [Prefetch, TranslocoPipe, Field, FieldControl, FieldHint],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="replies">
      <legend>{{ 'autoReply.replies.legend' | transloco: { count: replies().length, max: max } }}</legend>
      @if (issueAt(''); as issue) {
        <p class="error" role="alert">{{ issue.key | transloco: issue.params }}</p>
      }
      @for (reply of replies(); track $index; let i = $index) {
        <div class="reply" role="group" [attr.aria-label]="'autoReply.replies.item' | transloco: { n: i + 1 }">
          <wx-field [label]="'autoReply.replies.type' | transloco: { n: i + 1 }">
            <select wxFieldControl (change)="set(i, { type: $any($event.target).value })">
              @for (type of types; track type) {
                <option [value]="type" [selected]="reply.type === type">{{ 'autoReply.replyType.' + type | transloco }}</option>
              }
            </select>
          </wx-field>
          @if (reply.type === 'text') {
            @let textIssue = issueAt('[' + i + '].text');
            <wx-field class="grow" [label]="'autoReply.replies.text' | transloco: { n: i + 1 }" [error]="textIssue ? (textIssue.key | transloco: textIssue.params) : null">
              <textarea wxFieldControl rows="2" [value]="reply.text" (input)="set(i, { text: $any($event.target).value })"></textarea>
              <span wxHint end [over]="length(reply.text) > textMax">{{ 'autoReply.counter' | transloco: { count: length(reply.text), max: textMax } }}</span>
            </wx-field>
          } @else {
            @let mediaIssue = issueAt('[' + i + '].mediaId');
            <wx-field class="grow" [label]="'autoReply.replies.mediaId' | transloco: { n: i + 1 }" [error]="mediaIssue ? (mediaIssue.key | transloco: mediaIssue.params) : null">
              <input wxFieldControl autocomplete="off" [value]="reply.mediaId" (input)="set(i, { mediaId: $any($event.target).value })" />
              <span wxHint>{{ 'autoReply.replies.mediaHint' | transloco }}</span>
            </wx-field>
            <button class="wx-button outlined" type="button" [wxPrefetch]="prefetchPicker" (click)="choose(i, reply.type)">
              {{ 'autoReply.replies.chooseMaterial' | transloco }}
            </button>
          }
          <button class="wx-button danger" type="button" [attr.aria-label]="'autoReply.replies.remove' | transloco: { n: i + 1 }" (click)="remove(i)">
            {{ 'autoReply.remove' | transloco }}
          </button>
        </div>
      }
      <button class="wx-button outlined" type="button" [disabled]="replies().length >= max" (click)="add()">
        {{ 'autoReply.replies.add' | transloco }}
      </button>
    </fieldset>
  `,
  styles: `
    .replies { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 12px 16px; margin: 0 0 16px; }
    legend { padding: 0 4px; font: var(--mat-sys-title-small); }
    .reply { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-start; padding: 8px 0; border-bottom: 1px dashed var(--mat-sys-outline-variant); }
    .grow { flex: 1 1 280px; }
    .reply > .wx-button { margin-top: 24px; }
    .error { color: var(--mat-sys-error); margin: 0 0 8px; }
  `,
})
export class RepliesEditor {
  protected readonly prefetchPicker = prefetchMaterialPicker;
  readonly replies = model.required<readonly ReplyDraft[]>();
  /** Problems by field, and the field that holds this list (`replies`). */
  readonly issues = input<ReadonlyMap<string, FieldIssue>>(new Map());
  readonly prefix = input('replies');

  protected readonly types: readonly ReplyType[] = REPLY_TYPES;
  protected readonly max = REPLIES_MAX;
  protected readonly textMax = TEXT_MAX;
  protected readonly length = chars;

  protected issueAt(suffix: string): FieldIssue | null {
    return this.issues().get(this.prefix() + suffix) ?? null;
  }

  protected set(index: number, patch: Partial<ReplyDraft>): void {
    this.replies.update((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  }

  private readonly injector = inject(Injector);

  /** Fills the reply's media id from the shared material picker (this reply's type only). */
  protected async choose(index: number, type: ReplyType): Promise<void> {
    if (type === 'text') return;
    const choice = await openMaterialPicker(this.injector, { types: [type] });
    if (choice) this.set(index, { mediaId: choice.mediaId });
  }

  protected add(): void {
    this.replies.update((list) => (list.length < REPLIES_MAX ? [...list, emptyReply()] : list));
  }

  protected remove(index: number): void {
    this.replies.update((list) => list.filter((_, i) => i !== index));
  }
}
