import { announceNavigation, pageName } from './chrome';

describe('page names and navigation announcements', () => {
  it('names a page by its longest matching navigation link, in both languages', () => {
    expect(pageName('zh-CN', '/wechat/fans')).toBe('粉丝管理');
    expect(pageName('en', '/wechat/qrcodes/qr_123')).toBe('QR codes');
    expect(pageName('en', '/wechat/messaging/auto-reply')).toBe('Auto reply');
    expect(pageName('zh-CN', '/settings/contact-sharing')).toBe('联系人共享');
    // A prefix of a link's path is not that page.
    expect(pageName('en', '/wechat/fansx')).toBe('Page not found');
    expect(pageName('zh-CN', '/nowhere')).toBe('页面不存在');
  });

  describe('announceNavigation', () => {
    let root: HTMLElement;
    beforeEach(() => {
      const element = (tag: string, id: string, parent: HTMLElement) => {
        const el = document.createElement(tag);
        el.id = id;
        parent.appendChild(el);
        return el;
      };
      root = element('div', 'root', document.body);
      element('div', 'suite-announcer', root);
      element('a', 'kept', root).setAttribute('href', '#');
      const main = element('main', 'suite-main', root);
      main.tabIndex = -1;
      element('button', 'gone', main);
    });
    afterEach(() => root.remove());

    it("announces the new page's name", () => {
      announceNavigation('en');
      expect(document.getElementById('suite-announcer')?.textContent).toBe(pageName('en', location.pathname));
    });

    it('moves focus that was lost with the old page to the main landmark', () => {
      const gone = document.getElementById('gone') as HTMLElement;
      gone.focus();
      gone.remove();
      expect(document.activeElement).toBe(document.body);
      announceNavigation('zh-CN');
      expect(document.activeElement?.id).toBe('suite-main');
    });

    it('leaves focus that is still on the page where it is', () => {
      const kept = document.getElementById('kept') as HTMLElement;
      kept.focus();
      announceNavigation('zh-CN');
      expect(document.activeElement).toBe(kept);
    });
  });
});
