import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountGate, AccountReady } from '@wechat-mfe/ui';
import { ArticleEditor } from './article-editor';

/** /wechat/messaging/materials/news/new and …/news/:mediaId: the article editor inside the account gate. */
@Component({
  selector: 'wx-article-editor-page',
  imports: [TranslocoPipe, AccountGate, AccountReady, ArticleEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ (mediaId() ? 'materials.editor.editTitle' : 'materials.editor.newTitle') | transloco }}</h1>
    <wx-account-gate>
      <ng-template wxAccountReady let-account>
        <wx-article-editor [appid]="account.appid" [mediaId]="mediaId() ?? null" />
      </ng-template>
    </wx-account-gate>
  `,
  styles: `
    .page-title {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class ArticleEditorPage {
  /** From the route (component input binding); absent for a new article. */
  readonly mediaId = input<string>();
}
