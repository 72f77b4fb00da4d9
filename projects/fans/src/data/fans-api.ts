import { Injectable, inject } from '@angular/core';
import { SUITE_CLIENT, unwrap, type Schemas } from '@wechat-mfe/suite-api';
import { takeFirstPage } from './first-page';

export type Fan = Schemas['FansFan'];
export type FanPage = Schemas['FansFanPage'];
export type FanDetail = Schemas['FansFanDetail'];
export type TimelineEntry = Schemas['FansTimelineEntry'];
export type Tag = Schemas['Tag'];

/** The list's filter: every field narrows the server's query; empty means "any". */
export interface FanFilter {
  readonly state: 'subscribed' | 'unsubscribed' | null;
  readonly tagId: number | null;
  readonly scene: string | null;
  /** Only with the QR-code scene: the code's scene value. */
  readonly qrScene: string;
  readonly blacklisted: boolean | null;
  readonly remark: string;
  /** Calendar days (yyyy-mm-dd, the user's time zone), inclusive. */
  readonly subscribedFrom: string;
  readonly subscribedTo: string;
}

export const EMPTY_FILTER: FanFilter = {
  state: null,
  tagId: null,
  scene: null,
  qrScene: '',
  blacklisted: null,
  remark: '',
  subscribedFrom: '',
  subscribedTo: '',
};

/** WeChat's subscribe_scene values, in the order the filter offers them. */
export const SCENES = [
  'ADD_SCENE_SEARCH',
  'ADD_SCENE_QR_CODE',
  'ADD_SCENE_PROFILE_CARD',
  'ADD_SCENE_PROFILE_LINK',
  'ADD_SCENE_PROFILE_ITEM',
  'ADD_SCENE_ACCOUNT_MIGRATION',
  'ADD_SCENE_WECHAT_ADVERTISEMENT',
  'ADD_SCENE_CHANNELS',
  'ADD_SCENE_PAID',
  'ADD_SCENE_REPRINT',
  'ADD_SCENE_LIVESTREAM',
  'ADD_SCENE_OTHERS',
] as const;

/** The server's query for a filter (day bounds become instants in the browser's time zone). */
export function toQuery(filter: FanFilter) {
  const dayStart = (day: string, plusDays = 0) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(y, m - 1, d + plusDays).toISOString();
  };
  return {
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.tagId !== null ? { tagId: filter.tagId } : {}),
    ...(filter.scene ? { scene: filter.scene } : {}),
    ...(filter.scene === 'ADD_SCENE_QR_CODE' && filter.qrScene ? { qrScene: filter.qrScene } : {}),
    ...(filter.blacklisted !== null ? { blacklisted: filter.blacklisted } : {}),
    ...(filter.remark ? { remark: filter.remark } : {}),
    ...(filter.subscribedFrom ? { subscribedFrom: dayStart(filter.subscribedFrom) } : {}),
    ...(filter.subscribedTo ? { subscribedTo: dayStart(filter.subscribedTo, 1) } : {}),
  };
}

/** The fan endpoints of the suite API; failures throw `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class FansApi {
  private readonly client = inject(SUITE_CLIENT);

  list(appid: string, filter: FanFilter, offset: number, limit: number, signal?: AbortSignal): Promise<FanPage> {
    const query = { ...toQuery(filter), offset, limit };
    return (
      takeFirstPage(appid, query) ??
      unwrap(this.client.GET('/api/wechat/accounts/{appid}/fans', { params: { path: { appid }, query }, signal }))
    );
  }

  get(appid: string, openid: string, signal?: AbortSignal): Promise<FanDetail> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/fans/{openid}', { params: { path: { appid, openid } }, signal }));
  }

  async tags(appid: string, signal?: AbortSignal): Promise<Tag[]> {
    return (await unwrap(this.client.GET('/api/wechat/accounts/{appid}/tags', { params: { path: { appid } }, signal }))).items;
  }
}
