import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Subject, catchError, combineLatest, debounceTime, distinctUntilChanged, from, map, of, startWith, switchMap } from 'rxjs';
import { ACCOUNT_CONTEXT, ProblemMessagePipe, toProblem, type Problem } from '@wechat-mfe/ui';
import { SegmentApi } from './data/segment-api';
import { SegmentGroupEditor } from './editor/segment-group';
import { emptySegmentDocument, parseSegmentDocument, serialiseSegmentDocument, validateSegmentDocument, type SegmentDocument, type SegmentGroup as Group } from './model';

/** What the widget reports to the host after every change (`onValidity`). */
export interface SegmentValidity {
  readonly valid: boolean;
  /** Each problem's JSON path and translated message. */
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

type CountState = { readonly status: 'idle' | 'loading' } | { readonly status: 'done'; readonly count: number } | { readonly status: 'error'; readonly problem: Problem };

/** Conditions and groups in a group, nested ones included. */
const nodeCount = (group: Group): number =>
  group.children.reduce((sum, child) => sum + 1 + (child.type === 'group' ? nodeCount(child) : 0), 0);

/** How long the editor waits after the last change before asking for the count. */
export const COUNT_DEBOUNCE_MS = 400;

/**
 * The segment condition editor: AND/OR groups of WeChat attribute and event conditions, problems
 * flagged inline, and the number of matching contacts, asked for (debounced) whenever the
 * document is complete. Value: a segment condition document (docs/integrator-guide.md).
 */
@Component({
  selector: 'wx-segment-conditions-widget',
  imports: [TranslocoPipe, ProblemMessagePipe, SegmentGroupEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="segment-editor" [attr.aria-label]="'segment.title' | transloco">
      <wx-segment-group
        [group]="doc().root"
        path="root"
        [problems]="shownProblems()"
        [allowedAppids]="appids()"
        [defaultAppids]="defaultAppids()"
        (changed)="change($event)"
      />
      <p class="count" role="status" aria-live="polite" data-testid="segment-count">
        @switch (countState().status) {
          @case ('loading') {
            {{ 'segment.counting' | transloco }}
          }
          @case ('done') {
            {{ 'segment.countResult' | transloco: { count: countText() } }}
          }
          @case ('error') {
            {{ 'segment.countFailed' | transloco }} {{ problem() | problemMessage }}
          }
          @default {
            {{ 'segment.countIncomplete' | transloco }}
          }
        }
      </p>
      <button type="button" class="wx-button" [disabled]="problems().length > 0" (click)="recount()">{{ 'segment.recount' | transloco }}</button>
    </section>
  `,
  styles: `
    .count {
      font: var(--mat-sys-title-small);
      margin: 8px 0 0;
    }
  `,
})
export class SegmentConditionsWidget {
  /** The document (or its JSON); anything else starts an empty one. */
  readonly value = input<unknown>(null);
  /** Narrows the accounts offered to these appids (default: every account the user may use). */
  readonly appids = input<readonly string[] | null>(null);
  readonly valueChange = output<SegmentDocument>();
  readonly validityChange = output<SegmentValidity>();

  private readonly api = inject(SegmentApi);
  private readonly transloco = inject(TranslocoService);
  private readonly context = inject(ACCOUNT_CONTEXT);
  private readonly selected = toSignal(this.context.selected$, { initialValue: null });
  /** The active language's strings once loaded: problems are reported translated. */
  private readonly strings = toSignal(this.transloco.selectTranslation());

  protected readonly doc = linkedSignal<SegmentDocument>(() => parseSegmentDocument(this.value()) ?? emptySegmentDocument());
  protected readonly problems = computed(() => validateSegmentDocument(this.doc()));
  /**
   * Whether an empty group says "add at least one condition": not on a fresh editor (the user has
   * done nothing wrong yet), but for a document the host handed over, and once the user removed one.
   * The host's validity always counts it.
   */
  private readonly emptyFlagged = linkedSignal(() => parseSegmentDocument(this.value()) !== null);
  protected readonly shownProblems = computed(() =>
    this.emptyFlagged() ? this.problems() : this.problems().filter((p) => p.key !== 'emptyGroup'),
  );
  protected readonly defaultAppids = computed(() => {
    const appid = this.selected()?.appid;
    const allowed = this.appids();
    return appid && (!allowed || allowed.includes(appid)) ? [appid] : allowed?.slice(0, 1) ?? [];
  });
  private readonly countStateSignal = signal<CountState>({ status: 'idle' });
  protected readonly countState = this.countStateSignal.asReadonly();
  protected readonly countText = computed(() => {
    const state = this.countState();
    return state.status === 'done' ? state.count.toLocaleString('en-US') : '';
  });
  protected readonly problem = computed(() => {
    const state = this.countState();
    return state.status === 'error' ? state.problem : null;
  });

  constructor() {
    // Counting follows the document: debounced, and a newer document cancels the older request.
    // "Recount" asks again for the same document (new messages or follows arrived meanwhile).
    const document$ = toObservable(computed(() => (this.problems().length ? null : serialiseSegmentDocument(this.doc())))).pipe(
      distinctUntilChanged(),
      debounceTime(COUNT_DEBOUNCE_MS),
    );
    combineLatest([document$, this.recounts.pipe(startWith(0))])
      .pipe(
        map(([json]) => json),
        switchMap((json) => {
          if (json === null) return of<CountState>({ status: 'idle' });
          const abort = new AbortController();
          return from(this.api.count(JSON.parse(json) as SegmentDocument, abort.signal)).pipe(
            map((count): CountState => ({ status: 'done', count })),
            catchError((error: unknown) => of<CountState>({ status: 'error', problem: toProblem(error) })),
            startWith<CountState>({ status: 'loading' }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.countStateSignal.set(state));
    effect(() => {
      const problems = this.problems();
      if (!this.strings()) return;
      this.validityChange.emit({
        valid: problems.length === 0,
        problems: problems.map((p) => ({ path: p.path, message: this.transloco.translate(`segment.problem.${p.key}`, p.params ?? {}) })),
      });
    });
  }

  private readonly recounts = new Subject<number>();

  protected recount(): void {
    this.recounts.next(Date.now());
  }

  protected change(root: Group): void {
    if (nodeCount(root) < nodeCount(this.doc().root)) this.emptyFlagged.set(true);
    const next: SegmentDocument = { version: 1, root };
    this.doc.set(next);
    this.valueChange.emit(next);
  }
}
