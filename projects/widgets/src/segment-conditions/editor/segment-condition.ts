import { ChangeDetectionStrategy, Component, computed, inject, input, output, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { ACCOUNT_CONTEXT, Field, FieldControl } from '@wechat-mfe/ui';
import {
  ATTRIBUTES,
  EVENTS,
  SUBSCRIBE_SCENES,
  type AttributeCondition,
  type EventCondition,
  type SegmentCondition,
  type SegmentProblem,
} from '../model';
import { SegmentApi } from '../data/segment-api';
import { ProblemOfPipe } from './problem-text.pipe';

/** One attribute or event condition: its accounts, what it tests, and its problems inline. */
@Component({
  selector: 'wx-segment-condition',
  imports: [TranslocoPipe, Field, FieldControl, ProblemOfPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './segment-condition.html',
  styleUrl: './segment-editor.scss',
})
export class SegmentConditionEditor {
  readonly node = input.required<SegmentCondition>();
  /** The JSON path of this condition (`root.children[0]`). */
  readonly path = input.required<string>();
  readonly problems = input<readonly SegmentProblem[]>([]);
  /** The accounts offered (the host may narrow the user's accounts). */
  readonly allowedAppids = input<readonly string[] | null>(null);
  readonly changed = output<SegmentCondition>();
  readonly removed = output<void>();

  protected readonly attributes = ATTRIBUTES;
  protected readonly events = EVENTS;
  protected readonly scenes = SUBSCRIBE_SCENES;
  private readonly context = inject(ACCOUNT_CONTEXT);
  private readonly api = inject(SegmentApi);
  private readonly allAccounts = toSignal(this.context.accounts$, { initialValue: this.context.snapshot.accounts });
  protected readonly accounts = computed(() => {
    const allowed = this.allowedAppids();
    return allowed ? this.allAccounts().filter((a) => allowed.includes(a.appid)) : this.allAccounts();
  });
  protected readonly attribute = computed(() => (this.node().type === 'attribute' ? (this.node() as AttributeCondition) : null));
  protected readonly event = computed(() => (this.node().type === 'event' ? (this.node() as EventCondition) : null));
  /** The one account whose QR codes, menu buttons or tags can be named. */
  private readonly singleAppid = computed(() => {
    const node = this.node();
    const needs = node.type === 'event' ? node.event === 'scannedQrCode' || node.event === 'clickedMenu' : node.attribute === 'tag';
    return needs && node.appids.length === 1 ? node.appids[0] : null;
  });
  protected readonly catalogue = resource({
    params: () => this.singleAppid() ?? undefined,
    loader: ({ params }) => this.api.catalogue(params),
  });
  protected readonly windowKind = computed(() => {
    const w = this.event()?.window;
    return !w ? 'all' : 'lastDays' in w ? 'lastDays' : 'between';
  });
  protected readonly matchKind = computed(() => this.event()?.match?.operator ?? 'any');

  protected isChosen(appid: string): boolean {
    return this.node().appids.includes(appid);
  }

  protected toggleAccount(appid: string, on: boolean): void {
    const node = this.node();
    const order = this.accounts().map((a) => a.appid);
    const chosen = new Set(on ? [...node.appids, appid] : node.appids.filter((a) => a !== appid));
    const appids = order.filter((a) => chosen.has(a));
    // A QR code or a menu button belongs to the one account it was picked in.
    const samePick = appids.length === 1 && node.appids.length === 1 && appids[0] === node.appids[0];
    this.emit(node.type === 'event' && !samePick ? { ...omit(node, ['qrCodeId', 'menuKey']), appids } : { ...node, appids });
  }

  protected setAttribute(attribute: string): void {
    const base = { type: 'attribute' as const, appids: this.node().appids, attribute: attribute as AttributeCondition['attribute'] };
    const defaults: Partial<AttributeCondition> =
      attribute === 'subscribeTime' ? { operator: 'before', date: '' } : attribute === 'tag' ? { operator: 'is' } : attribute === 'remark' ? { operator: 'contains', text: '' } : attribute === 'subscribeScene' ? { scene: 'ADD_SCENE_QR_CODE' } : {};
    this.emit({ ...base, ...defaults });
  }

  protected patchAttribute(patch: Partial<AttributeCondition>): void {
    this.emit({ ...(this.node() as AttributeCondition), ...patch });
  }

  protected setOperator(operator: string): void {
    const rest = omit(this.node() as AttributeCondition, ['date', 'from', 'to']);
    this.emit(operator === 'between' ? { ...rest, operator: 'between', from: '', to: '' } : { ...rest, operator: operator as AttributeCondition['operator'], date: '' });
  }

  protected setEvent(event: string): void {
    const e = this.node() as EventCondition;
    this.emit({ type: 'event', appids: e.appids, event: event as EventCondition['event'], window: e.window, count: e.count });
  }

  protected patchEvent(patch: Partial<EventCondition>): void {
    const next: Record<string, unknown> = { ...(this.node() as EventCondition), ...patch };
    for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
    this.emit(next as unknown as EventCondition);
  }

  protected setMatch(kind: string, text = this.event()?.match?.text ?? ''): void {
    this.patchEvent({ match: kind === 'any' ? undefined : { operator: kind as 'contains' | 'equals', text } });
  }

  protected setWindow(kind: string): void {
    this.patchEvent({ window: kind === 'all' ? undefined : kind === 'lastDays' ? { lastDays: 7 } : { from: '', to: '' } });
  }

  protected setQrCode(value: string): void {
    this.patchEvent({ qrCodeId: value ? Number(value) : undefined });
  }

  protected setMenuKey(value: string): void {
    this.patchEvent({ menuKey: value || undefined });
  }

  protected setCount(operator: string, times: number): void {
    this.patchEvent({ count: { operator: operator as 'atLeast' | 'atMost', times } });
  }

  protected number(value: string): number {
    return value.trim() === '' ? NaN : Number(value);
  }

  private emit(node: SegmentCondition): void {
    this.changed.emit(node);
  }
}

function omit<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}
