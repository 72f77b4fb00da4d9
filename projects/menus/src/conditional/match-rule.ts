import { MatchRule } from '../menu/menu.model';

// Kept apart from the rule's form so the editor can describe rules without loading the form
// (the form is deferred until a conditional menu is opened).

/** WeChat's client languages a conditional menu can match (a selection of the documented codes). */
export const MATCH_LANGUAGES = ['zh_CN', 'zh_TW', 'zh_HK', 'en', 'ja', 'ko'] as const;

/** A fan tag a rule can match. */
export interface RuleTag {
  readonly id: number;
  readonly name: string;
}

/** A short description of a rule for the menu list ("女 · iOS"). */
export function matchRuleSummaryKeys(rule: MatchRule | null, tags: readonly RuleTag[] = []): { key: string; params?: Record<string, string> }[] {
  if (!rule) return [];
  const parts: { key: string; params?: Record<string, string> }[] = [];
  if (rule.tag_id) parts.push({ key: 'menus.rule.tagSummary', params: { tag: tags.find((t) => '' + t.id === rule.tag_id)?.name ?? rule.tag_id } });
  if (rule.sex) parts.push({ key: `menus.rule.sexes.${rule.sex}` });
  if (rule.client_platform_type) parts.push({ key: `menus.rule.platforms.${rule.client_platform_type}` });
  if (rule.language) parts.push({ key: `menus.rule.languages.${rule.language}` });
  return parts;
}
