/**
 * What the server takes as an article draft (work in progress): none of WeChat's article rules,
 * only bounds that keep one user's autosave from filling the database.
 */

/** The draft key of an article never saved (media ids are 32 characters: no article is called that). */
export const NEW_ARTICLE_DRAFT_KEY = 'new';

/** The bodies of one draft, in all (UTF-8 bytes): ten times what WeChat keeps of an article's text, with room for markup. */
export const ARTICLE_DRAFT_MAX_CONTENT_BYTES = 2 * 1024 * 1024;

/** The largest request body the draft route reads; anything bigger is refused before it is parsed. */
export const ARTICLE_DRAFT_BODY_LIMIT = 3 * ARTICLE_DRAFT_MAX_CONTENT_BYTES;

/**
 * Field errors of a draft document the schema already accepted: the bodies over the size limit
 * (named at the item where it is crossed) and an `index` past the last item.
 * @returns {{ field: string, message: string }[]}
 */
export function articleDraftErrors({ articles, index = 0 }, maxContentBytes = ARTICLE_DRAFT_MAX_CONTENT_BYTES) {
  const errors = [];
  let bytes = 0;
  for (const [i, item] of articles.entries()) {
    bytes += Buffer.byteLength(item.content, 'utf8');
    if (bytes > maxContentBytes) {
      errors.push({ field: `articles[${i}].content`, message: `the bodies of a draft must be at most ${maxContentBytes} bytes in all` });
      break;
    }
  }
  if (index >= articles.length) errors.push({ field: 'index', message: `must be below ${articles.length} (the number of items)` });
  return errors;
}
