import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { TemplateField } from '../templates-api';

/**
 * The message as a fan sees it in WeChat's service-notification card: the template title, one line
 * per field ("label value"), and the "详情" row when the message links somewhere. Values are user
 * text: interpolated, never HTML.
 */
@Component({
  selector: 'wx-template-preview',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="phone" [attr.aria-label]="'templates.preview.label' | transloco">
      <div class="card">
        <p class="account">{{ accountName() }}</p>
        <p class="title">{{ title() }}</p>
        <dl class="lines">
          @for (field of fields(); track field.key) {
            <div class="line">
              <dt>{{ field.label }}</dt>
              @let value = shown(field.key);
              <dd [class.empty]="!value">{{ value || '—' }}</dd>
            </div>
          }
        </dl>
        @if (hasLink()) {
          <p class="details"><span>{{ 'templates.preview.details' | transloco }}</span><span aria-hidden="true">›</span></p>
        }
      </div>
    </figure>
  `,
  styles: `
    .phone {
      margin: 0;
      padding: 16px 12px;
      border-radius: 20px;
      background: #ededed;
      max-width: 340px;
    }
    .card {
      padding: 14px 16px 4px;
      border-radius: 8px;
      background: #fff;
      color: #191919;
      font-size: 14px;
      line-height: 1.5;
    }
    .account {
      margin: 0 0 6px;
      color: #6b6b6b;
      font-size: 12px;
    }
    .title {
      margin: 0 0 10px;
      font-size: 17px;
      font-weight: 500;
    }
    .lines {
      margin: 0 0 10px;
    }
    .line {
      display: flex;
      gap: 12px;
      margin-bottom: 4px;
    }
    dt {
      flex: 0 0 5.5em;
      color: #6b6b6b;
    }
    dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    dd.empty {
      color: #767676;
    }
    .details {
      display: flex;
      justify-content: space-between;
      margin: 0;
      padding: 10px 0;
      border-top: 1px solid #e5e5e5;
    }
  `,
})
export class TemplatePreview {
  /** The account the message comes from, shown above the card's title. */
  readonly accountName = input.required<string>();
  readonly title = input.required<string>();
  readonly fields = input.required<readonly TemplateField[]>();
  /** The values typed so far, by field key. */
  readonly values = input.required<Readonly<Record<string, string>>>();
  /** Whether the message opens a URL or a mini-program page (WeChat then shows "详情"). */
  readonly hasLink = input(false);

  protected shown(key: string): string {
    return (this.values()[key] as string | undefined)?.trim() ?? '';
  }
}
