import { ChangeDetectionStrategy, Component, EnvironmentInjector, InjectionToken, Injector, createEnvironmentInjector, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { openLazyDialog, prefetchLazyDialog } from './open-lazy-dialog';

/** Something only the caller's injector provides: the dialog must see it. */
const PAGE_GREETING = new InjectionToken<string>('PAGE_GREETING');

@Component({
  selector: 'wx-test-dialog',
  template: `<h2>{{ greeting }} {{ data.name }}</h2><button id="ok" (click)="ref.close(data.name.length)">OK</button>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class TestDialog {
  protected readonly data = inject<{ name: string }>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<TestDialog, number>>(MatDialogRef);
  protected readonly greeting = inject(PAGE_GREETING);
}

describe('openLazyDialog', () => {
  let injector: Injector;
  let loads: number;
  const load = () => {
    loads++;
    return Promise.resolve(TestDialog);
  };

  beforeEach(() => {
    loads = 0;
    injector = createEnvironmentInjector([{ provide: PAGE_GREETING, useValue: 'Hello' }], TestBed.inject(EnvironmentInjector));
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('loads the component, opens it with the data and the caller’s providers, and resolves with what it closed with', async () => {
    const result = openLazyDialog<number, { name: string }>(injector, load, { data: { name: 'Ada' }, width: '20rem', ariaLabel: 'Greeting' });
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('mat-dialog-container'));
    expect(loads).toBe(1);
    expect(dialog.textContent).toContain('Hello Ada');
    expect(dialog.getAttribute('aria-label')).toBe('Greeting');
    dialog.querySelector<HTMLButtonElement>('#ok')!.click();
    expect(await result).toBe(3);
  });

  it('resolves undefined when the dialog is dismissed without a result', async () => {
    const result = openLazyDialog<number, { name: string }>(injector, load, { data: { name: 'Ada' } });
    await waitFor(() => document.querySelector('mat-dialog-container'));
    TestBed.inject(MatDialog).closeAll();
    expect(await result).toBeUndefined();
  });

  it('rejects, opening nothing, when the component cannot load', async () => {
    const failing = () => Promise.reject(new Error('chunk failed'));
    await expectAsync(openLazyDialog(injector, failing, { data: {} })).toBeRejectedWithError('chunk failed');
    expect(TestBed.inject(MatDialog).openDialogs.length).toBe(0);
  });
});

async function waitFor<T>(find: () => T | null): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('not found');
}

describe('prefetchLazyDialog', () => {
  it('loads the component (and Material’s dialog) without opening anything', async () => {
    let loads = 0;
    await prefetchLazyDialog(() => {
      loads++;
      return Promise.resolve(TestDialog);
    });
    expect(loads).toBe(1);
    expect(TestBed.inject(MatDialog).openDialogs.length).toBe(0);
  });
});
