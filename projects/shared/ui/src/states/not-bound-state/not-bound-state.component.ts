import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SuiteLink } from '../../navigation/suite-link.directive';
import { STATE_STYLES } from '../state-styles';

/** Where binding starts: the account list under Enterprise settings, with the bind dialog open. */
export const BIND_ACCOUNT_URL = '/settings/wechat-accounts?bind=1';

/**
 * "尚未绑定微信公众号": the organisation has no account. Administrators get the "click to authorize"
 * link to the binding page; everyone else is told to ask an administrator.
 */
@Component({
  selector: 'wx-not-bound-state',
  imports: [SuiteLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', class: 'wx-not-bound-state' },
  template: `
    <h2 class="wx-state-title">{{ 'ui.notBound.title' | transloco }}</h2>
    <p class="wx-state-text">{{ 'ui.notBound.message' | transloco }}</p>
    @if (canBind()) {
      <div class="wx-state-actions">
        <a class="wx-button filled" wxSuiteLink [href]="bindUrl">{{ 'ui.notBound.authorize' | transloco }}</a>
      </div>
    } @else {
      <p class="wx-state-text">{{ 'ui.notBound.askAdmin' | transloco }}</p>
    }
  `,
  styles: [STATE_STYLES],
})
export class NotBoundState {
  /** Whether the user may bind accounts (administrators only). */
  readonly canBind = input(false);

  protected readonly bindUrl = BIND_ACCOUNT_URL;
}
