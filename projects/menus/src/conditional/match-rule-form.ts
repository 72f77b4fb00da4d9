import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { MatchRule } from '../menu/menu.model';

/** WeChat's client languages a conditional menu can match (a selection of the documented codes). */
export const MATCH_LANGUAGES = ['zh_CN', 'zh_TW', 'zh_HK', 'en', 'ja', 'ko'] as const;

/**
 * Who sees a conditional menu: a tag, gender, client platform and/or language (WeChat's matchrule).
 * Empty fields match everyone; WeChat refuses a rule with none set (65304).
 */
@Component({
  selector: 'wx-match-rule-form',
  imports: [MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ 'menus.rule.legend' | transloco }}</legend>
      <mat-form-field>
        <mat-label>{{ 'menus.rule.tag' | transloco }}</mat-label>
        <input matInput name="tag_id" inputmode="numeric" autocomplete="off" [value]="rule().tag_id ?? ''" (input)="set('tag_id', $any($event.target).value.trim())" />
        <mat-hint>{{ 'menus.rule.tagHint' | transloco }}</mat-hint>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'menus.rule.sex' | transloco }}</mat-label>
        <select matNativeControl name="sex" (change)="set('sex', $any($event.target).value)">
          @for (v of ['', '1', '2']; track v) {
            <option [value]="v" [selected]="(rule().sex ?? '') === v">{{ 'menus.rule.sexes.' + (v || 'any') | transloco }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'menus.rule.platform' | transloco }}</mat-label>
        <select matNativeControl name="client_platform_type" (change)="set('client_platform_type', $any($event.target).value)">
          @for (v of ['', '1', '2', '3']; track v) {
            <option [value]="v" [selected]="(rule().client_platform_type ?? '') === v">{{ 'menus.rule.platforms.' + (v || 'any') | transloco }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'menus.rule.language' | transloco }}</mat-label>
        <select matNativeControl name="language" (change)="set('language', $any($event.target).value)">
          <option value="" [selected]="!rule().language">{{ 'menus.rule.anyLanguage' | transloco }}</option>
          @for (v of languages; track v) {
            <option [value]="v" [selected]="rule().language === v">{{ 'menus.rule.languages.' + v | transloco }}</option>
          }
        </select>
      </mat-form-field>
    </fieldset>
  `,
  styles: `
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      margin: 0 0 1rem;
      padding: 0.75rem 1rem 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
    }
    legend {
      padding: 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    mat-form-field {
      width: 12rem;
    }
  `,
})
export class MatchRuleForm {
  readonly rule = input.required<MatchRule>();
  readonly changed = output<MatchRule>();
  protected readonly languages = MATCH_LANGUAGES;

  protected set(field: keyof MatchRule, value: string): void {
    const next: Record<string, string> = { ...this.rule() };
    if (value) next[field] = value;
    else delete next[field];
    this.changed.emit(next as MatchRule);
  }
}

/** A short description of a rule for the menu list ("女 · iOS"). */
export function matchRuleSummaryKeys(rule: MatchRule | null): { key: string; params?: Record<string, string> }[] {
  if (!rule) return [];
  const parts: { key: string; params?: Record<string, string> }[] = [];
  if (rule.tag_id) parts.push({ key: 'menus.rule.tagSummary', params: { tag: rule.tag_id } });
  if (rule.sex) parts.push({ key: `menus.rule.sexes.${rule.sex}` });
  if (rule.client_platform_type) parts.push({ key: `menus.rule.platforms.${rule.client_platform_type}` });
  if (rule.language) parts.push({ key: `menus.rule.languages.${rule.language}` });
  return parts;
}
