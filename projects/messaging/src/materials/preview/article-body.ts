import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * REVIEWED: the one place in the product that renders HTML (ARCHITECTURE §8). It shows an article
 * body **as the server sanitized it** (mocks/src/rules/article-html.mjs: an allow-list, no script, no
 * event handlers, no javascript: URLs). Angular's own sanitizer applies on top of `[innerHTML]`; nothing
 * here bypasses it. Never pass it HTML the user typed before the server answered.
 */
@Component({
  selector: 'wx-article-body',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'wx-article-body' },
  template: '<div class="body" [innerHTML]="sanitizedHtml()"></div>',
  styles: `
    .body {
      font: var(--mat-sys-body-large);
      line-height: 1.7;
      overflow-wrap: anywhere;
    }
    .body ::ng-deep img {
      max-width: 100%;
      height: auto;
    }
    .body ::ng-deep blockquote {
      margin: 8px 0;
      padding: 4px 12px;
      border-inline-start: 3px solid var(--mat-sys-outline-variant);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ArticleBody {
  /** Server-sanitized HTML of one article item. */
  readonly sanitizedHtml = input.required<string>();
}
