import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { MenuButton } from '../menu/menu.model';
import { findButton } from '../menu/menu-tree';
import { MenuIssue, RuleContext } from '../menu/menu-rules';
import { parseMenuJson } from './menu-json';

export interface MenuJsonData {
  /** The current menu as WeChat's JSON, pretty-printed (export). */
  readonly json: string;
  readonly rules: RuleContext;
}

/** Import and export of WeChat's own menu JSON; closes with the imported buttons. */
@Component({
  selector: 'wx-menu-json-dialog',
  imports: [MatDialogModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'menus.json.title' | transloco }}</h2>
    <mat-dialog-content>
      <p>{{ 'menus.json.intro' | transloco }}</p>
      <mat-form-field class="wide">
        <mat-label>{{ 'menus.json.label' | transloco }}</mat-label>
        <textarea matInput name="menu-json" rows="14" spellcheck="false" [value]="text()" (input)="edit($any($event.target).value)"></textarea>
      </mat-form-field>
      @if (issues().length) {
        <div role="alert" class="issues">
          <p>{{ 'menus.json.refused' | transloco }}</p>
          <ul>
            @for (issue of issues(); track $index) {
              <li>
                @if (nameOf(issue); as name) {
                  <strong>{{ name }}</strong>:
                }
                {{ issue.message | transloco: issue.params }}
              </li>
            }
          </ul>
        </div>
      }
      @if (copied()) {
        <p role="status">{{ 'menus.json.copied' | transloco }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button class="wx-button" type="button" (click)="copy()">{{ 'menus.json.copy' | transloco }}</button>
      <a class="wx-button" [href]="downloadHref()" download="menu.json">{{ 'menus.json.download' | transloco }}</a>
      <button class="wx-button" type="button" [mat-dialog-close]="null">{{ 'menus.cancel' | transloco }}</button>
      <button class="wx-button filled" type="button" (click)="import()">{{ 'menus.json.import' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    textarea {
      font-family: ui-monospace, monospace;
      font-size: 0.8125rem;
    }
    .issues {
      color: var(--mat-sys-error);
    }
  `,
})
export class MenuJsonDialog {
  private readonly data = inject<MenuJsonData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<MenuJsonDialog, readonly MenuButton[] | null>>(MatDialogRef);
  protected readonly text = signal(this.data.json);
  protected readonly issues = signal<readonly MenuIssue[]>([]);
  private readonly checked = signal<readonly MenuButton[]>([]);
  protected readonly copied = signal(false);
  protected readonly downloadHref = computed(() => `data:application/json;charset=utf-8,${encodeURIComponent(this.text())}`);

  protected edit(value: string): void {
    this.text.set(value);
    this.issues.set([]);
    this.copied.set(false);
  }

  protected import(): void {
    const parsed = parseMenuJson(this.text(), this.data.rules);
    if (parsed.ok) {
      this.ref.close(parsed.buttons);
      return;
    }
    this.checked.set(parsed.buttons ?? []);
    this.issues.set(parsed.issues);
  }

  protected nameOf(issue: MenuIssue): string | null {
    return findButton(this.checked(), issue.buttonId)?.button.name || null;
  }

  protected async copy(): Promise<void> {
    await navigator.clipboard?.writeText(this.text()).catch(() => undefined);
    this.copied.set(true);
  }
}
