import { InjectionToken } from '@angular/core';
import { DraftDocument } from '../menu/menu.model';

/** A draft kept in the browser: `synced` once the server holds the same document. */
export interface LocalDraft {
  readonly document: DraftDocument;
  readonly synced: boolean;
  /**
   * The server draft's revision these edits started from (null: there was none). Absent in copies
   * written before drafts had revisions: such a copy cannot tell whether someone saved since.
   */
  readonly base?: string | null;
}

/**
 * The browser copy of each account's draft. Written on every edit, before the server save, so a
 * reload, a lost connection or an account switch never loses what was typed.
 */
export interface LocalDrafts {
  read(appid: string): LocalDraft | null;
  write(appid: string, draft: LocalDraft): void;
  remove(appid: string): void;
}

const keyOf = (appid: string) => `wechat-mfe.menus.draft.${appid}`;

export function browserLocalDrafts(storage: Storage | null = globalThis.localStorage ?? null): LocalDrafts {
  return {
    read(appid) {
      try {
        const raw = storage?.getItem(keyOf(appid));
        const parsed = raw ? (JSON.parse(raw) as LocalDraft) : null;
        return parsed && Array.isArray(parsed.document?.menus) ? parsed : null;
      } catch {
        return null; // a corrupt entry must not break the page; the server copy still counts
      }
    },
    write(appid, draft) {
      try {
        storage?.setItem(keyOf(appid), JSON.stringify(draft));
      } catch {
        // Storage full or disabled: the server save still runs.
      }
    },
    remove(appid) {
      storage?.removeItem(keyOf(appid));
    },
  };
}

export const LOCAL_DRAFTS = new InjectionToken<LocalDrafts>('menus local drafts', { factory: () => browserLocalDrafts() });
