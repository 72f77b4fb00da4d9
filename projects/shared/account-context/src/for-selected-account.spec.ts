import { BehaviorSubject, Observable, Subject, of } from 'rxjs';
import { forSelectedAccount } from './for-selected-account';
import { WechatAccount } from './models';
import { account } from './testing';

describe('forSelectedAccount', () => {
  it('runs the request for the selected account', () => {
    const selected = new BehaviorSubject<WechatAccount | null>(account('wxa'));
    const seen: string[] = [];
    selected.pipe(forSelectedAccount((appid) => of(`fans of ${appid}`))).subscribe((v) => seen.push(v));
    selected.next(account('wxb'));
    expect(seen).toEqual(['fans of wxa', 'fans of wxb']);
  });

  it('cancels in-flight work and aborts its signal when the selection changes', () => {
    const selected = new BehaviorSubject<string | null>('wxa');
    const pending: Record<string, Subject<string>> = {};
    const signals: Record<string, AbortSignal> = {};
    const seen: string[] = [];
    selected
      .pipe(
        forSelectedAccount((appid, signal) => {
          signals[appid] = signal;
          return (pending[appid] = new Subject<string>());
        }),
      )
      .subscribe((v) => seen.push(v));
    selected.next('wxb');
    expect(signals['wxa'].aborted).toBeTrue();
    expect(pending['wxa'].observed).toBeFalse();
    pending['wxa'].next('late answer for wxa');
    pending['wxb'].next('answer for wxb');
    expect(seen).toEqual(['answer for wxb']);
  });

  it('drops a late result of a source that ignores unsubscription', async () => {
    const selected = new BehaviorSubject<string | null>('wxa');
    const emitters: Record<string, (v: string) => void> = {};
    const seen: string[] = [];
    selected
      .pipe(
        forSelectedAccount(
          (appid) =>
            new Observable<string>((subscriber) => {
              // A misbehaving source: keeps a reference and emits after teardown.
              emitters[appid] = (v) => subscriber.next(v);
            }),
        ),
      )
      .subscribe((v) => seen.push(v));
    selected.next('wxb');
    emitters['wxa']('stale');
    emitters['wxb']('fresh');
    expect(seen).toEqual(['fresh']);
  });

  it('does nothing while no account is selected and does not rerun for the same account', () => {
    const selected = new BehaviorSubject<WechatAccount | null>(null);
    const project = jasmine.createSpy('project').and.returnValue(of(1));
    selected.pipe(forSelectedAccount(project)).subscribe();
    expect(project).not.toHaveBeenCalled();
    selected.next(account('wxa'));
    selected.next(account('wxa', { name: 'renamed' }));
    expect(project).toHaveBeenCalledTimes(1);
  });

  it('accepts a promise-returning request', async () => {
    const selected = new BehaviorSubject<string | null>('wxa');
    const value = await new Promise((resolve) =>
      selected.pipe(forSelectedAccount(async (appid) => appid.toUpperCase())).subscribe(resolve),
    );
    expect(value).toBe('WXA');
  });
});
