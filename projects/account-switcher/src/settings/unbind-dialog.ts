import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WechatAccount } from '@wechat-mfe/account-context';
import { ProblemMessagePipe, toProblem, type Problem } from '@wechat-mfe/ui';
import { BindingService } from './binding.service';

export interface UnbindDialogData {
  readonly account: WechatAccount;
}

/**
 * The two-step unbind: the steps to cancel the authorization in WeChat's back office, then a
 * confirmation that the suite checks against WeChat (refused while WeChat still reports it authorized).
 */
@Component({
  selector: 'wx-unbind-dialog',
  imports: [MatDialogModule, TranslocoPipe, ProblemMessagePipe],
  templateUrl: './unbind-dialog.html',
  styleUrl: './unbind-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnbindDialog {
  protected readonly data = inject<UnbindDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<UnbindDialog, boolean>>(MatDialogRef);
  private readonly binding = inject(BindingService);
  protected readonly confirming = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected async confirm(): Promise<void> {
    this.confirming.set(true);
    this.problem.set(null);
    try {
      await this.binding.unbind(this.data.account.appid);
      this.ref.close(true);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.confirming.set(false);
    }
  }
}
