import sanitizeHtml from 'sanitize-html';

/**
 * The one place where article bodies (rich text written in the editor, or posted to the API by
 * anyone) become safe HTML. An allow-list: what is not named here is dropped — scripts, event
 * handlers, `javascript:` and `data:` URLs, iframes, forms, inline styles beyond a few.
 */

/** The content URL of one of our own materials: the only relative image source allowed. */
const OWN_CONTENT = /^\/api\/wechat\/accounts\/([A-Za-z0-9_-]+)\/materials\/([A-Za-z0-9_-]+)\/content$/;
const LINK_SCHEMES = /^(https?:|mailto:)/i;
const IMAGE_SCHEMES = /^https?:/i;

const COLOR = [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(,\s*(0|1|0?\.\d+)\s*)?\)$/i];

const OPTIONS = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'a', 'img', 'span', 'section'],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    span: ['style'],
    section: ['style'],
    p: ['style'],
  },
  allowedStyles: {
    '*': {
      color: COLOR,
      'background-color': COLOR,
      'text-align': [/^(left|right|center|justify)$/],
      'font-size': [/^\d{1,2}px$/],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Dropped tags lose their content too when they are code or embedded documents.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  disallowedTagsMode: 'discard',
};

/**
 * Sanitizes an article body for account `appid`. Images keep their source only when it is http(s)
 * or one of this account's own material content URLs (an image without a source is dropped);
 * links only when http(s) or mailto.
 * @param {string} html
 * @param {string} appid
 */
export function sanitizeArticleHtml(html, appid) {
  return sanitizeHtml(String(html ?? ''), {
    ...OPTIONS,
    transformTags: {
      a: (tagName, attribs) => {
        const { href, ...rest } = attribs;
        const keep = href && LINK_SCHEMES.test(href.trim());
        return { tagName, attribs: keep ? { ...rest, href: href.trim(), rel: 'noopener noreferrer', target: '_blank' } : rest };
      },
      img: (tagName, attribs) => {
        const { src, ...rest } = attribs;
        const source = String(src ?? '').trim();
        const own = OWN_CONTENT.exec(source);
        const keep = IMAGE_SCHEMES.test(source) || (own && own[1] === appid);
        return { tagName, attribs: keep ? { ...rest, src: source } : rest };
      },
    },
    allowedAttributes: { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'rel', 'target'] },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}

const ENTITIES = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Characters of text in an HTML body (tags and entities decoded, whitespace runs as one). */
export function articleTextLength(html) {
  const text = sanitizeHtml(String(html ?? ''), { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags })
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_, name) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim();
  return [...text].length;
}
