import type { DomSanitizer } from '@angular/platform-browser';
import { parseArticleHtml } from './article-html';

/** An article item as the editor holds it. */
export interface ArticleDraft {
  /** A stable key for the list (items move). */
  readonly key: number;
  readonly title: string;
  readonly author: string;
  readonly digest: string;
  readonly thumbMediaId: string;
  readonly thumbUrl: string | null;
  readonly thumbName: string;
  readonly content: string;
  readonly contentSourceUrl: string;
  readonly showCoverPic: boolean;
}

export type ArticleField = 'title' | 'author' | 'digest' | 'thumbMediaId' | 'content' | 'contentSourceUrl';

/** A problem of a field, as a translation key under `materials.editor.error.` and its parameters. */
export interface FieldIssue {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** WeChat's article rules (PRODUCT §4, issue #5); the server checks them again. */
export const ARTICLE_RULES = { itemsMax: 8, titleMax: 64, authorMax: 8, digestMax: 120, contentTextMax: 19_999 } as const;

const chars = (text: string) => [...text].length;

/**
 * Characters of text in HTML the editor produced (markup not counted), without rendering it. Counted
 * after Angular's sanitizer, like the server counts after its own: script and style content is no text.
 */
export function textLength(html: string, sanitizer: DomSanitizer): number {
  const doc = parseArticleHtml(html, sanitizer);
  return chars((doc.body.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** The issues of one item, by field (empty when it can be saved). */
export function draftIssues(draft: ArticleDraft, sanitizer: DomSanitizer): Partial<Record<ArticleField, FieldIssue>> {
  const issues: Partial<Record<ArticleField, FieldIssue>> = {};
  const title = draft.title.trim();
  if (!title) issues.title = { key: 'required', params: {} };
  else if (chars(title) > ARTICLE_RULES.titleMax) issues.title = { key: 'tooLong', params: { max: ARTICLE_RULES.titleMax } };
  if (chars(draft.author.trim()) > ARTICLE_RULES.authorMax) issues.author = { key: 'tooLong', params: { max: ARTICLE_RULES.authorMax } };
  if (chars(draft.digest.trim()) > ARTICLE_RULES.digestMax) issues.digest = { key: 'tooLong', params: { max: ARTICLE_RULES.digestMax } };
  if (!draft.thumbMediaId) issues.thumbMediaId = { key: 'coverRequired', params: {} };
  const length = textLength(draft.content, sanitizer);
  if (length === 0) issues.content = { key: 'bodyRequired', params: {} };
  else if (length > ARTICLE_RULES.contentTextMax) issues.content = { key: 'bodyTooLong', params: { max: ARTICLE_RULES.contentTextMax + 1 } };
  const url = draft.contentSourceUrl.trim();
  if (url && !/^https?:\/\/[^\s]+$/i.test(url)) issues.contentSourceUrl = { key: 'url', params: {} };
  return issues;
}

/** `articles[2].title` → `{ index: 2, field: 'title' }` (the server's field names). */
export function parseArticleField(field: string): { index: number; field: ArticleField } | null {
  const match = /^articles\[(\d+)\]\.(\w+)$/.exec(field);
  const known: readonly string[] = ['title', 'author', 'digest', 'thumbMediaId', 'content', 'contentSourceUrl'];
  return match && known.includes(match[2]) ? { index: Number(match[1]), field: match[2] as ArticleField } : null;
}

/** Moves item `from` by `delta` places (bounded), returning a new list. */
export function moveItem<T>(items: readonly T[], from: number, delta: -1 | 1): T[] {
  const to = from + delta;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}
