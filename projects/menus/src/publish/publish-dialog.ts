import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { MenuChange } from './menu-diff';

export interface PublishData {
  /** Translation key (+ params) of the menu's name: the default menu or a conditional one. */
  readonly menuLabel: string;
  readonly menuParams?: Readonly<Record<string, string | number>>;
  readonly changes: readonly MenuChange[];
  readonly accountName: string;
}

/** The diff-style summary of what publishing changes in WeChat; closes with `true` to publish. */
@Component({
  selector: 'wx-menus-publish-dialog',
  imports: [MatDialogModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'menus.publish.title' | transloco }}</h2>
    <mat-dialog-content>
      <p>{{ 'menus.publish.intro' | transloco: { account: data.accountName, menu: (data.menuLabel | transloco: data.menuParams) } }}</p>
      @if (data.changes.length) {
        <ul class="changes" [attr.aria-label]="'menus.publish.changes' | transloco">
          @for (change of data.changes; track $index) {
            <li [class]="change.kind">
              <span class="sign" aria-hidden="true">{{ signs[change.kind] }}</span>
              {{ 'menus.publish.' + change.kind | transloco: { path: change.path.join(' › ') || ('menus.publish.topLevel' | transloco), from: (change.from ?? []).join(' › ') } }}
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'menus.publish.noChanges' | transloco }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button class="wx-button" type="button" [mat-dialog-close]="false">{{ 'menus.cancel' | transloco }}</button>
      <button class="wx-button filled" type="button" [mat-dialog-close]="true">{{ 'menus.publish.confirm' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .changes {
      list-style: none;
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container);
      font-family: ui-monospace, monospace;
    }
    li {
      padding: 0.125rem 0;
    }
    .sign {
      display: inline-block;
      width: 1.25rem;
      font-weight: 700;
    }
    .added {
      color: #146c2e;
    }
    .removed {
      color: var(--mat-sys-error);
    }
  `,
})
export class PublishDialog {
  protected readonly data = inject<PublishData>(MAT_DIALOG_DATA);
  protected readonly signs: Record<MenuChange['kind'], string> = { added: '+', removed: '−', changed: '~', renamed: '✎', relocated: '⇄', moved: '↕' };
}
