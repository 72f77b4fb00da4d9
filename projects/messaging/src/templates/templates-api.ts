import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { SUITE_CLIENT, unwrap, watchJob, type Job, type Schemas } from '@wechat-mfe/suite-api';
import { ACCOUNT_CONTEXT } from '@wechat-mfe/ui';

export type Template = Schemas['Template'];
export type TemplateField = Schemas['TemplateField'];
export type TemplateList = Schemas['TemplateList'];
export type TemplateSyncResult = Schemas['TemplateSyncResult'];
export type TemplateLibraryEntry = Schemas['TemplateLibrary']['items'][number];
export type TemplateSend = Schemas['TemplateSend'];
export type TemplateSendPage = Schemas['TemplateSendPage'];
export type TemplateSendResultPage = Schemas['TemplateSendResultPage'];
export type TemplateSendResult = Schemas['TemplateSendResult'];
export type TemplateSendCreate = Schemas['TemplateSendCreate'];
export type TemplateAudience = TemplateSendCreate['audience'];
export type Tag = Schemas['Tag'];
export type Segment = Schemas['Segment'];
export type Fan = Schemas['FansFan'];

/** The template-message endpoints of the suite API, one method per call; failures throw `ProblemError`. */
@Injectable({ providedIn: 'root' })
export class TemplatesApi {
  private readonly client = inject(SUITE_CLIENT);
  private readonly context = inject(ACCOUNT_CONTEXT);

  /** A send's job until it finishes: pushed on the event stream, polled when the stream drops. */
  watchJob(jobId: string): Observable<Job> {
    return watchJob(this.client, this.context.events$, jobId);
  }

  list(appid: string, signal?: AbortSignal): Promise<TemplateList> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/templates', { params: { path: { appid } }, signal }));
  }

  sync(appid: string): Promise<TemplateSyncResult> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/templates/sync', { params: { path: { appid } } }));
  }

  add(appid: string, templateIdShort: string): Promise<Template> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/templates', { params: { path: { appid } }, body: { templateIdShort } }));
  }

  async library(appid: string, signal?: AbortSignal): Promise<TemplateLibraryEntry[]> {
    return (await unwrap(this.client.GET('/api/wechat/accounts/{appid}/templates/library', { params: { path: { appid } }, signal }))).items;
  }

  remove(appid: string, templateId: string): Promise<unknown> {
    return unwrap(this.client.DELETE('/api/wechat/accounts/{appid}/templates/{templateId}', { params: { path: { appid, templateId } } }));
  }

  send(appid: string, body: TemplateSendCreate): Promise<TemplateSend> {
    return unwrap(this.client.POST('/api/wechat/accounts/{appid}/templates/sends', { params: { path: { appid } }, body }));
  }

  sends(appid: string, query: { offset: number; limit: number }, signal?: AbortSignal): Promise<TemplateSendPage> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/templates/sends', { params: { path: { appid }, query }, signal }));
  }

  getSend(appid: string, sendId: number, signal?: AbortSignal): Promise<TemplateSend> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/templates/sends/{sendId}', { params: { path: { appid, sendId } }, signal }));
  }

  results(appid: string, sendId: number, query: { offset: number; limit: number; status?: 'sent' | 'failed' }, signal?: AbortSignal): Promise<TemplateSendResultPage> {
    return unwrap(this.client.GET('/api/wechat/accounts/{appid}/templates/sends/{sendId}/results', { params: { path: { appid, sendId }, query }, signal }));
  }

  async tags(appid: string, signal?: AbortSignal): Promise<Tag[]> {
    return (await unwrap(this.client.GET('/api/wechat/accounts/{appid}/tags', { params: { path: { appid } }, signal }))).items;
  }

  /** The account's fans whose openid starts with `prefix` (the recipients' fan search). */
  async searchFans(appid: string, prefix: string, signal?: AbortSignal): Promise<Fan[]> {
    const page = await unwrap(
      this.client.GET('/api/wechat/accounts/{appid}/fans', {
        params: { path: { appid }, query: { openid: prefix, limit: 8, sort: 'openid', order: 'asc' } },
        signal,
      }),
    );
    return page.items;
  }

  async segments(signal?: AbortSignal): Promise<Segment[]> {
    return (await unwrap(this.client.GET('/api/host/segments', { signal }))).items;
  }
}
