// The translation gate's template scan (scripts/lint/translations.mjs): what counts as a literal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { templateLiterals, translationProblems } from '../lint/translations.mjs';

test('finds literal text, text around interpolations and literal visible attributes, in every block', () => {
  const found = templateLiterals(`
    <button type="button" aria-label="Close">×</button>
    <p>Total: {{ count }}</p>
    @if (ready) { <span>保存</span> } @else { <input placeholder="Search"> }
    @for (row of rows; track row) { <td title="Row">{{ row }}</td> } @empty { <p>Nothing</p> }`);
  assert.deepEqual(found.map((f) => `${f.where}: ${f.text}`).sort(), [
    'aria-label attribute: Close',
    'placeholder attribute: Search',
    'text: Nothing',
    'text: Total:',
    'text: 保存',
    'title attribute: Row',
  ]);
});

test('translated text, bindings, symbols and non-visible attributes pass', () => {
  assert.deepEqual(
    templateLiterals(`
      <h1>{{ 'qrCodes.title' | transloco }}</h1>
      <button type="button" [attr.aria-label]="'ui.close' | transloco" class="icon-button" data-kind="close">×</button>
      <span>{{ a }} / {{ b }} · 100%</span>`),
    [],
  );
});

test('the workspace passes the gate: parity, keys used, no untranslated literals', async () => {
  assert.deepEqual(await translationProblems(), []);
});
