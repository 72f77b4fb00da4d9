/**
 * The segment condition document (version 1), the value of the segment conditions widget and the
 * body of `POST /api/segments/evaluate`. Documented for integrators in docs/integrator-guide.md.
 */
export interface SegmentDocument {
  readonly version: 1;
  readonly root: SegmentGroup;
}

export type SegmentNode = SegmentGroup | AttributeCondition | EventCondition;

/** All (`and`) or any (`or`) of its children. */
export interface SegmentGroup {
  readonly type: 'group';
  readonly op: 'and' | 'or';
  readonly children: readonly SegmentNode[];
}

export const ATTRIBUTES = ['subscribed', 'unsubscribed', 'hasOpenid', 'subscribeTime', 'subscribeScene', 'tag', 'remark'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** A fact about the contact's fan record in one of `appids`. */
export interface AttributeCondition {
  readonly type: 'attribute';
  readonly appids: readonly string[];
  readonly attribute: Attribute;
  /** subscribeTime: before / after / between; tag: is / isNot; remark: contains. */
  readonly operator?: 'before' | 'after' | 'between' | 'is' | 'isNot' | 'contains';
  /** subscribeTime before/after: a UTC day, YYYY-MM-DD. */
  readonly date?: string;
  /** subscribeTime between: first and last UTC day, inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** subscribeScene: WeChat's subscribe_scene value. */
  readonly scene?: string;
  /** tag: the tag's id in its (one) account. */
  readonly tagId?: number;
  /** remark: the text the remark contains. */
  readonly text?: string;
}

export const EVENTS = ['followed', 'unfollowed', 'scannedQrCode', 'clickedMenu', 'sentMessage', 'receivedMassSend', 'clickedTemplateMessage'] as const;
export type WechatEvent = (typeof EVENTS)[number];

/** `lastDays` (1–365), or `from`/`to` UTC days inclusive; none: all time. */
export type EventWindow = { readonly lastDays: number } | { readonly from: string; readonly to: string };

/** Something the contact did with one of `appids`, within a window, at least / at most N times. */
export interface EventCondition {
  readonly type: 'event';
  readonly appids: readonly string[];
  readonly event: WechatEvent;
  /** scannedQrCode: one code of the (single) account; absent: any code. */
  readonly qrCodeId?: number;
  /** clickedMenu: a click button's key or a view button's url of the (single) account's live menu. */
  readonly menuKey?: string;
  /** sentMessage: the text message contains / equals this text. */
  readonly match?: { readonly operator: 'contains' | 'equals'; readonly text: string };
  readonly window?: EventWindow;
  /** Default: at least once. */
  readonly count?: { readonly operator: 'atLeast' | 'atMost'; readonly times: number };
}

export type SegmentCondition = AttributeCondition | EventCondition;

export const SUBSCRIBE_SCENES = [
  'ADD_SCENE_SEARCH',
  'ADD_SCENE_QR_CODE',
  'ADD_SCENE_PROFILE_CARD',
  'ADD_SCENE_PROFILE_LINK',
  'ADD_SCENE_PROFILE_ITEM',
  'ADD_SCENE_ACCOUNT_MIGRATION',
  'ADD_SCENE_WECHAT_ADVERTISEMENT',
  'ADD_SCENE_CHANNELS',
  'ADD_SCENE_PAID',
  'ADD_SCENE_REPRINT',
  'ADD_SCENE_LIVESTREAM',
  'ADD_SCENE_OTHERS',
] as const;

/** The same limits the server enforces. */
export const LIMITS = { children: 20, conditions: 50, depth: 3, text: 100, days: 365, times: 1000 } as const;

/** An empty document: one AND group without conditions (incomplete until a condition is added). */
export const emptySegmentDocument = (): SegmentDocument => ({ version: 1, root: { type: 'group', op: 'and', children: [] } });
