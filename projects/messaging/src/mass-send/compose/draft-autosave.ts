import { signal } from '@angular/core';
import type { MassSendDraftDocument } from '../mass-send-api';

/** How long typing pauses before the draft is saved. */
export const DRAFT_DEBOUNCE_MS = 800;

export interface DraftState {
  readonly status: 'idle' | 'saving' | 'saved' | 'failed';
  /** When this page saved it; absent for a draft restored from the server. */
  readonly at?: Date;
}

/**
 * Saves the composition as the account's server-side draft a pause after each change. Changes are
 * remembered with the account they belong to, so switching account (or leaving the page) saves the
 * previous account's pending change at once instead of losing it or writing it to the new account.
 */
export class DraftAutosave {
  /** What the page says about the shown account's draft. */
  readonly state = signal<DraftState>({ status: 'idle' });

  private appid: string | null = null;
  private pending: { appid: string; document: MassSendDraftDocument } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly save: (appid: string, document: MassSendDraftDocument) => Promise<unknown>,
    private readonly delayMs = DRAFT_DEBOUNCE_MS,
  ) {}

  /** Another account is shown: the previous one's pending change is saved now. */
  showAccount(appid: string): void {
    void this.flush();
    this.appid = appid;
    this.state.set({ status: 'idle' });
  }

  /** A draft was restored from the server. */
  restored(): void {
    this.state.set({ status: 'saved' });
  }

  /** The form changed: save this document after a pause. */
  changed(document: MassSendDraftDocument): void {
    if (!this.appid) return;
    this.pending = { appid: this.appid, document };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** The composition was sent: nothing of it is to be saved any more. */
  forget(): void {
    clearTimeout(this.timer);
    this.pending = null;
    this.state.set({ status: 'idle' });
  }

  /** Saves the pending change now (account switch, leaving the page). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    const shown = () => pending.appid === this.appid;
    if (shown()) this.state.set({ status: 'saving' });
    try {
      await this.save(pending.appid, pending.document);
      if (shown()) this.state.set({ status: 'saved', at: new Date() });
    } catch {
      if (shown()) this.state.set({ status: 'failed' });
    }
  }
}
