import { ChangeDetectionStrategy, Component, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting, WxButtonHarness } from '@wechat-mfe/ui/testing';
import type { Material } from '../data/materials-api';
import { MaterialUpload } from './material-upload';
import { MaterialUploader, type UploadRequest } from './material-uploader';
import { MESSAGING_STRINGS } from '../../testing/messaging-strings';

@Component({
  imports: [MaterialUpload],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<wx-material-upload appid="wxa" (uploaded)="uploaded.push($event)" />`,
})
class Host {
  readonly upload = viewChild.required(MaterialUpload);
  readonly uploaded: Material[] = [];
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const file = (name: string, bytes: Uint8Array, size = bytes.length) =>
  new File([bytes as Uint8Array<ArrayBuffer>, new Uint8Array(Math.max(0, size - bytes.length))], name);

describe('wx-material-upload', () => {
  async function render() {
    const { context } = fakeContext();
    await context.refresh();
    const calls: { request: UploadRequest; progress: (f: number) => void; resolve: (m: Material) => void; reject: (e: unknown) => void }[] = [];
    const uploader = {
      upload: (request: UploadRequest, progress: (f: number) => void) =>
        new Promise<Material>((resolve, reject) => calls.push({ request, progress, resolve, reject })),
    };
    TestBed.configureTestingModule({
      providers: [
        ...provideUiTesting(context, MESSAGING_STRINGS),
        { provide: MaterialUploader, useValue: uploader },
      ],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    // Checking reads each file's first bytes (async): wait until no file is still being checked.
    const settle = async () => {
      for (let i = 0; i < 100; i++) {
        await new Promise((resolve) => setTimeout(resolve, i < 3 ? 0 : 10));
        await fixture.whenStable();
        if (i >= 2 && !element.querySelector('[data-status="checking"]')) return;
      }
    };
    const alerts = () => Array.from(element.querySelectorAll('[role="alert"]')).map((e) => e.textContent?.trim());
    return { fixture, element, calls, settle, alerts, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('refuses a wrong type and an oversize file before uploading, with clear messages', async () => {
    const { fixture, calls, settle, alerts } = await render();
    fixture.componentInstance.upload().add([
      file('logo.svg', new TextEncoder().encode('<svg/>')),
      file('poster.png', PNG, 10 * 1024 * 1024 + 1),
      file('fake.png', new TextEncoder().encode('<html>not an image')),
    ]);
    await settle();
    expect(calls.length).toBe(0);
    expect(alerts()).toEqual([
      '文件类型不支持：需要 bmp / png / jpeg / jpg / gif，当前为 svg。',
      '文件太大：最多 10 MB，当前 10 MB。',
      '文件内容与扩展名不符，不是有效的 bmp / png / jpeg / jpg / gif 文件。',
    ]);
  });

  it('uploads several files with a progress bar each and reports each stored material', async () => {
    const { fixture, element, calls, settle } = await render();
    fixture.componentInstance.upload().add([file('a.png', PNG), file('b.png', PNG)]);
    await settle();
    expect(calls.map((c) => [c.request.fileName, c.request.type, c.request.permanent, c.request.appid])).toEqual([
      ['a.png', 'image', true, 'wxa'],
      ['b.png', 'image', true, 'wxa'],
    ]);
    calls[0].progress(0.4);
    await settle();
    const bar = element.querySelector<HTMLProgressElement>('progress[aria-label="a.png 上传进度"]')!;
    expect(bar.value).toBe(40);
    calls[0].resolve({ mediaId: 'M1' } as Material);
    calls[1].resolve({ mediaId: 'M2' } as Material);
    await settle();
    expect(fixture.componentInstance.uploaded.map((m) => m.mediaId)).toEqual(['M1', 'M2']);
    expect(element.querySelectorAll('[data-status="done"]').length).toBe(2);
  });

  it('asks for the length of a voice it cannot measure, bounds it to 60 s, then sends it', async () => {
    const { fixture, element, calls, settle, alerts } = await render();
    fixture.componentInstance.upload().add([file('hello.amr', new TextEncoder().encode('#!AMR\n....'))]);
    await settle();
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('请填写时长');
    const length = element.querySelector<HTMLInputElement>('input[type="number"]')!;
    length.value = '61';
    length.dispatchEvent(new Event('change'));
    await settle();
    expect(alerts()).toEqual(['语音太长：最多 60 秒，当前约 61 秒。']);
    expect(calls.length).toBe(0);
    length.value = '30';
    length.dispatchEvent(new Event('change'));
    await settle();
    expect(calls.map((c) => [c.request.type, c.request.durationSeconds])).toEqual([['voice', 30]]);
  });

  it('shows the server’s refusal and retries on request', async () => {
    const { fixture, calls, settle, alerts, loader } = await render();
    fixture.componentInstance.upload().add([file('a.png', PNG)]);
    await settle();
    calls[0].reject(new ProblemError({ status: 422, code: 'WECHAT_40005', errors: [{ field: 'media', message: 'x' }] }));
    await settle();
    expect(alerts()).toEqual(['微信拒绝了该文件：文件类型不合法（扩展名或实际内容不符合要求）。']);
    await (await loader.getHarness(WxButtonHarness.with({ text: '重试' }))).click();
    await settle();
    expect(calls.length).toBe(2);
    calls[1].resolve({ mediaId: 'M1' } as Material);
    await settle();
    expect(alerts()).toEqual([]);
    expect(fixture.componentInstance.uploaded.length).toBe(1);
  });
});
