// Which pages the bench visits and how it knows a page's content is on screen.
// The selectors are the ones the e2e tests use. While the modules are stand-ins, "content" is the
// selected account's appid that every stand-in page shows; when a real page replaces a stand-in,
// point its `content` at the first piece of account data the page renders (e.g. the first fan row).

/** The first module: the cold start loads the shell, the header switcher and this page. */
export const FIRST = { name: 'fans', app: 'fans', path: '/wechat/fans', content: 'wx-account-gate[data-gate="ready"]' };

/** Main-slot module routes whose cost is measured by navigating there from FIRST (ARCHITECTURE §9). */
export const MODULE_ROUTES = [
  // The first row of the account's codes (the e2e tests' selector); the detail page's QR and chart libraries are not on this route.
  { name: 'qr-codes', app: 'qr-codes', path: '/wechat/qrcodes', content: 'wx-qr-code-list tr.qr-code-row', budgetKiB: 40 },
  // The compose form shows once the quota is known; materials' first card once the library page loaded.
  { name: 'messaging', app: 'messaging', path: '/wechat/messaging/mass-send', content: 'wx-mass-send-compose form', budgetKiB: 60 },
  { name: 'messaging (materials)', app: 'messaging', path: '/wechat/messaging/materials', content: 'wx-material-library .grid .card', budgetKiB: 60 },
  // The editor's phone preview appears once the live menu and the draft are loaded.
  { name: 'menus', app: 'menus', path: '/wechat/menus', content: 'wx-menu-editor wx-phone-preview .menu-bar', budgetKiB: 40 },
  // The department tree (the e2e tests' rows): the gate alone is ready before the page's data and
  // translations, which then fell before or after "content" by luck (21.6 or 17.3 KiB under load).
  { name: 'channel-allocation', app: 'channel-allocation', path: '/settings/channel-allocation', content: 'li.department[data-department-id]', budgetKiB: 40 },
  { name: 'widgets', app: 'widgets', path: '/host/segments', content: '[data-testid="segment-conditions"] button', budgetKiB: 40 },
  // The account switcher's second application; its page is real already: the accounts table.
  { name: 'account-switcher (settings)', app: 'wechat-accounts', path: '/settings/wechat-accounts', content: 'table.accounts tbody tr', budgetKiB: 40 },
];

/** The already-loaded pair for the warm switch: both are shown once before timing starts. */
export const WARM_PAIR = [FIRST, MODULE_ROUTES.find((r) => r.app === 'menus')];

/** The page on which the account switch is timed: the header switcher and one module mounted at once. */
export const SWITCH_PAGE = FIRST;
