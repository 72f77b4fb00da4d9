import resetRoutes from './reset.mjs';
import clockRoutes from './clock.mjs';
import faultRoutes from './faults.mjs';
import wechatRoutes from './wechat.mjs';
import wechatAuthorizeRoutes from './wechat-authorize.mjs';
import mockContactRoutes from './contacts.mjs';
import wechatApiCallRoutes from './wechat-api-calls.mjs';
import avatarRoutes from './avatars.mjs';
import healthRoutes from './health.mjs';
import mockMassSendRoutes from './mass-send.mjs';
import mockTemplateRoutes from './templates.mjs';
import hostileRoutes from './hostile.mjs';

/** Control endpoints under /__mock (mock mode only, no session). */
export const MOCK_ROUTES = [
  resetRoutes,
  clockRoutes,
  faultRoutes,
  wechatRoutes,
  wechatAuthorizeRoutes,
  mockContactRoutes,
  wechatApiCallRoutes,
  avatarRoutes,
  healthRoutes,
  mockMassSendRoutes,
  mockTemplateRoutes,
  hostileRoutes,
];
