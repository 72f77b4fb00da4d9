import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MaterialDetail } from '../data/materials-api';
import { ArticleBody } from './article-body';

/** A saved article as fans would read it: each item's cover, title, author, digest and sanitized body. */
@Component({
  selector: 'wx-article-preview',
  imports: [TranslocoPipe, ArticleBody],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="preview" [attr.aria-label]="'materials.preview.title' | transloco">
      <h2>{{ 'materials.preview.title' | transloco }}</h2>
      @for (item of article().articles ?? []; track $index) {
        <article class="item" [attr.aria-label]="item.title">
          @if (item.showCoverPic) {
            <img class="cover" [src]="item.thumbUrl" alt="" />
          }
          <h3>{{ item.title }}</h3>
          @if (item.author) {
            <p class="author">{{ item.author }}</p>
          }
          @if (item.digest) {
            <p class="digest">{{ item.digest }}</p>
          }
          <wx-article-body [sanitizedHtml]="item.content" />
          @if (item.contentSourceUrl) {
            <p class="source">{{ 'materials.preview.source' | transloco }} {{ item.contentSourceUrl }}</p>
          }
        </article>
      }
    </section>
  `,
  styles: `
    .preview {
      display: flex;
      flex-direction: column;
      gap: 16px;
      max-width: 420px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 16px;
      background: var(--mat-sys-surface);
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .item + .item {
      padding-top: 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    h3 {
      margin: 8px 0 4px;
      font: var(--mat-sys-title-large);
    }
    .cover {
      width: 100%;
      aspect-ratio: 2.35 / 1;
      object-fit: cover;
      border-radius: 8px;
    }
    .author,
    .digest,
    .source {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class ArticlePreview {
  readonly article = input.required<MaterialDetail>();
}
