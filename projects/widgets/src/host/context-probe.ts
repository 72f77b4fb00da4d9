import { Injectable, signal } from '@angular/core';
import { isObservable, Observable } from 'rxjs';
import type { AccountContext } from '@wechat-mfe/account-context';

/**
 * The demo host hands the widgets a counting view of the account context, so the page (and the e2e
 * test) can see that unmounting a parcel ends every subscription it made: the count of open
 * subscriptions to the context's streams goes back to what it was.
 */
@Injectable()
export class ContextProbe {
  /** Subscriptions the parcels hold on the context right now. */
  readonly open = signal(0);
  private count = 0;

  wrap(context: AccountContext): AccountContext {
    const counted = new Map<PropertyKey, Observable<unknown>>();
    return new Proxy(context, {
      get: (target, key) => {
        const value: unknown = Reflect.get(target, key, target);
        if (isObservable(value)) {
          if (!counted.has(key)) counted.set(key, this.counting(value));
          return counted.get(key);
        }
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  private counting<T>(source: Observable<T>): Observable<T> {
    return new Observable<T>((subscriber) => {
      this.changeBy(1);
      const subscription = source.subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        this.changeBy(-1);
      };
    });
  }

  // Subscriptions open and close while other applications render: publish the count afterwards.
  private changeBy(delta: number): void {
    this.count += delta;
    queueMicrotask(() => this.open.set(this.count));
  }
}
