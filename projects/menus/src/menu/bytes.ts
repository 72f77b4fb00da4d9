/** WeChat measures menu names, keys and urls in UTF-8 bytes: a Chinese character is 3, most emoji 4. */
const encoder = new TextEncoder();

/** The UTF-8 byte length of `text`. */
export function utf8Bytes(text: string | null | undefined): number {
  return text ? encoder.encode(text).length : 0;
}

// Grapheme clusters, so a flag or a family emoji is never cut in half.
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : null;

function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

// WeChat's phone client gives a full-width character (Chinese, emoji) twice the room of an ASCII one.
const widthOf = (grapheme: string): number => (/^[\x20-\x7e]$/.test(grapheme) ? 1 : 2);

/**
 * The name as WeChat's client shows it in the menu: top-level buttons fit 4 Chinese characters
 * (8 half-width units) and sub-buttons 8 (16 units); the overflow is replaced by "...".
 */
export function previewLabel(name: string, level: 0 | 1): string {
  const room = level === 0 ? 8 : 16;
  const parts = graphemes(name);
  let width = 0;
  for (let i = 0; i < parts.length; i++) {
    width += widthOf(parts[i]);
    if (width > room) return `${parts.slice(0, i).join('')}...`;
  }
  return name;
}
