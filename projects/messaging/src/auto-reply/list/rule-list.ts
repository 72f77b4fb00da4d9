import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AutoReplyRule } from '../data/auto-reply-api';

/**
 * The keyword rules, newest first (the order in which rules of the same kind win): name, keywords
 * with their match kind, reply count, mode and an on/off switch; edit, and delete after an inline
 * confirmation.
 */
@Component({
  selector: 'wx-rule-list',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="rules">
      <caption class="visually-hidden">{{ 'autoReply.rules.caption' | transloco }}</caption>
      <thead>
        <tr>
          <th scope="col">{{ 'autoReply.rules.name' | transloco }}</th>
          <th scope="col">{{ 'autoReply.rules.keywords' | transloco }}</th>
          <th scope="col">{{ 'autoReply.rules.replies' | transloco }}</th>
          <th scope="col">{{ 'autoReply.rules.mode' | transloco }}</th>
          <th scope="col">{{ 'autoReply.rules.enabled' | transloco }}</th>
          <th scope="col">{{ 'autoReply.rules.actions' | transloco }}</th>
        </tr>
      </thead>
      <tbody>
        @for (rule of rules(); track rule.id) {
          <tr [class.disabled]="!rule.enabled">
            <th scope="row">{{ rule.name }}</th>
            <td>
              <ul class="keywords">
                @for (keyword of rule.keywords; track $index) {
                  <li>{{ keyword.text }} <span class="kind">{{ 'autoReply.match.' + keyword.match | transloco }}</span></li>
                }
              </ul>
            </td>
            <td>{{ rule.replies.length }}</td>
            <td>{{ 'autoReply.mode.' + rule.mode | transloco }}</td>
            <td>
              <input
                type="checkbox"
                role="switch"
                [checked]="rule.enabled"
                [attr.aria-label]="'autoReply.rules.toggle' | transloco: { name: rule.name }"
                (change)="toggle(rule, $any($event.target))"
              />
            </td>
            <td class="actions">
              @if (confirming() === rule.id) {
                <span role="alert">{{ 'autoReply.rules.confirmDelete' | transloco: { name: rule.name } }}</span>
                <button class="wx-button danger" type="button" (click)="confirming.set(null); deleted.emit(rule.id)">
                  {{ 'autoReply.rules.confirm' | transloco }}
                </button>
                <button class="wx-button" type="button" (click)="confirming.set(null)">{{ 'autoReply.cancel' | transloco }}</button>
              } @else {
                <button class="wx-button" type="button" [attr.aria-label]="'autoReply.rules.edit' | transloco: { name: rule.name }" (click)="edited.emit(rule.id)">
                  {{ 'autoReply.edit' | transloco }}
                </button>
                <button class="wx-button danger" type="button" [attr.aria-label]="'autoReply.rules.delete' | transloco: { name: rule.name }" (click)="confirming.set(rule.id)">
                  {{ 'autoReply.delete' | transloco }}
                </button>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .rules { width: 100%; border-collapse: collapse; }
    th, td { text-align: left; padding: 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); vertical-align: top; }
    thead th { font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); }
    tbody th { font-weight: 500; }
    tr.disabled { color: var(--mat-sys-on-surface-variant); }
    .keywords { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
    .kind { font-size: 12px; color: var(--mat-sys-on-surface-variant); border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 0 6px; }
    .actions { white-space: nowrap; }
    /* The buttons sit on the row's first line like the other cells' text (a 40 px button on a 20 px line
       hung 10 px below it), and the first one's label lines up with the column heading. */
    .actions .wx-button { min-height: 2rem; margin-block: -6px; }
    .actions > .wx-button:first-child { margin-inline-start: -12px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  `,
})
export class RuleList {
  readonly rules = input.required<readonly AutoReplyRule[]>();
  readonly edited = output<number>();
  readonly toggled = output<{ rule: AutoReplyRule; enabled: boolean }>();
  readonly deleted = output<number>();

  protected readonly confirming = signal<number | null>(null);

  /**
   * The switch shows the server's state: it flips back until the saved rule arrives, so a
   * refused toggle can never leave it showing what is not so.
   */
  protected toggle(rule: AutoReplyRule, control: HTMLInputElement): void {
    const enabled = control.checked;
    control.checked = rule.enabled;
    this.toggled.emit({ rule, enabled });
  }
}
