import { Injectable, inject } from '@angular/core';
import { createActionGroup, props } from '@ngrx/store';
import { createEffect } from '@ngrx/effects';
import { ACCOUNT_CONTEXT } from '../i18n/account-context';
import { distinctUntilChanged, map } from 'rxjs';

/**
 * The shell's account context bridged into a module's NgRx store (ARCHITECTURE §4): add
 * `AccountContextEffects` to `provideEffects` and react to `AccountContextActions.selected` in reducers.
 */
export const AccountContextActions = createActionGroup({
  source: 'Account Context',
  events: { Selected: props<{ appid: string | null }>() },
});

/** Turns each change of the selected account into `[Account Context] Selected`. */
@Injectable()
export class AccountContextEffects {
  private readonly context = inject(ACCOUNT_CONTEXT);

  readonly selected$ = createEffect(() =>
    this.context.selected$.pipe(
      map((account) => account?.appid ?? null),
      distinctUntilChanged(),
      map((appid) => AccountContextActions.selected({ appid })),
    ),
  );
}
