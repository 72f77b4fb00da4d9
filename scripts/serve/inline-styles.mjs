// The page's own stylesheets, written into the page (ADR 0027). Two linked stylesheets blocked the first
// paint and the shell's deferred script until both had arrived: on a cold /wechat/fans the static frame
// painted at ~150 ms on localhost and Lighthouse's simulated mobile link paid two more round trips
// before its first paint. The page differs per response anyway (nonce, manifest, hints) and is never
// cached, so the ~4 KB they weigh compressed travel with it instead.
import fs from 'node:fs';
import path from 'node:path';

const LINK = /<link rel="stylesheet" href="\/([\w.-]+\.css)" \/>/g;

/**
 * Returns `inline(html, nonce)`, which replaces each `<link rel="stylesheet" href="/x.css" />` of the
 * shell's page with `<style nonce>` holding the file from `folder`. The files have content-hashed names
 * (scripts/build/shell.mjs), so each is read once; a new deployment's page names new files. A link to a
 * file that is not there stays a link (the browser then reports the missing file, as before).
 */
export function styleInliner(folder) {
  const read = new Map();
  const text = (file) => {
    if (!read.has(file)) {
      try {
        // `</style` inside the CSS would end the element early; `<\/style` means the same in a CSS string.
        read.set(file, fs.readFileSync(path.join(folder, file), 'utf8').replaceAll('</style', '<\\/style'));
      } catch {
        return null;
      }
    }
    return read.get(file);
  };
  return (html, nonce) =>
    html.replace(LINK, (tag, file) => {
      const css = text(file);
      return css === null ? tag : `<style nonce="${nonce}" data-href="/${file}">${css}</style>`;
    });
}
