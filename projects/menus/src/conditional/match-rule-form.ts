import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Field, FieldControl, FieldHint } from '@wechat-mfe/ui';
import { MatchRule } from '../menu/menu.model';
import { MATCH_LANGUAGES, RuleTag } from './match-rule';

/**
 * Who sees a conditional menu: a tag, gender, client platform and/or language (WeChat's matchrule).
 * Empty fields match everyone; WeChat refuses a rule with none set (65304). The tag is chosen by
 * name from the account's tags; a rule whose tag no longer exists keeps it, marked as missing.
 */
@Component({
  selector: 'wx-match-rule-form',
  imports: [Field, FieldControl, FieldHint, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ 'menus.rule.legend' | transloco }}</legend>
      <wx-field [label]="'menus.rule.tag' | transloco">
        <select wxFieldControl name="tag_id" (change)="set('tag_id', $any($event.target).value)">
          <option value="" [selected]="!rule().tag_id">{{ 'menus.rule.anyTag' | transloco }}</option>
          @for (tag of tags(); track tag.id) {
            <option [value]="'' + tag.id" [selected]="rule().tag_id === '' + tag.id">{{ tag.name }}</option>
          }
          @if (missingTag(); as id) {
            <option [value]="id" selected>{{ 'menus.rule.missingTag' | transloco: { id } }}</option>
          }
        </select>
        @if (tagsFailed()) {
          <span wxHint>{{ 'menus.rule.tagsFailed' | transloco }}</span>
        }
      </wx-field>
      <wx-field [label]="'menus.rule.sex' | transloco">
        <select wxFieldControl name="sex" (change)="set('sex', $any($event.target).value)">
          @for (v of ['', '1', '2']; track v) {
            <option [value]="v" [selected]="(rule().sex ?? '') === v">{{ 'menus.rule.sexes.' + (v || 'any') | transloco }}</option>
          }
        </select>
      </wx-field>
      <wx-field [label]="'menus.rule.platform' | transloco">
        <select wxFieldControl name="client_platform_type" (change)="set('client_platform_type', $any($event.target).value)">
          @for (v of ['', '1', '2', '3']; track v) {
            <option [value]="v" [selected]="(rule().client_platform_type ?? '') === v">{{ 'menus.rule.platforms.' + (v || 'any') | transloco }}</option>
          }
        </select>
      </wx-field>
      <wx-field [label]="'menus.rule.language' | transloco">
        <select wxFieldControl name="language" (change)="set('language', $any($event.target).value)">
          <option value="" [selected]="!rule().language">{{ 'menus.rule.anyLanguage' | transloco }}</option>
          @for (v of languages; track v) {
            <option [value]="v" [selected]="rule().language === v">{{ 'menus.rule.languages.' + v | transloco }}</option>
          }
        </select>
      </wx-field>
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
    wx-field {
      width: 12rem;
    }
  `,
})
export class MatchRuleForm {
  readonly rule = input.required<MatchRule>();
  /** The account's tags; empty while loading or when they could not be loaded. */
  readonly tags = input<readonly RuleTag[]>([]);
  readonly tagsFailed = input(false);
  readonly changed = output<MatchRule>();
  protected readonly languages = MATCH_LANGUAGES;

  /** The rule's tag id when no listed tag has it (deleted since, or tags not loaded). */
  protected readonly missingTag = computed(() => {
    const id = this.rule().tag_id;
    return id && !this.tags().some((t) => '' + t.id === id) ? id : null;
  });

  protected set(field: keyof MatchRule, value: string): void {
    const next: Record<string, string> = { ...this.rule() };
    if (value) next[field] = value;
    else delete next[field];
    this.changed.emit(next as MatchRule);
  }
}
