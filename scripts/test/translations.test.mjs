// The translation gate's template scan (scripts/lint/translations.mjs): what counts as a literal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/** A throwaway workspace holding the UI library's strings, for a test to add a module to. */
function workspaceWithUiStrings() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-'));
  const ui = path.join(root, 'projects/shared/ui/src/i18n');
  fs.mkdirSync(ui, { recursive: true });
  for (const file of ['ui.zh-CN.ts', 'ui.en.ts']) fs.copyFileSync(path.join('projects/shared/ui/src/i18n', file), path.join(ui, file));
  return root;
}

test('the workspace passes the gate: parity, keys used, no untranslated literals', async () => {
  assert.deepEqual(await translationProblems(), []);
});

test('a workspace with a missing English key, an empty string, an unknown key and a literal fails the gate', async () => {
  const root = workspaceWithUiStrings();
  const i18n = path.join(root, 'projects/demo/src/i18n');
  fs.mkdirSync(i18n, { recursive: true });
  fs.writeFileSync(path.join(i18n, 'zh-CN.json'), JSON.stringify({ demo: { title: '标题', save: '保存', hint: '提示' } }));
  fs.writeFileSync(path.join(i18n, 'en.json'), JSON.stringify({ demo: { title: 'Title', hint: ' ' } }));
  fs.writeFileSync(
    path.join(root, 'projects/demo/src/page.ts'),
    "@Component({ template: `<h1>{{ 'demo.title' | transloco }}</h1><p>{{ 'demo.gone' | transloco }}</p><button aria-label=\"Close\">{{ 'ui.error.retry' | transloco }}</button>` })\nclass Page {}",
  );
  assert.deepEqual((await translationProblems(root)).sort(), [
    'projects/demo/src/i18n: "demo.hint" is empty in en',
    'projects/demo/src/i18n: "demo.save" has no English',
    'projects/demo/src/page.ts: "demo.gone" is not a translation key',
    'projects/demo/src/page.ts: untranslated aria-label attribute "Close"',
  ]);
});

test("a page folder's strings are served under its name in camelCase, and only there", async () => {
  const root = workspaceWithUiStrings();
  const page = path.join(root, 'projects/demo/src/mass-send/i18n');
  fs.mkdirSync(page, { recursive: true });
  fs.writeFileSync(path.join(page, 'zh-CN.json'), JSON.stringify({ title: '群发' }));
  fs.writeFileSync(path.join(page, 'en.json'), JSON.stringify({ title: 'Mass send' }));
  fs.writeFileSync(
    path.join(root, 'projects/demo/src/mass-send/page.ts'),
    "@Component({ template: `<h1>{{ 'massSend.title' | transloco }}</h1><p>{{ 'title' | transloco }}{{ 'mass-send.title' | transloco }}</p>` })\nclass Page {}",
  );
  assert.deepEqual(await translationProblems(root), ['projects/demo/src/mass-send/page.ts: "mass-send.title" is not a translation key']);
});

test('English singulars (`<key>_one`) need their string with a {{count}}, and only English has them', async () => {
  const root = workspaceWithUiStrings();
  const i18n = path.join(root, 'projects/demo/src/i18n');
  fs.mkdirSync(i18n, { recursive: true });
  fs.writeFileSync(path.join(i18n, 'zh-CN.json'), JSON.stringify({ demo: { items: '{{count}} 项', title: '标题', title_one: '标题' } }));
  fs.writeFileSync(
    path.join(i18n, 'en.json'),
    JSON.stringify({ demo: { items: '{{ count }} items', items_one: '1 item', title: 'Title', title_one: 'One title', gone_one: '1 gone' } }),
  );
  assert.deepEqual((await translationProblems(root)).sort(), [
    'projects/demo/src/i18n: "demo.gone_one" is the singular of "demo.gone", which is missing',
    'projects/demo/src/i18n: "demo.title_one" is a singular form, which Chinese does not have',
    'projects/demo/src/i18n: "demo.title_one" is a singular, but "demo.title" has no {{count}}',
  ]);
});
