import type { AccountContext, SuiteLocale } from '@wechat-mfe/account-context';
import type { ManifestProblem } from './manifest';
import { ShellKey, t } from './i18n';

/** The navigation of ARCHITECTURE §7, grouped as the suite shows it. */
const NAV: readonly { group: ShellKey; links: readonly [ShellKey, string][] }[] = [
  {
    group: 'wechat',
    links: [
      ['qrcodes', '/wechat/qrcodes'],
      ['massSend', '/wechat/messaging/mass-send'],
      ['autoReply', '/wechat/messaging/auto-reply'],
      ['inbox', '/wechat/messaging/inbox'],
      ['templates', '/wechat/messaging/templates'],
      ['materials', '/wechat/messaging/materials'],
      ['menus', '/wechat/menus'],
      ['fans', '/wechat/fans'],
    ],
  },
  {
    group: 'settings',
    links: [
      ['wechatAccounts', '/settings/wechat-accounts'],
      ['channelAllocation', '/settings/channel-allocation'],
      ['contactSharing', '/settings/contact-sharing'],
    ],
  },
  {
    group: 'host',
    links: [
      ['contacts', '/host/contacts'],
      ['segments', '/host/segments'],
      ['journeys', '/host/journeys'],
    ],
  },
];

/** The demo users of PRODUCT.md §5 that the developer switcher offers. */
export const DEMO_USERS = ['admin', 'marketer', 'east', 'sales'] as const;

export interface ChromeActions {
  navigate(url: string): void;
  switchUser(username: string): void;
}

/**
 * Renders the shell's own parts of the page (brand, developer controls, navigation, manifest problems)
 * into the static containers of the layout. Idempotent: called after every route change and language
 * switch, it rebuilds only what changed. All text goes in through textContent.
 */
export function renderChrome(context: AccountContext, actions: ChromeActions, problems: readonly ManifestProblem[]): void {
  const locale = context.snapshot.locale;
  const skip = document.getElementById('suite-skip-link');
  if (skip) skip.textContent = t(locale, 'skipToContent');
  const brand = document.getElementById('suite-brand');
  if (brand) brand.textContent = t(locale, 'brand');
  renderControls(context, actions, locale);
  renderNav(actions, locale);
  renderProblems(problems, locale);
  // Every page its own title (WCAG 2.4.2): tabs, history and bookmarks name the page, not the suite.
  document.title = `${pageName(locale, location.pathname)} · ${t(locale, 'brand')}`;
}

/** The navigation's name of the page at `pathname` (its longest matching link), else "Page not found". */
export function pageName(locale: SuiteLocale, pathname: string): string {
  let best: [ShellKey, string] | undefined;
  for (const [key, href] of NAV.flatMap((group) => group.links)) {
    if ((pathname === href || pathname.startsWith(`${href}/`)) && href.length > (best?.[1].length ?? 0)) best = [key, href];
  }
  return t(locale, best?.[0] ?? 'notFound');
}

/**
 * After a client-side navigation: screen readers hear the new page's name (the polite live region
 * `#suite-announcer`), and if the focused element left with the old page (a link inside it), focus
 * goes to the main landmark instead of <body>, so Tab continues from the new content. Focus that is
 * still on the page (a navigation link) stays where the user put it.
 */
export function announceNavigation(locale: SuiteLocale): void {
  const announcer = document.getElementById('suite-announcer');
  if (announcer) announcer.textContent = pageName(locale, location.pathname);
  const focused = document.activeElement;
  if (!focused || focused === document.body || !focused.isConnected) document.getElementById('suite-main')?.focus({ preventScroll: true });
}

