import { Observable, ObservableInput, OperatorFunction, distinctUntilChanged, from, map, switchMap, EMPTY } from 'rxjs';
import { WechatAccount } from './models';

/**
 * Runs `project` for each newly selected account and emits its results while that account stays selected.
 *
 * A new selection unsubscribes the previous inner work and aborts its `signal`, so a slow response of
 * account A can never land after the user switched to B. No selection (`null`) emits nothing.
 */
export function forSelectedAccount<T>(
  project: (appid: string, signal: AbortSignal) => ObservableInput<T>,
): OperatorFunction<WechatAccount | string | null, T> {
  return (selected$) => {
    let current: string | null = null;
    return selected$.pipe(
      map((selected) => (typeof selected === 'string' ? selected : (selected?.appid ?? null))),
      distinctUntilChanged(),
      switchMap((appid) => {
        current = appid;
        if (appid === null) return EMPTY;
        return new Observable<T>((subscriber) => {
          const abort = new AbortController();
          const inner = from(project(appid, abort.signal)).subscribe({
            // Belt and braces: a source that ignores unsubscription still cannot leak a stale result.
            next: (value) => appid === current && subscriber.next(value),
            error: (error) => appid === current && subscriber.error(error),
            complete: () => subscriber.complete(),
          });
          return () => {
            inner.unsubscribe();
            abort.abort();
          };
        });
      }),
    );
  };
}
