import type { ArticleDraftDocument } from '../data/article-drafts-api';
import type { ArticleDraft } from './article-rules';

/** What the editor shows: its items, the item shown, and the saved article they apply to. */
export interface ArticleEditorState {
  readonly drafts: readonly ArticleDraft[];
  readonly index: number;
  /** The saved article these changes apply to; null for one never saved. */
  readonly savedId: string | null;
}

/** The editor's state as the server keeps it (the list keys are the page's own). */
export function toDraftDocument({ drafts, index, savedId }: ArticleEditorState): ArticleDraftDocument {
  return {
    articles: drafts.map(({ key: _key, ...item }) => item),
    index: Math.max(0, Math.min(index, drafts.length - 1)),
    savedId,
  };
}

/** A stored draft back into the editor, each item with a fresh list key from `nextKey`. */
export function fromDraftDocument(document: ArticleDraftDocument, nextKey: () => number): ArticleEditorState {
  const drafts = document.articles.map((item) => ({ ...item, key: nextKey() }));
  return { drafts, index: Math.max(0, Math.min(document.index, drafts.length - 1)), savedId: document.savedId };
}

const FIELDS = ['title', 'author', 'digest', 'thumbMediaId', 'content', 'contentSourceUrl', 'showCoverPic'] as const;

/**
 * Whether a draft says anything the saved items (or a new, empty article) do not: only then is it
 * worth restoring with a notice. The cover's address and name are how it shows, not what is saved.
 */
export function draftDiffers(document: ArticleDraftDocument, saved: readonly Omit<ArticleDraft, 'key'>[]): boolean {
  return (
    document.articles.length !== saved.length ||
    document.articles.some((item, i) => FIELDS.some((field) => item[field] !== saved[i][field]))
  );
}
