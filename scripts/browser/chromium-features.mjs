// The Chromium that the e2e tests and the bench launch through Playwright, without the browser's own
// window chrome. Headless Chromium is the whole browser: every new window (each fresh context) loads
// its omnibox popup, a WebUI page in a renderer of its own, ~400 ms of CPU on this 2-core machine
// while the page under test loads. A user's page load opens no window (docs/adr/0026).
export const BROWSER_UI_OFF = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup', 'PreloadTopChromeWebUI'];

// Chromium reads only the last --disable-features switch, and Playwright passes its own: ours must
// carry Playwright's list too, and Playwright's switch is dropped (ignoreDefaultArgs). This is
// playwright-core's list (chromiumSwitches.ts); a Playwright that passes another fails the check in
// scripts/test/chromium-features.test.mjs and, at launch, `checkSwitches` in the bench.
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

const PREFIX = '--disable-features=';
export const PLAYWRIGHT_DISABLE_SWITCH = `${PREFIX}${PLAYWRIGHT_DISABLED_FEATURES.join(',')}`;

/** Playwright launch options: `args` plus one --disable-features switch with both lists. */
export function withoutBrowserUi(args) {
  return {
    ignoreDefaultArgs: [PLAYWRIGHT_DISABLE_SWITCH],
    args: [...args, `${PREFIX}${[...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_OFF].join(',')}`],
  };
}

/** Why a launched browser's switches are not what withoutBrowserUi meant, or null. */
export function switchesProblem(switches) {
  const disabling = switches.filter((arg) => arg.startsWith(PREFIX));
  if (disabling.length !== 1) {
    return `expected one ${PREFIX} switch, got ${disabling.length}: Playwright's own list changed, update PLAYWRIGHT_DISABLED_FEATURES (scripts/browser/chromium-features.mjs) to ${disabling.find((arg) => arg !== disabling.at(-1)) ?? '?'}`;
  }
  const features = disabling[0].slice(PREFIX.length).split(',');
  const missing = [...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_OFF].filter((feature) => !features.includes(feature));
  return missing.length ? `${PREFIX} lacks ${missing.join(', ')}` : null;
}
