import { ATTRIBUTES, EVENTS, LIMITS, SUBSCRIBE_SCENES, type AttributeCondition, type EventCondition, type SegmentDocument, type SegmentGroup, type SegmentNode } from './types';

/** One problem of a document: the JSON path of the node or field, and its message (a translation key under `segment.problem.`). */
export interface SegmentProblem {
  readonly path: string;
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (v: unknown): v is string => typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const positiveInt = (v: unknown, max: number) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max;
const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0 && v.length <= LIMITS.text;

/**
 * Every problem of a document, with the same paths and rules as the server's
 * (`mocks/src/rules/segment-conditions.mjs`), so the editor flags what the server would refuse.
 * Incomplete conditions (no account, no text yet) are problems too.
 */
export function validateSegmentDocument(doc: SegmentDocument): SegmentProblem[] {
  const problems: SegmentProblem[] = [];
  const fail = (path: string, key: string, params?: Record<string, string | number>): void => {
    problems.push(params ? { path, key, params } : { path, key });
  };
  let conditions = 0;

  const group = (node: SegmentGroup, path: string, depth: number): void => {
    if (node.op !== 'and' && node.op !== 'or') fail(`${path}.op`, 'op');
    if (!node.children.length) return fail(`${path}.children`, 'emptyGroup');
    if (node.children.length > LIMITS.children) fail(`${path}.children`, 'tooManyChildren', { max: LIMITS.children });
    node.children.forEach((child, i) => visit(child, `${path}.children[${i}]`, depth));
  };
  const visit = (node: SegmentNode, path: string, depth: number): void => {
    if (node.type === 'group') {
      if (depth >= LIMITS.depth) return fail(path, 'tooDeep', { max: LIMITS.depth });
      return group(node, path, depth + 1);
    }
    conditions++;
    if (!node.appids.length) fail(`${path}.appids`, 'noAccount');
    if (node.type === 'attribute') attribute(node, path, fail);
    else event(node, path, fail);
  };
  group(doc.root, 'root', 1);
  if (conditions > LIMITS.conditions) fail('root', 'tooManyConditions', { max: LIMITS.conditions });
  return problems;
}

type Fail = (path: string, key: string, params?: Record<string, string | number>) => void;

function attribute(node: AttributeCondition, path: string, fail: Fail): void {
  if (!(ATTRIBUTES as readonly string[]).includes(node.attribute)) return fail(`${path}.attribute`, 'attribute');
  if (node.attribute === 'subscribeTime') {
    if (node.operator === 'between') {
      if (!validDate(node.from)) fail(`${path}.from`, 'date');
      if (!validDate(node.to)) fail(`${path}.to`, 'date');
      if (validDate(node.from) && validDate(node.to) && node.from > node.to) fail(`${path}.to`, 'toBeforeFrom');
    } else if (node.operator === 'before' || node.operator === 'after') {
      if (!validDate(node.date)) fail(`${path}.date`, 'date');
    } else fail(`${path}.operator`, 'operator');
  }
  if (node.attribute === 'subscribeScene' && !(SUBSCRIBE_SCENES as readonly string[]).includes(node.scene ?? '')) fail(`${path}.scene`, 'scene');
  if (node.attribute === 'tag') {
    if (node.operator !== 'is' && node.operator !== 'isNot') fail(`${path}.operator`, 'operator');
    if (!Number.isInteger(node.tagId) || (node.tagId as number) < 0) fail(`${path}.tagId`, 'tag');
    if (node.appids.length > 1) fail(`${path}.appids`, 'oneAccount');
  }
  if (node.attribute === 'remark') {
    if (node.operator !== 'contains') fail(`${path}.operator`, 'operator');
    if (!text(node.text)) fail(`${path}.text`, 'text', { max: LIMITS.text });
  }
}

function event(node: EventCondition, path: string, fail: Fail): void {
  if (!(EVENTS as readonly string[]).includes(node.event)) return fail(`${path}.event`, 'event');
  const single = node.appids.length === 1;
  if (node.event === 'scannedQrCode' && node.qrCodeId !== undefined) {
    if (!positiveInt(node.qrCodeId, Number.MAX_SAFE_INTEGER)) fail(`${path}.qrCodeId`, 'qrCode');
    if (!single) fail(`${path}.appids`, 'oneAccount');
  }
  if (node.event === 'clickedMenu' && node.menuKey !== undefined) {
    if (!text(node.menuKey)) fail(`${path}.menuKey`, 'menuButton');
    if (!single) fail(`${path}.appids`, 'oneAccount');
  }
  if (node.event === 'sentMessage' && node.match !== undefined) {
    if (node.match.operator !== 'contains' && node.match.operator !== 'equals') fail(`${path}.match.operator`, 'operator');
    if (!text(node.match.text)) fail(`${path}.match.text`, 'text', { max: LIMITS.text });
  }
  const w = node.window;
  if (w) {
    if ('lastDays' in w) {
      if (!positiveInt(w.lastDays, LIMITS.days)) fail(`${path}.window.lastDays`, 'days', { max: LIMITS.days });
    } else {
      if (!validDate(w.from)) fail(`${path}.window.from`, 'date');
      if (!validDate(w.to)) fail(`${path}.window.to`, 'date');
      if (validDate(w.from) && validDate(w.to) && w.from > w.to) fail(`${path}.window.to`, 'toBeforeFrom');
    }
  }
  const c = node.count;
  if (c) {
    if (c.operator !== 'atLeast' && c.operator !== 'atMost') fail(`${path}.count.operator`, 'operator');
    const min = c.operator === 'atMost' ? 0 : 1;
    if (!Number.isInteger(c.times) || c.times < min || c.times > LIMITS.times) fail(`${path}.count.times`, 'times', { min, max: LIMITS.times });
  }
}

/** The problems of one node's own fields (`root.children[0]` → `root.children[0].appids`, ...), not of its children. */
export function problemsAt(problems: readonly SegmentProblem[], path: string): SegmentProblem[] {
  return problems.filter((p) => p.path === path || (p.path.startsWith(`${path}.`) && !p.path.slice(path.length + 1).startsWith('children[')));
}
