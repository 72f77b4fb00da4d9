/**
 * The hostile-input corpus (issue #10, Security): strings a fan, a colleague or WeChat itself could
 * put into a field the suite shows. Every string that could run script sets `window.__xss` to its
 * own id (or opens a dialog), so "no script ran" is one check of a global canary. `executes` marks
 * those; the others (RTL overrides, zero-width, 4-byte characters, template syntax, very long text)
 * are about being shown verbatim without breaking the page.
 */
export interface HostileString {
  readonly id: string;
  readonly text: string;
  /** Sets the canary (or opens a dialog) if it is ever parsed as markup or evaluated. */
  readonly executes: boolean;
}

/** `$` is replaced by the canary assignment, `ID` by the string's id. */
const EXECUTING: readonly string[] = [
  '<script>$</script>',
  '<script src="data:text/javascript,$"></script>',
  '<img src=x onerror="$">',
  '<img src="x" onerror=$>',
  '<IMG SRC=x OnErRoR="$">',
  '<svg onload="$">',
  '<svg/onload=$>',
  '<svg><script>$</script></svg>',
  '<svg><animate onbegin="$" attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:$"><text x="0" y="20">x</text></a></svg>',
  '<svg><foreignObject><img src=x onerror="$"></foreignObject></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="$">',
  '<math href="javascript:$">x</math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:$">x</maction></math>',
  '<a href="javascript:$">link</a>',
  '<a href="&#106;avascript:$">link</a>',
  '<a href="jav&#x09;ascript:$">link</a>',
  '<a href=" javascript:$">link</a>',
  'javascript:$',
  'JaVaScRiPt:$//',
  '<iframe srcdoc="<script>parent.$</script>"></iframe>',
  '<iframe src="javascript:parent.$"></iframe>',
  '<object data="javascript:$"></object>',
  '<embed src="javascript:$">',
  '<body onload="$">',
  '<details open ontoggle="$">x</details>',
  '<input autofocus onfocus="$">',
  '<select autofocus onfocus="$"></select>',
  '<textarea autofocus onfocus="$"></textarea>',
  '<video><source onerror="$"></video>',
  '<audio src=x onerror="$">',
  '<marquee onstart="$">x</marquee>',
  '<form action="javascript:$"><button>go</button></form>',
  '<button formaction="javascript:$">go</button>',
  '<div style="background:url(javascript:$)">x</div>',
  '<style>@import "javascript:$";</style>',
  '<link rel=stylesheet href="javascript:$">',
  '<meta http-equiv="refresh" content="0;url=javascript:$">',
  '<base href="javascript:$//">',
  '"><img src=x onerror="$">',
  "'><svg onload=\"$\">",
  '</textarea><script>$</script>',
  '</title><script>$</script>',
  '</script><script>$</script>',
  '<scr<script>ipt>$</scr</script>ipt>',
  '<!--<img src="--><img src=x onerror="$">',
  '<noscript><p title="</noscript><img src=x onerror=\'$\'>"></noscript>',
  '<template><img src=x onerror="$"></template>',
  '<x contenteditable autofocus onfocus="$">x</x>',
  '<img src=x onerror="alert(\'ID\')">',
  "{{constructor.constructor('$')()}}",
  "{{$on.constructor('$')()}}",
  "{{ ''.constructor.prototype.charAt=[].join; $eval('x=$') }}",
  '${$}',
  '#{$}',
  '<%= $ %>',
  '<img src=x onerror=&#119;indow.__xss=&#39;ID&#39;>',
];

/** Wrappers: the payload alone, inside text, and breaking out of an attribute or a string. */
const CONTEXTS: readonly ((payload: string) => string)[] = [
  (p) => p,
  (p) => `备注 ${p} 结束`,
  (p) => `"'>${p}`,
  (p) => `${p}<!--`,
];

const INERT: readonly string[] = [
  // Bidirectional and invisible characters.
  '\u202Egnp.exe',
  'invoice\u202Efdp.exe',
  '\u2066isolated\u2069 text',
  '\u202Dforced LTR\u202C',
  'zero\u200Bwidth\u200Cjoiner\u200Dhere',
  '\uFEFFbyte order mark',
  '\u2060word\u2060joiner',
  'soft\u00ADhyphen',
  'مرحبا بالعالم',
  'שלום עולם',
  // 4-byte characters and emoji sequences.
  '😀😃😄😁',
  '👨‍👩‍👧‍👦 家人',
  '🏳️‍🌈 彩虹',
  '𠮷野家 𩸽',
  '🇨🇳🇺🇸🇯🇵',
  '👍🏽👍🏿',
  '🀄️🃏',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  // Template and format syntax that must stay text.
  '{{1+1}}',
  "{{ 'x' | uppercase }}",
  '{{ name }}',
  '{count, plural, one {# fan} other {# fans}}',
  '%s%s%s%n',
  '{0}{1}',
  '[[ value ]]',
  '@if (true) { yes }',
  // Escaped markup that must not be unescaped.
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&amp;lt;b&amp;gt;',
  '%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E',
  '\\u003cscript\\u003e',
  // Values that look like code or data.
  "'; DROP TABLE fans; --",
  '" OR 1=1 --',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  '[object Object]',
  'NaN',
  '../../../../etc/passwd',
  'C:\\Windows\\system32',
  'tab\there',
  'line\nbreak',
  'bell\u0007char',
  // Very long strings.
  'A'.repeat(4096),
  '长'.repeat(2000),
  '😀'.repeat(1000),
  `https://example.com/${'a'.repeat(3000)}`,
  `${'<b>'.repeat(500)}deep`,
];

function build(): HostileString[] {
  const strings: HostileString[] = [];
  const id = () => `h${String(strings.length + 1).padStart(3, '0')}`;
  for (const context of CONTEXTS) {
    for (const template of EXECUTING) {
      const key = id();
      const payload = template.replaceAll('$', `window.__xss='${key}'`).replaceAll('ID', key);
      strings.push({ id: key, text: context(payload), executes: true });
    }
  }
  for (const text of INERT) strings.push({ id: id(), text, executes: false });
  return strings;
}

export const HOSTILE_STRINGS: readonly HostileString[] = build();
