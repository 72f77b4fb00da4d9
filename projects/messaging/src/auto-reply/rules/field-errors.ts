import type { Problem } from '@wechat-mfe/ui';

/** A field's problem as a translation key under `autoReply.errors.` and its parameters. */
export interface FieldIssue {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * The `VALIDATION` errors of a problem by field (`name`, `keywords[3].text`, `replies[0].mediaId`),
 * each turned into a translated message: the server's English text only picks which one.
 */
export function fieldIssues(problem: Problem | null | undefined): ReadonlyMap<string, FieldIssue> {
  const issues = new Map<string, FieldIssue>();
  if (problem?.code !== 'VALIDATION') return issues;
  for (const { field, message } of problem.errors ?? []) {
    if (!issues.has(field)) issues.set(field, issueOf(field, message));
  }
  return issues;
}

function issueOf(field: string, message: string): FieldIssue {
  const max = /at most (\d+)/.exec(message)?.[1];
  if (field === 'rules') return { key: 'autoReply.errors.ruleLimit', params: { max: max ?? 200 } };
  if (/empty|at least/.test(message)) return { key: 'autoReply.errors.required', params: {} };
  if (/already a keyword/.test(message)) return { key: 'autoReply.errors.duplicateKeyword', params: {} };
  if (/media_id/.test(message)) return { key: 'autoReply.errors.mediaId', params: {} };
  if (max && /characters/.test(message)) return { key: 'autoReply.errors.tooLong', params: { max } };
  if (max) return { key: 'autoReply.errors.tooMany', params: { max } };
  return { key: 'autoReply.errors.invalid', params: {} };
}

/** Fields the form shows next to no control of its own (shown in the form's summary). */
export function otherIssues(issues: ReadonlyMap<string, FieldIssue>, shown: (field: string) => boolean): FieldIssue[] {
  return [...issues].filter(([field]) => !shown(field)).map(([, issue]) => issue);
}
