import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { STATE_STYLES } from '../state-styles';

/**
 * "Nothing here yet": a heading, an optional message and the actions projected into it
 * (`<wx-empty-state heading="…"><button class="wx-button filled">新建二维码</button></wx-empty-state>`).
 */
@Component({
  selector: 'wx-empty-state',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', class: 'wx-empty-state' },
  template: `
    <h2 class="wx-state-title">{{ heading() ?? ('ui.empty.title' | transloco) }}</h2>
    @if (message(); as message) {
      <p class="wx-state-text">{{ message }}</p>
    }
    <div class="wx-state-actions"><ng-content /></div>
  `,
  styles: [STATE_STYLES],
})
export class EmptyState {
  /** Already translated heading; defaults to "暂无数据". */
  readonly heading = input<string>();
  /** Already translated explanation or hint, shown under the heading. */
  readonly message = input<string>();
}
