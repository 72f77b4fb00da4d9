import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Field, FieldControl, type Problem, ProblemMessagePipe } from '@wechat-mfe/ui';
import type { AutoReplyTestResult } from '../data/auto-reply-api';

/**
 * Type a fan's message and see what the account would answer. The answer shown is the server's
 * (the mock's test endpoint applies the saved rules): the client's matcher only drives the
 * conflict warnings, so a preview can never disagree with what fans get.
 */
@Component({
  selector: 'wx-reply-tester',
  imports: [TranslocoPipe, ProblemMessagePipe, Field, FieldControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tester" (submit)="$event.preventDefault(); run()">
      <wx-field class="grow" [label]="'autoReply.tester.message' | transloco">
        <input wxFieldControl autocomplete="off" [value]="text()" (input)="text.set($any($event.target).value)" />
      </wx-field>
      <button class="wx-button filled" type="submit" [disabled]="testing() || !text().trim()">{{ 'autoReply.tester.run' | transloco }}</button>
    </form>
    <div class="result" role="status" aria-live="polite" data-testid="tester-result">
      @if (problem(); as problem) {
        @let m = problem | problemMessage;
        <p class="error">{{ m.key | transloco: m.params }}</p>
      } @else if (test(); as test) {
        @let r = test.result;
        <p class="verdict">
          @switch (r.source) {
            @case ('keyword') {
              {{ 'autoReply.tester.keyword' | transloco: { message: test.text, rule: r.rule?.name, keyword: r.keyword?.text, match: ('autoReply.match.' + r.keyword?.match | transloco) } }}
            }
            @case ('default') {
              {{ 'autoReply.tester.default' | transloco: { message: test.text } }}
            }
            @default {
              {{ 'autoReply.tester.none' | transloco: { message: test.text } }}
            }
          }
        </p>
        @if (r.replies.length) {
          <p>{{ (r.mode === 'random' ? 'autoReply.tester.random' : 'autoReply.tester.all') | transloco: { count: r.replies.length } }}</p>
          <ol class="replies">
            @for (reply of r.replies; track $index) {
              <li>
                @if (reply.type === 'text') {
                  {{ reply.text }}
                } @else {
                  {{ 'autoReply.replyType.' + reply.type | transloco }}: {{ reply.mediaId }}
                }
              </li>
            }
          </ol>
        }
      }
    </div>
  `,
  styles: `
    .tester { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-start; }
    .tester > .wx-button { margin-top: 24px; }
    .grow { flex: 1 1 280px; }
    .verdict { font-weight: 500; }
    .replies { margin: 0; padding-left: 20px; white-space: pre-wrap; }
    .error { color: var(--mat-sys-error); }
  `,
})
export class ReplyTester {
  readonly testing = input(false);
  readonly test = input<{ readonly text: string; readonly result: AutoReplyTestResult } | null>(null);
  readonly problem = input<Problem | null>(null);
  readonly tested = output<string>();

  protected readonly text = signal('');

  protected run(): void {
    if (this.text().trim()) this.tested.emit(this.text());
  }
}
