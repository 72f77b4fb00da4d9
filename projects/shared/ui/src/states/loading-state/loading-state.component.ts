import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { STATE_STYLES } from '../state-styles';

/** A busy region: a CSS spinner (the theme's `.wx-spinner`, ADR 0005) plus a label (default "正在加载…"), announced politely. */
@Component({
  selector: 'wx-loading-state',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', 'aria-busy': 'true', class: 'wx-loading-state' },
  template: `
    <!-- The heading names the region; the spinner is decoration next to it. -->
    <span class="wx-spinner" aria-hidden="true"></span>
    <h2 class="wx-state-title">{{ label() ?? ('ui.loading.label' | transloco) }}</h2>
  `,
  styles: [STATE_STYLES],
})
export class LoadingState {
  /** Already translated text that replaces the default label, e.g. "正在同步粉丝…". */
  readonly label = input<string>();
}
