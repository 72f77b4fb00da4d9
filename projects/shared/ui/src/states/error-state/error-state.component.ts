import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Problem } from '../../problems/problem';
import { ProblemMessagePipe } from '../../problems/problem-message';
import { STATE_STYLES } from '../state-styles';

/**
 * A failure: the problem's translated message, the server's detail (behind a disclosure) and field
 * errors (as text), then a retry button. The button comes last so reading and focus order is message → action.
 */
@Component({
  selector: 'wx-error-state',
  imports: [TranslocoPipe, ProblemMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert', class: 'wx-error-state' },
  template: `
    @let message = problem() | problemMessage;
    <h2 class="wx-state-title">{{ heading() ?? ('ui.error.title' | transloco) }}</h2>
    <p class="wx-state-text wx-error-message">{{ message.key | transloco: message.params }}</p>
    <!-- The server's detail is for whoever investigates (the suite writes it in English): one click away,
         so a Chinese page does not show an English sentence under its message. -->
    @if (problem()?.detail; as detail) {
      <details class="wx-state-text wx-error-more">
        <summary>{{ 'ui.error.details' | transloco }}</summary>
        <p class="wx-error-detail">{{ detail }}</p>
      </details>
    }
    @if (problem()?.errors; as errors) {
      <div class="wx-state-text">
        <p class="wx-error-fields">{{ 'ui.error.fields' | transloco }}</p>
        <ul>
          @for (error of errors; track $index) {
            <li>{{ error.field }}: {{ error.message }}</li>
          }
        </ul>
      </div>
    }
    @if (retryable()) {
      <div class="wx-state-actions">
        <button class="wx-button filled" type="button" (click)="retry.emit()">{{ 'ui.error.retry' | transloco }}</button>
      </div>
    }
  `,
  styles: [
    STATE_STYLES,
    `
      .wx-error-message {
        color: var(--mat-sys-on-surface);
      }
      .wx-error-fields {
        margin: 0;
      }
      .wx-error-more summary {
        cursor: pointer;
        font: var(--mat-sys-body-small);
      }
      .wx-error-detail {
        margin: 0.25rem 0 0;
        overflow-wrap: anywhere;
      }
      ul {
        margin: 0.25rem 0 0;
        padding-inline-start: 1.25rem;
        text-align: start;
      }
    `,
  ],
})
export class ErrorState {
  /** What went wrong (see `toProblem`); `null` shows the generic message. */
  readonly problem = input<Problem | null>(null);
  /** Already translated heading; defaults to "出错了". */
  readonly heading = input<string>();
  /** Whether to offer the retry button (off for failures a retry cannot fix). */
  readonly retryable = input(true);
  /** The user asked to try again. */
  readonly retry = output<void>();
}
