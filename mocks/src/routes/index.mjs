import sessionRoutes from './session.mjs';
import accountRoutes from './accounts.mjs';
import authorizationRoutes from './authorizations.mjs';
import departmentRoutes from './departments.mjs';
import contactRoutes from './contacts.mjs';
import jobRoutes from './jobs.mjs';
import eventRoutes from './events.mjs';
import hostRoutes from './host.mjs';
import qrCodeRoutes from './qr-codes.mjs';
import menuRoutes from './menus.mjs';
import fanRoutes from './fans.mjs';
import fanTagRoutes from './fan-tags.mjs';
import fanActionRoutes from './fan-actions.mjs';
import autoReplyRoutes from './auto-reply.mjs';
import fanSyncRoutes from './fan-sync.mjs';
import massSendRoutes from './mass-sends.mjs';
import materialRoutes from './materials.mjs';
import articleDraftRoutes from './article-drafts.mjs';
import contactSharingRoutes from './contact-sharing.mjs';
import userRoutes from './users.mjs';
import inboxRoutes from './inbox.mjs';
import templateRoutes from './templates.mjs';
import segmentRoutes from './segments.mjs';
import widgetJourneyRoutes from './widget-journeys.mjs';
import notFoundRoutes from './not-found.mjs';

/** Every `/api` route file, one per resource; each route must be in openapi.yaml. */
export const API_ROUTES = [
  sessionRoutes,
  accountRoutes,
  authorizationRoutes,
  departmentRoutes,
  contactRoutes,
  jobRoutes,
  eventRoutes,
  hostRoutes,
  qrCodeRoutes,
  menuRoutes,
  fanRoutes,
  fanTagRoutes,
  fanActionRoutes,
  autoReplyRoutes,
  fanSyncRoutes,
  massSendRoutes,
  materialRoutes,
  articleDraftRoutes,
  contactSharingRoutes,
  userRoutes,
  inboxRoutes,
  templateRoutes,
  segmentRoutes,
  widgetJourneyRoutes,
  notFoundRoutes,
];
