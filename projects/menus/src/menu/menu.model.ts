import type { Schemas } from '@wechat-mfe/suite-api';

/** A button as WeChat's menu/create takes it (`{"button":[...]}`). */
export type WechatButton = Schemas['MenusButton'];
/** Who sees a conditional menu (WeChat's string values). */
export type MatchRule = Schemas['MenusMatchRule'];
export type LiveMenus = Schemas['MenusLiveMenu'];
export type DraftDocument = Schemas['MenusDraftDocument'];
/** The account's draft on the server: its document (null: none), who saved it last and its revision. */
export type ServerDraft = Schemas['MenusDraft'];

/** Every button type WeChat accepts, in the order the type picker lists them. */
export const BUTTON_TYPES = [
  'click',
  'view',
  'miniprogram',
  'media_id',
  'article_id',
  'article_view_limited',
  'scancode_push',
  'scancode_waitmsg',
  'pic_sysphoto',
  'pic_photo_or_album',
  'pic_weixin',
  'location_select',
] as const;
export type ButtonType = (typeof BUTTON_TYPES)[number];

/** The text fields a button type uses, besides its name (WeChat's field names). */
export type ButtonField = 'key' | 'url' | 'appid' | 'pagepath' | 'media_id' | 'article_id';

/** Which fields each type sends to WeChat. */
export const FIELDS_OF: Readonly<Record<ButtonType, readonly ButtonField[]>> = {
  click: ['key'],
  view: ['url'],
  miniprogram: ['url', 'appid', 'pagepath'],
  media_id: ['media_id'],
  article_id: ['article_id'],
  article_view_limited: ['article_id'],
  scancode_push: ['key'],
  scancode_waitmsg: ['key'],
  pic_sysphoto: ['key'],
  pic_photo_or_album: ['key'],
  pic_weixin: ['key'],
  location_select: ['key'],
};

/** One button in the editor: WeChat's fields plus a stable id for selection and drag-and-drop. */
export interface MenuButton {
  readonly id: string;
  readonly name: string;
  /** Empty while the user has not chosen one (and on top-level buttons with sub-buttons). */
  readonly type: ButtonType | '';
  readonly fields: Readonly<Partial<Record<ButtonField, string>>>;
  /** Sub-buttons (top level only); a button with sub-buttons has no action of its own. */
  readonly sub: readonly MenuButton[];
}

/** One menu of the draft: the default menu (`matchrule` null) or a conditional one. */
export interface EditorMenu {
  readonly id: string;
  /** WeChat's id of the live conditional menu this one edits, once published. */
  readonly menuid: string | null;
  readonly matchrule: MatchRule | null;
  readonly buttons: readonly MenuButton[];
}

export const DEFAULT_MENU_ID = 'default';

export const isButtonType = (value: unknown): value is ButtonType => BUTTON_TYPES.includes(value as ButtonType);

let sequence = 0;
/** A fresh button or menu id, unique in this page. */
export const newId = (prefix = 'b'): string => `${prefix}${Date.now().toString(36)}${(sequence++).toString(36)}`;

/** WeChat's JSON → editor buttons (fresh ids; unknown types are kept as '' for the user to fix). */
export function fromWechat(buttons: readonly WechatButton[] | null | undefined): MenuButton[] {
  return (buttons ?? []).map((b) => ({
    id: newId(),
    name: b.name ?? '',
    type: isButtonType(b.type) ? b.type : '',
    fields: pickFields(b),
    sub: fromWechat(b.sub_button),
  }));
}

function pickFields(b: WechatButton): Partial<Record<ButtonField, string>> {
  const fields: Partial<Record<ButtonField, string>> = {};
  for (const f of ['key', 'url', 'appid', 'pagepath', 'media_id', 'article_id'] as const) {
    if (typeof b[f] === 'string') fields[f] = b[f];
  }
  return fields;
}

/**
 * Editor buttons → WeChat's JSON, as menu/create takes it: a button with sub-buttons is
 * `{name, sub_button}`; any other `{type, name, …the fields its type uses}`, in WeChat's key order.
 */
export function toWechat(buttons: readonly MenuButton[]): WechatButton[] {
  return buttons.map((b) => {
    if (b.sub.length) return { name: b.name, sub_button: toWechat(b.sub) };
    const out: WechatButton = b.type ? { type: b.type, name: b.name } : { name: b.name };
    for (const field of b.type ? FIELDS_OF[b.type] : []) out[field] = b.fields[field] ?? '';
    return out;
  });
}

/** A draft menu as the server stores it. */
export const toDraftMenu = (menu: EditorMenu): DraftDocument['menus'][number] => ({
  id: menu.id,
  menuid: menu.menuid,
  matchrule: menu.matchrule,
  button: toWechat(menu.buttons),
});

export const fromDraftMenu = (menu: DraftDocument['menus'][number]): EditorMenu => ({
  id: menu.id,
  menuid: menu.menuid,
  matchrule: menu.matchrule,
  buttons: fromWechat(menu.button),
});

/** The draft the editor starts from when there is none: a copy of what WeChat shows. */
export function menusFromLive(live: LiveMenus | null): EditorMenu[] {
  const menus: EditorMenu[] = [{ id: DEFAULT_MENU_ID, menuid: null, matchrule: null, buttons: fromWechat(live?.menu?.button) }];
  for (const c of live?.conditional ?? []) {
    menus.push({ id: `m${c.menuid}`, menuid: c.menuid, matchrule: c.matchrule, buttons: fromWechat(c.button) });
  }
  return menus;
}

/** Whether WeChat's JSON of two button lists is the same (the "draft differs from live" test). */
export const sameButtons = (a: readonly MenuButton[], b: readonly WechatButton[] | null | undefined): boolean =>
  JSON.stringify(toWechat(a)) === JSON.stringify(toWechat(fromWechat(b ?? [])));

/** The live menu an editor menu corresponds to (default, or the conditional menu with its menuid). */
export function liveButtonsOf(menu: EditorMenu, live: LiveMenus | null): readonly WechatButton[] | null {
  if (!live) return null;
  if (!menu.matchrule) return live.menu?.button ?? null;
  return live.conditional.find((c) => c.menuid === menu.menuid)?.button ?? null;
}

/** Whether a match rule says anything (WeChat refuses an empty one with 65304). */
export const hasMatchRule = (rule: MatchRule | null | undefined): boolean =>
  !!rule && Object.values(rule).some((v) => v !== undefined && v !== '');
