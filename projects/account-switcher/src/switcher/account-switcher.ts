import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { ACCOUNT_CONTEXT, SuiteLink, injectAccountState } from '@wechat-mfe/ui';
import type { WechatAccount } from '@wechat-mfe/account-context';
import { nextActiveIndex } from './listbox-keys';

/**
 * The account selector in the suite's top bar: picks the account every WeChat module shows.
 * Lists only the accounts the user's department may use (the context already filters them).
 *
 * A select-only combobox (WAI-ARIA APG pattern) written here rather than `mat-select`: the
 * switcher is on the first load of every page, and mat-select brought the overlay, a11y and
 * @angular/forms with it (~45 KiB gzip, ADR 0008). Focus stays on the combobox; the active option
 * is announced through `aria-activedescendant`.
 */
@Component({
  selector: 'wx-account-switcher',
  imports: [TranslocoPipe, SuiteLink],
  templateUrl: './account-switcher.html',
  styleUrl: './account-switcher.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:pointerdown)': 'closeOnOutside($event)' },
})
export class AccountSwitcher {
  private readonly context = inject(ACCOUNT_CONTEXT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly combobox = viewChild<ElementRef<HTMLElement>>('combobox');
  protected readonly state = injectAccountState();
  protected readonly accounts = toSignal(this.context.accounts$, { initialValue: this.context.snapshot.accounts });
  protected readonly canBind = computed(() => this.state.user()?.role === 'admin');
  protected readonly open = signal(false);
  /** The option the keyboard is on while the list is open. */
  protected readonly active = signal(0);
  /** The last switch, for the polite live region (screen readers hear which account is now shown). */
  protected readonly announcement = signal<WechatAccount | null>(null);

  protected optionId(index: number): string {
    return `wx-account-switcher-option-${index}`;
  }

  protected toggle(): void {
    if (this.open()) this.close();
    else this.show();
  }

  protected onKeydown(event: KeyboardEvent): void {
    const count = this.accounts().length;
    if (!this.open()) {
      if (['Enter', ' ', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) {
        event.preventDefault();
        this.show(event.key === 'ArrowUp' || event.key === 'End' ? count - 1 : undefined);
      }
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(this.active());
    } else if (event.key === 'Tab') {
      // APG: Tab commits the active option and moves on.
      this.choose(this.active());
    } else {
      const next = nextActiveIndex(event.key, this.active(), this.accounts().map((a) => a.name));
      if (next !== null) {
        event.preventDefault();
        this.active.set(next);
        this.scrollActiveIntoView();
      }
    }
  }

  protected choose(index: number): void {
    const account = this.accounts()[index];
    this.close();
    if (account && this.context.select(account.appid)) this.announcement.set(account);
  }

  protected closeOnOutside(event: PointerEvent): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.open.set(false);
  }

  protected retry(): void {
    void this.context.refresh();
  }

  private show(at?: number): void {
    const selected = this.accounts().findIndex((a) => a.appid === this.state.selected()?.appid);
    this.active.set(at ?? Math.max(selected, 0));
    this.open.set(true);
    this.scrollActiveIntoView();
  }

  private close(): void {
    this.open.set(false);
    this.combobox()?.nativeElement.focus();
  }

  private scrollActiveIntoView(): void {
    queueMicrotask(() => document.getElementById(this.optionId(this.active()))?.scrollIntoView?.({ block: 'nearest' }));
  }
}
