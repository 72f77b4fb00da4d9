import type { AutoReplyKeyword } from '../data/auto-reply-api';
import type { FieldIssue } from '../rules/field-errors';
import type { ReplyDraft } from './reply-draft';

const REQUIRED: FieldIssue = { key: 'autoReply.errors.required', params: {} };

/**
 * The fields left empty that the server refuses (mocks/src/rules/auto-reply.mjs), by the server's
 * field names, checked before sending: an empty form sends no request (the server's 400 logged a console
 * error) and shows the same "Required" the server's answer would. Lengths and media ids stay the
 * server's to judge.
 */
export function missingReplies(
  replies: readonly ReplyDraft[],
  { atLeastOne, skipEmptyText = false }: { atLeastOne: boolean; skipEmptyText?: boolean },
): Map<string, FieldIssue> {
  const issues = new Map<string, FieldIssue>();
  const empty = (r: ReplyDraft) => (r.type === 'text' ? !r.text.trim() : !r.mediaId.trim());
  if (atLeastOne && replies.length === 0) issues.set('replies', REQUIRED);
  // Keyed by the draft's place, where the replies editor shows the message.
  replies.forEach((reply, i) => {
    if (skipEmptyText && reply.type === 'text' && !reply.text.trim()) return;
    if (empty(reply)) issues.set(`replies[${i}].${reply.type === 'text' ? 'text' : 'mediaId'}`, REQUIRED);
  });
  return issues;
}

/** A keyword rule's empty fields: name, keywords (at least one), replies (at least one, none empty). */
export function missingRuleFields(rule: { name: string; keywords: readonly AutoReplyKeyword[]; replies: readonly ReplyDraft[] }): Map<string, FieldIssue> {
  const issues = new Map<string, FieldIssue>();
  if (!rule.name.trim()) issues.set('name', REQUIRED);
  if (rule.keywords.length === 0) issues.set('keywords', REQUIRED);
  for (const [field, issue] of missingReplies(rule.replies, { atLeastOne: true })) issues.set(field, issue);
  return issues;
}
