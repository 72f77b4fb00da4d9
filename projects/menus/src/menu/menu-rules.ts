import { utf8Bytes } from './bytes';
import { ButtonField, FIELDS_OF, hasMatchRule, MatchRule, MenuButton } from './menu.model';

/** WeChat's menu limits (PRODUCT §4); lengths in UTF-8 bytes. The mock applies the same rules. */
export const MENU_LIMITS = { topLevel: 3, subButtons: 5, topName: 16, subName: 60, key: 128, url: 1024 } as const;

/** The field of a button a problem is about (`count`: too many buttons under it; `matchrule`: the conditional menu's rule). */
export type IssueField = 'name' | 'type' | ButtonField | 'count' | 'matchrule';

/**
 * One broken rule: the button (null: the menu itself), the field, the translation key of the
 * message (`menus.issue.*`) with its parameters, and WeChat's errcode for the same rule.
 */
export interface MenuIssue {
  readonly buttonId: string | null;
  readonly field: IssueField;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly errcode?: number;
}

/** What the account allows (unverified accounts cannot use mini-program buttons). */
export interface RuleContext {
  readonly miniProgramAllowed: boolean;
}

/** The name limit of a button at a level: 16 bytes top-level, 60 bytes for sub-buttons. */
export const nameLimit = (level: 0 | 1): number => (level === 0 ? MENU_LIMITS.topName : MENU_LIMITS.subName);

/** Whether `value` is an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Every rule the menu breaks, in the order a user reads the menu. */
export function menuIssues(buttons: readonly MenuButton[], context: RuleContext): MenuIssue[] {
  const issues: MenuIssue[] = [];
  if (buttons.length === 0) issues.push({ buttonId: null, field: 'count', message: 'menus.issue.empty', errcode: 40016 });
  if (buttons.length > MENU_LIMITS.topLevel) {
    issues.push({ buttonId: null, field: 'count', message: 'menus.issue.tooManyTop', params: { max: MENU_LIMITS.topLevel }, errcode: 40016 });
  }
  for (const button of buttons) {
    issues.push(...nameIssues(button, 0));
    if (button.sub.length > MENU_LIMITS.subButtons) {
      issues.push({ buttonId: button.id, field: 'count', message: 'menus.issue.tooManySub', params: { max: MENU_LIMITS.subButtons }, errcode: 40023 });
    }
    if (button.sub.length === 0) issues.push(...actionIssues(button, 0, context));
    for (const sub of button.sub) issues.push(...nameIssues(sub, 1), ...actionIssues(sub, 1, context));
  }
  return issues;
}

/** What a conditional menu's rule lacks (null: the default menu): WeChat refuses one with no condition (65304). */
export function matchRuleIssues(rule: MatchRule | null | undefined): MenuIssue[] {
  return rule && !hasMatchRule(rule) ? [{ buttonId: null, field: 'matchrule', message: 'menus.issue.ruleRequired', errcode: 65304 }] : [];
}

function nameIssues(button: MenuButton, level: 0 | 1): MenuIssue[] {
  const bytes = utf8Bytes(button.name);
  const max = nameLimit(level);
  const errcode = level === 0 ? 40018 : 40025;
  if (bytes === 0) return [{ buttonId: button.id, field: 'name', message: 'menus.issue.nameRequired', errcode }];
  if (bytes > max) return [{ buttonId: button.id, field: 'name', message: 'menus.issue.tooLong', params: { bytes, max }, errcode }];
  return [];
}

function actionIssues(button: MenuButton, level: 0 | 1, context: RuleContext): MenuIssue[] {
  const id = button.id;
  if (!button.type) return [{ buttonId: id, field: 'type', message: 'menus.issue.typeRequired', errcode: level ? 40024 : 40017 }];
  const issues: MenuIssue[] = [];
  if (button.type === 'miniprogram' && !context.miniProgramAllowed) {
    issues.push({ buttonId: id, field: 'type', message: 'menus.issue.miniProgramUnverified' });
  }
  for (const field of FIELDS_OF[button.type]) {
    const value = button.fields[field] ?? '';
    const bytes = utf8Bytes(value);
    if (bytes === 0) {
      issues.push({ buttonId: id, field, message: 'menus.issue.required' });
    } else if (field === 'key' && bytes > MENU_LIMITS.key) {
      issues.push({ buttonId: id, field, message: 'menus.issue.tooLong', params: { bytes, max: MENU_LIMITS.key }, errcode: level ? 40026 : 40019 });
    } else if (field === 'url' && bytes > MENU_LIMITS.url) {
      issues.push({ buttonId: id, field, message: 'menus.issue.tooLong', params: { bytes, max: MENU_LIMITS.url }, errcode: level ? 40027 : 40020 });
    } else if (field === 'url' && !isHttpUrl(value)) {
      issues.push({ buttonId: id, field, message: 'menus.issue.url', errcode: level ? 40054 : 40055 });
    } else if (field === 'appid' && !/^wx[0-9a-f]{16}$/.test(value)) {
      issues.push({ buttonId: id, field, message: 'menus.issue.appid', errcode: 40166 });
    }
  }
  return issues;
}

const PATH = /^button\[(\d+)\](?:\.sub_button\[(\d+)\])?(?:\.(\w+))?/;

/**
 * Maps the `errors` of a WeChat refusal (`button[1].sub_button[0].name`) to the buttons of the menu
 * that was published, so the editor marks the offending button and field.
 */
export function issuesFromProblem(
  errors: readonly { field: string; message: string }[] | undefined,
  buttons: readonly MenuButton[],
): MenuIssue[] {
  return (errors ?? []).map((error) => {
    const match = PATH.exec(error.field);
    const top = match ? buttons[Number(match[1])] : undefined;
    const button = match?.[2] !== undefined ? top?.sub[Number(match[2])] : top;
    const raw = match?.[3] ?? 'count';
    const field = (raw === 'sub_button' ? 'count' : raw) as IssueField;
    const errcode = Number(/^\d+/.exec(error.message)?.[0]) || undefined;
    return { buttonId: button?.id ?? null, field, message: 'menus.issue.wechat', params: { message: error.message }, errcode };
  });
}
