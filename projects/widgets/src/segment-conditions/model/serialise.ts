import { SegmentDocument, SegmentNode } from './types';

/** The canonical JSON of a document: keys in a fixed order, absent optional fields left out. */
export function serialiseSegmentDocument(doc: SegmentDocument): string {
  return JSON.stringify({ version: 1, root: canonical(doc.root) });
}

/**
 * Reads a document from JSON (or an already parsed value). Returns null when it is not a document at
 * all; an incomplete or invalid one is returned as is, for `validateSegmentDocument` to flag.
 */
export function parseSegmentDocument(input: string | unknown): SegmentDocument | null {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return null;
    }
  }
  if (!isObject(value)) return null;
  const root = value['root'];
  if (!isObject(root) || root['type'] !== 'group') return null;
  return { version: 1, root: canonical(root as unknown as SegmentNode) as SegmentDocument['root'] };
}

const KEY_ORDER = [
  'type', 'op', 'appids', 'attribute', 'event', 'operator', 'date', 'from', 'to', 'scene', 'tagId', 'text',
  'qrCodeId', 'menuKey', 'match', 'window', 'count', 'children',
];

function canonical(node: SegmentNode): SegmentNode {
  const source = node as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    const value = source[key];
    if (value === undefined) continue;
    if (key === 'children' && Array.isArray(value)) out[key] = value.map((child: unknown) => (isObject(child) ? canonical(child as unknown as SegmentNode) : child));
    else if (key === 'appids' && Array.isArray(value)) out[key] = [...value];
    else if (isObject(value)) out[key] = { ...value };
    else out[key] = value;
  }
  return out as unknown as SegmentNode;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
