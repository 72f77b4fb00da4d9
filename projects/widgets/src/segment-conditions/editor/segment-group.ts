import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LIMITS, type SegmentCondition as Condition, type SegmentGroup as Group, type SegmentNode, type SegmentProblem } from '../model';
import { ProblemOfPipe } from './problem-text.pipe';
import { SegmentConditionEditor } from './segment-condition';

/** An AND/OR group: its relation, its conditions and sub-groups, and the buttons that add them. */
@Component({
  selector: 'wx-segment-group',
  imports: [TranslocoPipe, ProblemOfPipe, SegmentConditionEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './segment-group.html',
  styleUrl: './segment-editor.scss',
})
export class SegmentGroupEditor {
  readonly group = input.required<Group>();
  readonly path = input.required<string>();
  /** 1 for the root group. */
  readonly depth = input(1);
  readonly problems = input<readonly SegmentProblem[]>([]);
  readonly allowedAppids = input<readonly string[] | null>(null);
  /** Accounts a new condition starts with (the host's selected account). */
  readonly defaultAppids = input<readonly string[]>([]);
  readonly changed = output<Group>();
  readonly removed = output<void>();

  protected readonly maxDepth = LIMITS.depth;

  protected asGroup(node: SegmentNode): Group {
    return node as Group;
  }

  protected asCondition(node: SegmentNode): Condition {
    return node as Condition;
  }

  protected setOp(op: string): void {
    this.changed.emit({ ...this.group(), op: op === 'or' ? 'or' : 'and' });
  }

  protected add(kind: 'attribute' | 'event' | 'group'): void {
    const appids = [...this.defaultAppids()];
    const node: SegmentNode =
      kind === 'group'
        ? { type: 'group', op: 'or', children: [] }
        : kind === 'attribute'
          ? { type: 'attribute', appids, attribute: 'subscribed' }
          : { type: 'event', appids, event: 'sentMessage', window: { lastDays: 7 } };
    this.changed.emit({ ...this.group(), children: [...this.group().children, node] });
  }

  protected replace(index: number, node: SegmentNode): void {
    this.changed.emit({ ...this.group(), children: this.group().children.map((c, i) => (i === index ? node : c)) });
  }

  protected remove(index: number): void {
    this.changed.emit({ ...this.group(), children: this.group().children.filter((_, i) => i !== index) });
  }
}
