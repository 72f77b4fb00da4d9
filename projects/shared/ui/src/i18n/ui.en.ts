import type { UiTranslation } from './ui.zh-CN';

/**
 * The library's own strings in English, served under the `ui.` key prefix. Typed by the Chinese
 * original, so a missing or extra key fails the build.
 */
export const UI_EN: UiTranslation = {
  loading: {
    label: 'Loading…',
  },
  empty: {
    title: 'Nothing here yet',
  },
  pageLoad: {
    partFailed: 'This part of the page could not be loaded. Reload the page to try again.',
    failed: 'This page could not be loaded',
  },
  error: {
    title: 'Something went wrong',
    retry: 'Try again',
    fields: 'Please check the following:',
    details: 'Technical details',
  },
  notBound: {
    title: 'No WeChat Official Account is bound yet',
    message: 'Once an account is bound, you can manage its fans, messages, menus and channel QR codes here.',
    authorize: 'Click to authorize with WeChat',
    askAdmin: 'Only administrators can bind accounts. Ask an administrator to authorize one with WeChat.',
  },
  noPermission: {
    title: 'No permission',
    department: 'Your department “{{department}}” has not been allocated any Official Account yet.',
    noDepartment: 'Your department has not been allocated any Official Account yet.',
    fix: 'Ask an administrator to allocate an account to your department under Enterprise settings → Channel allocation.',
    inheritance: 'Note: accounts allocated to a parent department are not passed on to its sub-departments.',
  },
  typeUnavailable: {
    titleService: 'Only service accounts can use {{feature}}',
    titleVerifiedService: 'Only verified service accounts can use {{feature}}',
    titleVerified: 'Only verified accounts can use {{feature}}',
    reasonSubscription:
      'The current account, “{{account}}”, is a subscription account, and WeChat does not offer {{feature}} to subscription accounts.',
    reasonUnverified:
      'The current account, “{{account}}”, has not completed WeChat verification, and WeChat does not offer {{feature}} to unverified accounts.',
    switchHint: 'Choose an eligible account in the account switcher at the top of the page.',
    verifyHint: 'You can also complete WeChat verification for this account on the Official Accounts Platform (mp.weixin.qq.com).',
  },
  account: {
    current: 'Current account',
    name: 'Name',
    appid: 'AppID',
    type: 'Type',
    verification: 'Verification',
    types: {
      service: 'Service account',
      subscription: 'Subscription account',
    },
    verified: 'Verified',
    unverified: 'Not verified',
  },
  feature: {
    qrCodes: 'channel QR codes',
    templates: 'template messages',
    massSendByTag: 'mass send by tag',
    massSendByOpenid: 'mass send to an OpenID list',
    miniProgramMenu: 'mini-program menu buttons',
  },
  job: {
    progress: 'Task progress',
    status: {
      queued: 'Queued',
      running: 'In progress',
      succeeded: 'Completed',
      failed: 'Failed',
      cancelled: 'Cancelled',
    },
    count: '{{done}} / {{total}}',
    countUnknown: '{{done}} processed',
  },
  problem: {
    VALIDATION: 'Some of what you entered is not valid. Correct it as indicated and try again.',
    UNAUTHENTICATED: 'Your session has expired. Please sign in again.',
    FORBIDDEN_ROLE: 'Only administrators can do this.',
    FORBIDDEN_ACCOUNT:
      'Your department may not use this account. Ask an administrator to allocate it under Enterprise settings → Channel allocation.',
    ACCOUNT_TYPE_UNSUPPORTED: 'This feature is not available for the current account’s type or verification status.',
    NOT_FOUND: 'This item does not exist or has been deleted.',
    CONFLICT: 'The same item already exists. Change it and try again.',
    STALE: 'Someone changed this after you opened it; your changes were not saved.',
    WECHAT_STILL_AUTHORIZED:
      'WeChat still reports this account as authorized. First cancel the authorization on the Official Accounts Platform (mp.weixin.qq.com → Settings → Account settings → Authorization management → this platform → Cancel authorization), then confirm unbinding again.',
    MOCK_FAULT: 'The service is temporarily unavailable (simulated fault). Please try again later.',
    NETWORK: 'Could not reach the server. Check your network connection and try again.',
    TIMEOUT: 'The server took too long to answer. Try again in a moment.',
    WECHAT_40007: 'That material cannot be used: it is not one of this account’s materials, is of another type, or has expired (WeChat error 40007). Choose it again from the library.',
    WECHAT_40016: 'WeChat rejected the menu’s number of buttons: use at most 3 top-level buttons and at most 5 sub-buttons under each.',
    WECHAT_40017: 'The menu contains a button type that WeChat does not support. Check each button’s type.',
    WECHAT_40018: 'A top-level button name is too long: at most 16 bytes (a Chinese character takes 3 bytes).',
    WECHAT_40025: 'A sub-button name is too long: at most 60 bytes (a Chinese character takes 3 bytes).',
    WECHAT_45009: 'This account has reached WeChat’s daily limit for this operation. Please try again tomorrow.',
    WECHAT_45015:
      'The reply window has passed: you can only reply within 48 hours of the fan’s last message. You can reply again once the fan sends a new message.',
    WECHAT_45028: 'No mass sends left: service accounts may send 4 per month, subscription accounts 1 per day.',
    WECHAT_45065: 'This mass send was already submitted; WeChat will not send it twice.',
    WECHAT_48001:
      'This account has not granted the API permission this needs. Check that the account’s type and verification support the feature, and grant the permission when re-authorizing.',
    WECHAT_48003:
      'This account has not accepted WeChat’s mass-send agreement. Accept it on the mass-send page of the Official Accounts Platform (mp.weixin.qq.com), then try again.',
    wechatOther: 'WeChat refused the request (errcode {{errcode}}).',
    unknownStatus: 'The server could not handle the request (status {{status}}). Please try again later.',
    unknown: 'An unexpected error occurred. Please try again later.',
  },
  stale: {
    changed: 'This was changed after you opened it (by a colleague, or by you in another tab). Your edits are still here and have not replaced that change.',
    changedAt: 'This was changed at {{at}}, after you opened it (by a colleague, or by you in another tab). Your edits are still here and have not replaced that change.',
    keepMine: 'Save mine anyway (replace that change)',
    takeTheirs: 'Show the latest (discard my edits)',
  },
};
