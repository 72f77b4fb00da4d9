import { Injectable, inject } from '@angular/core';
import { createActionGroup, props } from '@ngrx/store';
import { createEffect } from '@ngrx/effects';
import { ACCOUNT_CONTEXT } from '@wechat-mfe/ui';
import { distinctUntilChanged, map } from 'rxjs';

/** The shell's account context, bridged into this module's store (ARCHITECTURE §4). */
export const AccountContextActions = createActionGroup({
  source: 'Account Context',
  events: { Selected: props<{ appid: string | null }>() },
});

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
