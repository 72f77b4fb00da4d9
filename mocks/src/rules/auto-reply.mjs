/**
 * WeChat's auto-reply rules (公众号后台 → 自动回复), pure: limits of a keyword rule and of a
 * reply, and which rule answers a fan's text.
 *
 * Matching order (the client's `projects/messaging/src/auto-reply/rules/matcher.ts` mirrors it):
 * 1. Disabled rules never match.
 * 2. A **full** match (the whole message equals a keyword) wins over any **partial** one (the
 *    message contains a keyword), whatever the rules' ages.
 * 3. Among several rules matching the same way, the most recently **created** rule wins (ties:
 *    the higher id). Editing a rule keeps its place: a marketer fixing a typo must not silently
 *    change which rule answers.
 * 4. Comparison ignores case for Latin letters and the message's surrounding spaces; keywords are
 *    stored trimmed.
 * 5. Nothing matches → the default reply when it is on, otherwise nothing.
 */

export const RULE_LIMIT = 200;
export const NAME_MAX = 60;
export const KEYWORDS_MAX = 10;
export const KEYWORD_MAX = 30;
export const REPLIES_MAX = 5;
/** WeChat's keyword-reply editor stops text at 300 characters (passive replies themselves allow more). */
export const TEXT_MAX = 300;
/** A WeChat media_id: letters, digits, `-` and `_`, at most 128 characters (existence is checked elsewhere). */
export const MEDIA_ID = /^[A-Za-z0-9_-]{1,128}$/;
export const MEDIA_TYPES = ['image', 'voice', 'video', 'news'];

const chars = (text) => [...text].length;

/** Problems of a list of replies, each `{field, message}`; `prefix` is where the list sits (`replies`). */
export function repliesErrors(replies, prefix = 'replies', { min = 1 } = {}) {
  if (!Array.isArray(replies)) return [{ field: prefix, message: 'must be a list of replies' }];
  if (replies.length < min) return [{ field: prefix, message: `must hold at least ${min} reply` }];
  if (replies.length > REPLIES_MAX) return [{ field: prefix, message: `must hold at most ${REPLIES_MAX} replies` }];
  const errors = [];
  replies.forEach((reply, i) => {
    const at = `${prefix}[${i}]`;
    if (reply.type === 'text') {
      const text = typeof reply.text === 'string' ? reply.text.trim() : '';
      if (!text) errors.push({ field: `${at}.text`, message: 'must not be empty' });
      else if (chars(reply.text) > TEXT_MAX) errors.push({ field: `${at}.text`, message: `must be at most ${TEXT_MAX} characters` });
    } else if (MEDIA_TYPES.includes(reply.type)) {
      if (!MEDIA_ID.test(reply.mediaId ?? '')) errors.push({ field: `${at}.mediaId`, message: 'is not a WeChat media_id' });
    } else {
      errors.push({ field: `${at}.type`, message: `must be text or one of ${MEDIA_TYPES.join(', ')}` });
    }
  });
  return errors;
}

/** Problems of a keyword rule as the API receives it (name, keywords, replies, mode). */
export function ruleErrors(rule) {
  const errors = [];
  const name = typeof rule.name === 'string' ? rule.name.trim() : '';
  if (!name) errors.push({ field: 'name', message: 'must not be empty' });
  else if (chars(name) > NAME_MAX) errors.push({ field: 'name', message: `must be at most ${NAME_MAX} characters` });
  const keywords = rule.keywords;
  if (!Array.isArray(keywords) || keywords.length === 0) errors.push({ field: 'keywords', message: 'must hold at least 1 keyword' });
  else if (keywords.length > KEYWORDS_MAX) errors.push({ field: 'keywords', message: `must hold at most ${KEYWORDS_MAX} keywords` });
  else {
    const seen = new Set();
    keywords.forEach((keyword, i) => {
      const text = typeof keyword.text === 'string' ? keyword.text.trim() : '';
      const field = `keywords[${i}].text`;
      if (!text) errors.push({ field, message: 'must not be empty' });
      else if (chars(text) > KEYWORD_MAX) errors.push({ field, message: `must be at most ${KEYWORD_MAX} characters` });
      else if (seen.has(fold(text))) errors.push({ field, message: 'is already a keyword of this rule' });
      seen.add(fold(text));
      if (keyword.match !== 'full' && keyword.match !== 'partial') errors.push({ field: `keywords[${i}].match`, message: 'must be full or partial' });
    });
  }
  errors.push(...repliesErrors(rule.replies));
  if (rule.mode !== 'all' && rule.mode !== 'random') errors.push({ field: 'mode', message: 'must be all or random' });
  return errors;
}

