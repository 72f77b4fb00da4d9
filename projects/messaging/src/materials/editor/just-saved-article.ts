import { Injectable } from '@angular/core';

/**
 * The article a new-article editor has just saved, as it moves to the article's own address (where the
 * router makes another editor): that editor still says "saved", an article merely opened does not.
 * Held in memory only, so a reload or a later visit opens the article without it.
 */
@Injectable({ providedIn: 'root' })
export class JustSavedArticle {
  private last: { appid: string; mediaId: string } | null = null;

  remember(appid: string, mediaId: string): void {
    this.last = { appid, mediaId };
  }

  /** Whether this is the article just saved (asked once: it is forgotten then). */
  take(appid: string, mediaId: string): boolean {
    const last = this.last;
    this.last = null;
    return last?.appid === appid && last.mediaId === mediaId;
  }
}
