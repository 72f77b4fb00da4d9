import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MassSend } from '../mass-send-api';

/** "全部粉丝", "标签：VIP", "分组：高价值客户", "OpenID 列表（120 个）". */
@Component({
  selector: 'wx-mass-send-audience-label',
  imports: [TranslocoPipe, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let a = audience();
    @switch (a.type) {
      @case ('tag') { {{ 'massSend.history.audienceTag' | transloco: { name: a.tagName ?? a.tagId } }} }
      @case ('segment') { {{ 'massSend.history.audienceSegment' | transloco: { name: a.segmentName ?? a.segmentId } }} }
      @case ('openids') { {{ 'massSend.history.audienceOpenids' | transloco: { count: ((a.openidCount ?? 0) | number) } }} }
      @default { {{ 'massSend.audience.all' | transloco }} }
    }
  `,
})
export class MassSendAudienceLabel {
  readonly audience = input.required<MassSend['audience']>();
}

/** The text (cut to 60 characters), or the material's type and title or media id. */
@Component({
  selector: 'wx-mass-send-content-summary',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = content();
    @if (c.type === 'text') {
      {{ (c.text ?? '').length > 60 ? (c.text ?? '').slice(0, 60) + '…' : c.text }}
    } @else {
      [{{ 'massSend.content.type.' + c.type | transloco }}] {{ c.title || c.mediaId }}
    }
  `,
})
export class MassSendContentSummary {
  readonly content = input.required<MassSend['content']>();
}
