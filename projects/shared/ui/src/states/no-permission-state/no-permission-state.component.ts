import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { STATE_STYLES } from '../state-styles';

/**
 * "暂无权限": accounts are bound, but none is allocated to the user's department. Explains the
 * fix (an administrator allocates one under Enterprise settings → Channel allocation) and that a
 * parent department's allocation is not inherited (PRODUCT §3).
 */
@Component({
  selector: 'wx-no-permission-state',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', class: 'wx-no-permission-state' },
  template: `
    <h2 class="wx-state-title">{{ 'ui.noPermission.title' | transloco }}</h2>
    @if (department(); as department) {
      <p class="wx-state-text">{{ 'ui.noPermission.department' | transloco: { department } }}</p>
    } @else {
      <p class="wx-state-text">{{ 'ui.noPermission.noDepartment' | transloco }}</p>
    }
    <p class="wx-state-text">{{ 'ui.noPermission.fix' | transloco }}</p>
    <p class="wx-state-text">{{ 'ui.noPermission.inheritance' | transloco }}</p>
  `,
  styles: [STATE_STYLES],
})
export class NoPermissionState {
  /** The user's department name, when known ("华东区"). */
  readonly department = input<string | null>(null);
}
