import type { AutoReplyReply } from '../data/auto-reply-api';

export type ReplyType = AutoReplyReply['type'];
export const REPLY_TYPES: readonly ReplyType[] = ['text', 'image', 'voice', 'video', 'news'];

/** A reply as the form holds it: both the text and the media id, so switching type loses nothing. */
export interface ReplyDraft {
  readonly type: ReplyType;
  readonly text: string;
  readonly mediaId: string;
}

export const emptyReply = (): ReplyDraft => ({ type: 'text', text: '', mediaId: '' });

export const toDraft = (reply: AutoReplyReply): ReplyDraft =>
  reply.type === 'text' ? { type: 'text', text: reply.text, mediaId: '' } : { type: reply.type, text: '', mediaId: reply.mediaId };

/** What the API receives: only the fields of the reply's type. */
export const fromDraft = (draft: ReplyDraft): AutoReplyReply =>
  draft.type === 'text' ? { type: 'text', text: draft.text } : { type: draft.type, mediaId: draft.mediaId.trim() };
