import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REVIEWED_HTML_SINKS, htmlSinkViolations, scanSource } from '../../scripts/lint/html-sinks.mjs';

/** The HTML-sink gate of scripts/lint.mjs (ARCHITECTURE §8) fails on samples and passes the repository. */
describe('lint gate: bypassSecurityTrust* and raw HTML sinks', () => {
  const bad = {
    'projects/fans/src/x.ts': [
      "el.innerHTML = fan.remark;",
      "el.outerHTML = '<b>' + name + '</b>';",
      "el.insertAdjacentHTML('beforeend', html);",
      'document.write(html);',
      'document .writeln(html);',
      'range.createContextualFragment(html);',
      "new DOMParser().parseFromString(html, 'text/html');",
      'iframe.srcdoc = html;',
      "@Component({ template: '<p [innerHTML]=\"remark()\"></p>' })",
    ],
    'projects/fans/src/x.html': ['<div [innerHTML]="fan.nickname"></div>', '<div [outerHTML]="x"></div>', '<iframe [srcdoc]="x"></iframe>'],
  };

  for (const [file, lines] of Object.entries(bad)) {
    for (const line of lines) {
      it(`fails on ${line} in ${path.extname(file)}`, () => {
        const violations = scanSource(`const a = 1;\n${line}\n`, file);
        assert.equal(violations.length, 1, violations.join('\n'));
        assert.match(violations[0], new RegExp(`^${file.replace('.', '\\.')}:2: `));
      });
    }
  }

  it('fails on bypassSecurityTrust* even in a reviewed file', () => {
    const [reviewed] = REVIEWED_HTML_SINKS.keys();
    for (const call of ['sanitizer.bypassSecurityTrustHtml(html)', 'this.s.bypassSecurityTrustUrl(u)', 'bypassSecurityTrustResourceUrl']) {
      const violations = scanSource(call, reviewed);
      assert.equal(violations.length, 1, call);
      assert.match(violations[0], /bypassSecurityTrust\w* is forbidden/);
    }
  });

  it('lets a reviewed file use a sink, and ignores comments and text bindings', () => {
    const [reviewed] = REVIEWED_HTML_SINKS.keys();
    assert.deepEqual(scanSource("template: '<div [innerHTML]=\"html()\"></div>'", reviewed), []);
    assert.deepEqual(scanSource('// no innerHTML here\n/* nor outerHTML */\nel.textContent = remark;', 'projects/fans/src/y.ts'), []);
    assert.deepEqual(scanSource('<!-- not [innerHTML] --><p>{{ remark }}</p>', 'projects/fans/src/y.html'), []);
    assert.deepEqual(scanSource("const url = 'https://example.com'; el.textContent = x;", 'projects/fans/src/y.ts'), []);
  });

  it('reports a sink in a file on disk, and a reviewed entry whose file is gone', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'html-sinks-'));
    try {
      fs.mkdirSync(path.join(root, 'projects/fans/src'), { recursive: true });
      fs.mkdirSync(path.join(root, 'shell'), { recursive: true });
      fs.writeFileSync(path.join(root, 'projects/fans/src/remark.ts'), 'export const show = (el, t) => { el.innerHTML = t; };\n');
      const violations = htmlSinkViolations(root, new Map([['projects/gone.ts', 'was reviewed']]));
      assert.equal(violations.length, 2, violations.join('\n'));
      assert.match(violations[0], /^projects\/fans\/src\/remark\.ts:1: innerHTML outside a reviewed file/);
      assert.match(violations[1], /^projects\/gone\.ts: reviewed for HTML sinks but missing/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('passes the repository as it is, every reviewed file with a reason', () => {
    assert.deepEqual(htmlSinkViolations(), []);
    for (const [file, reason] of REVIEWED_HTML_SINKS) assert.ok(reason.length > 30, file);
  });
});
