import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { UI_EN } from '../i18n/ui.en';
import { UI_ZH_CN } from '../i18n/ui.zh-CN';
import { fakeContext, loadLanguage, provideUiTesting } from '../testing/ui-testing';
import { KNOWN_PROBLEM_CODES, ProblemMessagePipe, describeProblem, problemMessageKey } from './problem-message';

const LISTED = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN_ROLE',
  'FORBIDDEN_ACCOUNT',
  'ACCOUNT_TYPE_UNSUPPORTED',
  'NOT_FOUND',
  'CONFLICT',
  'STALE',
  'WECHAT_STILL_AUTHORIZED',
  'MOCK_FAULT',
  'NETWORK',
  'TIMEOUT',
  ...[40007, 40016, 40017, 40018, 40025, 45009, 45015, 45028, 45065, 48001, 48003].map((n) => `WECHAT_${n}`),
];

function lookup(strings: object, key: string): unknown {
  // Keys are `ui.a.b`; the objects hold what comes after `ui.`.
  return key
    .split('.')
    .slice(1)
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
}

describe('problem messages', () => {
  it('map every listed code to its own key, present in both languages', () => {
    expect<string[]>([...KNOWN_PROBLEM_CODES].sort()).toEqual([...LISTED].sort());
    const keys = new Set<string>();
    for (const code of LISTED) {
      const key = problemMessageKey({ code });
      keys.add(key);
      expect(typeof lookup(UI_ZH_CN, key)).withContext(`zh-CN ${key}`).toBe('string');
      expect(typeof lookup(UI_EN, key)).withContext(`en ${key}`).toBe('string');
    }
    expect(keys.size).withContext('one message per code').toBe(LISTED.length);
  });

  it('fall back to a generic WeChat message, the status, or a generic message', () => {
    expect(describeProblem({ code: 'WECHAT_40001', status: 422 })).toEqual({
      key: 'ui.problem.wechatOther',
      params: { errcode: 40001 },
    });
    expect(describeProblem({ code: 'SOMETHING_NEW', status: 500 })).toEqual({
      key: 'ui.problem.unknownStatus',
      params: { status: 500 },
    });
    expect(describeProblem({})).toEqual({ key: 'ui.problem.unknown', params: {} });
    expect(describeProblem(null).key).toBe('ui.problem.unknown');
    expect(new ProblemMessagePipe().transform({ code: 'NETWORK' }).key).toBe('ui.problem.NETWORK');
  });

  it('interpolate the errcode of an unknown WeChat code in both languages', async () => {
    const { context } = fakeContext();
    TestBed.configureTestingModule({ providers: provideUiTesting(context) });
    await Promise.all([loadLanguage('zh-CN'), loadLanguage('en')]);
    const transloco = TestBed.inject(TranslocoService);
    const { key, params } = describeProblem({ code: 'WECHAT_61023' });
    expect(transloco.translate(key, params, 'zh-CN')).toBe('微信拒绝了此请求（错误码 61023）。');
    expect(transloco.translate(key, params, 'en')).toBe('WeChat refused the request (errcode 61023).');
    const status = describeProblem({ status: 503 });
    expect(transloco.translate(status.key, status.params, 'en')).toContain('503');
  });
});
