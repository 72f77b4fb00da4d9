import { ROOT_TEMPLATE_POLICY, rootTemplate } from './root-template';
import { sharedPolicy, trustedTypesFactory } from './trusted-types';

describe('rootTemplate (Trusted Types policy wechat-mfe#root)', () => {
  it('builds one empty root element as TrustedHTML (what single-spa-angular writes into the container)', () => {
    const template = rootTemplate('wx-account-switcher-root');
    expect(trustedTypesFactory()?.isHTML(template)).withContext('a TrustedHTML, not a string').toBeTrue();
    expect(String(template)).toBe('<wx-account-switcher-root></wx-account-switcher-root>');
  });

  it('accepts every root element name our applications use', () => {
    for (const tag of ['wx-fans-root', 'wx-qr-codes-root', 'wx-channel-allocation-root', 'wx-wechat-accounts-root', 'wx-a1-root']) {
      expect(String(rootTemplate(tag))).toBe(`<${tag}></${tag}>`);
    }
  });

  it('refuses anything that is not a wx-…-root tag name', () => {
    const refused = [
      '',
      'div',
      'wx-root',
      'wx--root',
      'wx-fans-root ',
      'WX-FANS-ROOT',
      'wx-fans-root onclick=alert(1)',
      'wx-fans-root><img src=x onerror=alert(1)',
      'wx-fans-root></wx-fans-root><script>alert(1)</script><wx-fans-root',
      'wx-fans-parcel',
      'wx-fa_ns-root',
      'wx-fans-root\n',
      'x-wx-fans-root',
      undefined as unknown as string,
    ];
    for (const tag of refused) {
      expect(() => rootTemplate(tag)).withContext(JSON.stringify(tag)).toThrowError(TypeError, /wechat-mfe#root/);
    }
  });

  it('is one policy per document: a second bundle asking for the name gets the first policy and its rules', () => {
    rootTemplate('wx-fans-root');
    const again = sharedPolicy(ROOT_TEMPLATE_POLICY, { createHTML: (s) => s });
    expect(again?.name).toBe(ROOT_TEMPLATE_POLICY);
    // The permissive rules passed second were not used: the shared policy still validates.
    expect(() => again?.createHTML('<img src=x onerror=alert(1)>')).toThrowError(TypeError);
  });
});