/** A rule as stored: trimmed name and keywords. */
export function normalizedRule(rule) {
  return {
    name: rule.name.trim(),
    keywords: rule.keywords.map((k) => ({ text: k.text.trim(), match: k.match })),
    replies: normalizedReplies(rule.replies),
    mode: rule.mode,
    enabled: rule.enabled ?? true,
  };
}

/** Replies as stored: only the fields of their type. */
export const normalizedReplies = (replies) =>
  replies.map((r) => (r.type === 'text' ? { type: 'text', text: r.text } : { type: r.type, mediaId: r.mediaId, ...(r.title ? { title: r.title } : {}) }));

/** Latin letters compare without case (WeChat's rule); other scripts have none. */
export const fold = (text) => text.trim().toLowerCase();

/** The keyword of `rule` a message matches as `kind` ('full' | 'partial'), or null. */
function keywordMatching(rule, message, kind) {
  return rule.keywords.find((k) => k.match === kind && (kind === 'full' ? fold(k.text) === message : message.includes(fold(k.text)))) ?? null;
}

/** Newest first by creation (createdAt, then id): the first rule matching a kind wins. */
const newestFirst = (a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1);

/**
 * Which rule answers `text`. `rules` have `{id, createdAt, enabled, keywords}`.
 * @returns {{ rule: object, keyword: {text: string, match: string} } | null}
 */
export function matchRule(rules, text) {
  const message = fold(text ?? '');
  if (!message) return null;
  const candidates = rules.filter((r) => r.enabled).sort(newestFirst);
  for (const kind of ['full', 'partial']) {
    for (const rule of candidates) {
      const keyword = keywordMatching(rule, message, kind);
      if (keyword) return { rule, keyword };
    }
  }
  return null;
}

/**
 * What the account answers to a text: a rule, else the default reply if on, else nothing.
 * @returns {{ source: 'keyword', rule, keyword, replies, mode } | { source: 'default', replies, mode: 'all' } | { source: 'none' }}
 */
export function answerText(settings, rules, text) {
  const matched = matchRule(rules, text);
  if (matched) return { source: 'keyword', rule: matched.rule, keyword: matched.keyword, replies: matched.rule.replies, mode: matched.rule.mode };
  if (settings.defaultReply.enabled && settings.defaultReply.replies.length) return { source: 'default', replies: settings.defaultReply.replies, mode: 'all' };
  return { source: 'none' };
}

/**
 * The replies actually sent: all of them, or one drawn by `random()` (0 ≤ x < 1) for `random` mode.
 */
export function repliesSent(replies, mode, random) {
  if (mode !== 'random' || replies.length <= 1) return replies;
  return [replies[Math.floor(random() * replies.length)]];
}

/**
 * A reply as WeChat receives it from the platform (the JSON twin of the passive-reply XML).
 * WeChat takes one passive reply per message: the first one sent goes there and the others
 * would go out as customer-service messages, which the mock records the same way.
 */
export function wechatReply(reply, { toUser, fromUser, createTime }) {
  const base = { ToUserName: toUser, FromUserName: fromUser, CreateTime: createTime };
  switch (reply.type) {
    case 'text':
      return { ...base, MsgType: 'text', Content: reply.text };
    case 'image':
      return { ...base, MsgType: 'image', Image: { MediaId: reply.mediaId } };
    case 'voice':
      return { ...base, MsgType: 'voice', Voice: { MediaId: reply.mediaId } };
    case 'video':
      return { ...base, MsgType: 'video', Video: { MediaId: reply.mediaId, ...(reply.title ? { Title: reply.title } : {}) } };
    default:
      // An article material: WeChat sends it as a news card; the materials issue fills title and URL.
      return { ...base, MsgType: 'news', ArticleCount: 1, MediaId: reply.mediaId };
  }
}
