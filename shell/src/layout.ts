import type { ManifestApplication, MfeManifest } from './manifest';
import type { SlotHost } from './slot-states';
import { errorParcel, loadingParcel } from './slot-states';

/** The shell's own application for unknown routes, registered like any module. */
export const NOT_FOUND_APP = 'shell-not-found';

type LayoutNode = Record<string, unknown>;

const attrs = (values: Record<string, string>) => Object.entries(values).map(([name, value]) => ({ name, value }));

/**
 * Builds single-spa-layout's JSON layout from the manifest: the header slot and the main slot each get
 * one route node per application path, with the slot's loader and error parcels declared once here.
 * The other static nodes are the containers that the shell's chrome fills (brand, controls, navigation).
 */
export function layoutFromManifest(manifest: MfeManifest, host: SlotHost): { containerEl: string; routes: LayoutNode[]; redirects: Record<string, string> } {
  const slotRoutes = (slot: ManifestApplication['slot']) =>
    manifest.applications
      .filter((app) => app.slot === slot)
      .flatMap((app) =>
        app.routes.map((path) => ({
          type: 'route',
          path,
          routes: [{ type: 'application', name: app.name, loader: loadingParcel(host), error: errorParcel(host, app.name) }],
        })),
      );
  const mainRoutes = slotRoutes('main');
  return {
    containerEl: '#suite',
    redirects: { '/': '/wechat/qrcodes' },
    routes: [
      { type: 'a', attrs: attrs({ id: 'suite-skip-link', class: 'skip-link', href: '#suite-main' }) },
      // Says the page's name after a client-side navigation (chrome.ts announceNavigation).
      { type: 'div', attrs: attrs({ id: 'suite-announcer', class: 'wx-visually-hidden', role: 'status', 'aria-live': 'polite' }) },
      {
        type: 'header',
        attrs: attrs({ class: 'suite-header' }),
        routes: [
          { type: 'div', attrs: attrs({ id: 'suite-brand', class: 'suite-brand' }) },
          { type: 'div', attrs: attrs({ class: 'suite-header-slot' }), routes: slotRoutes('header') },
          { type: 'div', attrs: attrs({ id: 'suite-controls', class: 'suite-controls' }) },
        ],
      },
      {
        type: 'div',
        attrs: attrs({ class: 'suite-body' }),
        routes: [
          { type: 'nav', attrs: attrs({ id: 'suite-nav', class: 'suite-nav' }) },
          {
            type: 'main',
            attrs: attrs({ id: 'suite-main', class: 'suite-main', tabindex: '-1' }),
            routes: [
              { type: 'div', attrs: attrs({ id: 'suite-overrides', class: 'suite-overrides' }) },
              { type: 'div', attrs: attrs({ id: 'suite-problems', class: 'suite-problems' }) },
              // A route of its own around the main slot's routes: single-spa-layout counts every route
              // before a default one as its sibling, the header's /wechat, /settings and /host too, so
              // without this scope an unknown /wechat/… path left the main slot empty.
              {
                type: 'route',
                path: '/',
                routes: [...mainRoutes, { type: 'route', default: true, routes: [{ type: 'application', name: NOT_FOUND_APP }] }],
              },
            ],
          },
        ],
      },
    ],
  };
}
