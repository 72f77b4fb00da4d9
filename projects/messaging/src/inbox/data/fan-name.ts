import type { InboxFan } from './inbox-api';

/** How the inbox names a fan: the remark, else the contact's name, else the openid (WeChat gives no nickname since 2021-12). */
export const fanName = (fan: InboxFan): string => fan.remark || fan.name || fan.openid;

/** The first character shown in the fan's avatar circle. */
export const fanInitial = (fan: InboxFan): string => [...fanName(fan)][0]?.toUpperCase() ?? '?';
