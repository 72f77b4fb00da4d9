import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';

/** What a confirmation asks: translation keys of title, message and the confirming action. */
export interface ConfirmData {
  readonly title: string;
  readonly message: string;
  readonly confirm: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly danger?: boolean;
}

/** A yes/no question before an action that changes what WeChat shows; closes with `true` to go ahead. */
@Component({
  selector: 'wx-menus-confirm-dialog',
  imports: [MatDialogModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title | transloco: data.params }}</h2>
    <mat-dialog-content>
      <p>{{ data.message | transloco: data.params }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button class="wx-button" type="button" [mat-dialog-close]="false">{{ 'menus.cancel' | transloco }}</button>
      <button class="wx-button filled" type="button" [class.danger]="data.danger" [mat-dialog-close]="true">{{ data.confirm | transloco: data.params }}</button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmData>(MAT_DIALOG_DATA);
}