function renderControls(context: AccountContext, actions: ChromeActions, locale: SuiteLocale): void {
  const host = document.getElementById('suite-controls');
  if (!host) return;
  const key = `${locale}|${context.snapshot.user?.username ?? ''}`;
  if (host.dataset['rendered'] === key) return;
  host.dataset['rendered'] = key;
  host.replaceChildren(
    labelledSelect('suite-user', t(locale, 'user'), DEMO_USERS.map((u) => [u, u]), context.snapshot.user?.username ?? '', (value) => actions.switchUser(value)),
    labelledSelect('suite-language', t(locale, 'language'), [['zh-CN', '简体中文'], ['en', 'English']], locale, (value) => context.setLocale(value as SuiteLocale)),
  );
}

function labelledSelect(id: string, label: string, options: readonly (readonly [string, string])[], value: string, onChange: (value: string) => void): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'suite-control';
  const labelEl = document.createElement('label');
  labelEl.htmlFor = id;
  labelEl.textContent = label;
  const select = document.createElement('select');
  select.id = id;
  for (const [optionValue, text] of options) {
    const option = document.createElement('option');
    option.value = optionValue;
    option.textContent = text;
    option.selected = optionValue === value;
    select.appendChild(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  wrapper.append(labelEl, select);
  return wrapper;
}

function renderNav(actions: ChromeActions, locale: SuiteLocale): void {
  const nav = document.getElementById('suite-nav');
  if (!nav) return;
  if (nav.dataset['locale'] !== locale) {
    nav.dataset['locale'] = locale;
    nav.setAttribute('aria-label', t(locale, 'navLabel'));
    nav.replaceChildren(
      ...NAV.map(({ group, links }) => {
        const section = document.createElement('div');
        section.className = 'suite-nav-group';
        const heading = document.createElement('h2');
        heading.id = `suite-nav-${group}`;
        heading.textContent = t(locale, group);
        const list = document.createElement('ul');
        list.setAttribute('aria-labelledby', heading.id);
        for (const [key, href] of links) {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = href;
          link.textContent = t(locale, key);
          link.addEventListener('click', (event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            actions.navigate(href);
          });
          item.appendChild(link);
          list.appendChild(item);
        }
        section.append(heading, list);
        return section;
      }),
    );
  }
  for (const link of Array.from(nav.querySelectorAll('a'))) {
    const path = new URL(link.href).pathname;
    const current = location.pathname === path || location.pathname.startsWith(`${path}/`);
    if (current) {
      link.setAttribute('aria-current', 'page');
      revealInRow(nav, link);
    } else link.removeAttribute('aria-current');
  }
}

/** Keep in step with shell.css: below this width the navigation is a row. */
const NAV_AS_ROW = '(max-width: 720px)';

/**
 * On a narrow window the navigation is one horizontally scrolling row (shell.css): the current page's
 * link is scrolled into it. Only the row scrolls (scrollIntoView could move the page too). Reading the
 * sizes forces a layout in the middle of the start (15 ms of a cold start on a wide window, where the
 * column never scrolls), so the media query, which needs no layout, decides first.
 */
function revealInRow(nav: HTMLElement, link: HTMLElement): void {
  if (!matchMedia(NAV_AS_ROW).matches || nav.scrollWidth <= nav.clientWidth) return;
  const row = nav.getBoundingClientRect();
  const box = link.getBoundingClientRect();
  if (box.left < row.left || box.right > row.right) nav.scrollLeft += box.left - row.left - 16;
}

function renderProblems(problems: readonly ManifestProblem[], locale: SuiteLocale): void {
  const host = document.getElementById('suite-problems');
  if (!host || problems.length === 0) return;
  if (host.dataset['locale'] === locale) return;
  host.dataset['locale'] = locale;
  host.setAttribute('role', 'alert');
  const heading = document.createElement('h2');
  heading.textContent = t(locale, 'manifestProblem');
  const list = document.createElement('ul');
  for (const problem of problems) {
    const item = document.createElement('li');
    item.textContent = `${problem.entry}: ${problem.message}`;
    list.appendChild(item);
  }
  host.replaceChildren(heading, list);
}
