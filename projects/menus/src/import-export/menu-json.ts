import { fromWechat, MenuButton, WechatButton } from '../menu/menu.model';
import { menuIssues, MenuIssue, RuleContext } from '../menu/menu-rules';

const BUTTON_KEYS = new Set(['type', 'name', 'key', 'url', 'appid', 'pagepath', 'media_id', 'article_id', 'sub_button']);

/** What reading a pasted menu JSON gave: the buttons, or why it cannot be imported. */
export type ParsedMenu =
  | { readonly ok: true; readonly buttons: readonly MenuButton[] }
  | { readonly ok: false; readonly syntax: boolean; readonly issues: readonly MenuIssue[]; readonly buttons?: readonly MenuButton[] };

/**
 * Reads WeChat's menu JSON as menu/create takes it (`{"button":[...]}`; menu/get's `{"menu":{...}}`
 * too) and checks it with the editor's rules. Anything else is refused with a reason.
 */
export function parseMenuJson(text: string, context: RuleContext): ParsedMenu {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, syntax: true, issues: [{ buttonId: null, field: 'count', message: 'menus.json.syntax' }] };
  }
  const root = (data as { menu?: unknown })?.menu ?? data;
  const raw = (root as { button?: unknown })?.button;
  if (!Array.isArray(raw) || !raw.every(isButtonShape)) {
    return { ok: false, syntax: true, issues: [{ buttonId: null, field: 'count', message: 'menus.json.shape' }] };
  }
  const buttons = fromWechat(raw as WechatButton[]);
  const issues = menuIssues(buttons, context);
  return issues.length ? { ok: false, syntax: false, issues, buttons } : { ok: true, buttons };
}

function isButtonShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.every(([k, v]) => BUTTON_KEYS.has(k) && (k === 'sub_button' ? Array.isArray(v) && v.every(isButtonShape) : typeof v === 'string'));
}
