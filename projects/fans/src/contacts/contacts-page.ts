import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { DatePipe, DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Store } from '@ngrx/store';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountPicker } from '@wechat-mfe/pickers/account';
import { AccountGate, EmptyState, ErrorState, LoadingState, injectAccountState } from '@wechat-mfe/ui';
import { FanSyncPanel } from '../sync/fan-sync-panel';
import { CONTACT_PAGE_SIZES, ContactsPageActions, contactListFeature } from './contact-list.store';

/** Typing pauses this long before the search goes to the server. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * /host/contacts: the host's contact list filtered to the fans of one or several accounts
 * (default: the top bar's account), with each contact's openid, subscription and time per
 * account, contacts shared by a contact-sharing rule marked read-only, and "Sync WeChat fans"
 * for the selected account. Users without an account of their own still see what is shared
 * with their department, so only loading and errors go through the account gate.
 */
@Component({
  selector: 'wx-contacts-page',
  imports: [
    TranslocoPipe,
    NgTemplateOutlet,
    DatePipe,
    DecimalPipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    AccountPicker,
    AccountGate,
    LoadingState,
    ErrorState,
    EmptyState,
    FanSyncPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './contacts-page.html',
  styleUrl: './contacts-page.scss',
})
export class ContactsPage {
  private readonly store = inject(Store);
  private readonly account = injectAccountState();
  protected readonly access = this.account.access;
  protected readonly selected = this.account.selected;

  protected readonly state = this.store.selectSignal(contactListFeature.selectContactListState);
  protected readonly status = this.store.selectSignal(contactListFeature.selectStatus);
  protected readonly pageSizes = CONTACT_PAGE_SIZES;
  /** "21–40 of 2,300" of the current page. */
  protected readonly range = computed(() => {
    const { pageIndex, pageSize, total, items } = this.state();
    const from = total ? pageIndex * pageSize + 1 : 0;
    return { from, to: from ? from + items.length - 1 : 0, total: total ?? 0 };
  });
  protected readonly lastPage = computed(() => {
    const { pageIndex, pageSize, total } = this.state();
    return (pageIndex + 1) * pageSize >= (total ?? 0);
  });

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.store.dispatch(ContactsPageActions.opened({ appid: this.selected()?.appid ?? null }));
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.searchTimer);
      this.store.dispatch(ContactsPageActions.closed());
    });
  }

  protected pick(appids: readonly string[]): void {
    this.store.dispatch(ContactsPageActions.accountsPicked({ appids }));
  }

  protected search(q: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.store.dispatch(ContactsPageActions.searchChanged({ q })), SEARCH_DEBOUNCE_MS);
  }

  /** Enter searches at once, and again when the text is the same (the data may have changed). */
  protected searchNow(q: string): void {
    clearTimeout(this.searchTimer);
    this.store.dispatch(ContactsPageActions.searchSubmitted({ q }));
  }

  protected page(pageIndex: number, pageSize = this.state().pageSize): void {
    this.store.dispatch(ContactsPageActions.pageChanged({ pageIndex, pageSize }));
  }

  protected retry(): void {
    this.store.dispatch(ContactsPageActions.retried());
  }

  protected synced(): void {
    this.store.dispatch(ContactsPageActions.fansSynced());
  }

  /** The subscribe time as a Date for the pipe (the API sends ISO text). */
  protected time(iso: string | null): Date | null {
    return iso ? new Date(iso) : null;
  }
}
