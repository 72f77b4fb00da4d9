import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { of } from 'rxjs';
import { ProblemError } from '@wechat-mfe/suite-api';
import { fakeContext, loadLanguage, provideUiTesting, WxButtonHarness } from '@wechat-mfe/ui/testing';
import { QrCodesApi, type QrCode } from '../data/qr-codes-api';
import { QrCodeEditor } from './qr-code-editor';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';

describe('QrCodeEditor', () => {
  let api: jasmine.SpyObj<QrCodesApi>;
  let close: jasmine.Spy;

  async function render(code: QrCode | null = null) {
    const { context } = fakeContext();
    await context.refresh();
    api = jasmine.createSpyObj<QrCodesApi>('QrCodesApi', ['tags', 'create', 'update', 'get']);
    api.tags.and.resolveTo([{ id: 100, name: '高价值' }]);
    close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [QrCodeEditor],
      providers: [
        ...provideUiTesting(context, { 'zh-CN': async () => zh, en: async () => en }),
        { provide: QrCodesApi, useValue: api },
        { provide: MAT_DIALOG_DATA, useValue: { appid: 'wx-service', code } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    await loadLanguage('zh-CN');
    const fixture = TestBed.createComponent(QrCodeEditor);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const element: HTMLElement = fixture.nativeElement;
    const type = async (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    const help = (id: string) => element.querySelector(`#${id}`)!.textContent!.trim();
    return { fixture, loader, element, type, help };
  }

  it('shows each rule next to its input as the user types and sends nothing while invalid', async () => {
    const { loader, type, help } = await render();
    await type('#qr-name', '   ');
    expect(help('qr-name-help')).toBe('必填');
    await type('#qr-scene', '0');
    expect(help('qr-scene-help')).toBe('请输入 1–4294967295 的整数');
    await (await loader.getHarness(WxButtonHarness.with({ text: '保存' }))).click();
    expect(api.create).not.toHaveBeenCalled();
  });

  it('takes focus to the first field in error when saving an incomplete form', async () => {
    const { loader, fixture, element } = await render();
    await (await loader.getHarness(WxButtonHarness.with({ text: '保存' }))).click();
    await fixture.whenStable();
    expect(document.activeElement).toBe(element.querySelector('#qr-name'));
  });

  it('creates a temporary code with the chosen expiry, and keeps the input when the server refuses the scene', async () => {
    const { loader, type, help, fixture } = await render();
    await type('#qr-name', '春季海报');
    await type('#qr-scene', '1001');
    api.create.and.rejectWith(new ProblemError({ status: 409, code: 'CONFLICT', errors: [{ field: 'sceneId', message: 'taken' }] }));
    const save = await loader.getHarness(WxButtonHarness.with({ text: '保存' }));
    await save.click();
    await fixture.whenStable();
    expect(api.create).toHaveBeenCalledWith('wx-service', jasmine.objectContaining({ name: '春季海报', kind: 'temporary', expireSeconds: 2_592_000, sceneId: 1001 }));
    expect(help('qr-scene-help')).toBe('该场景值已被本公众号的其他二维码使用');
    expect(fixture.nativeElement.querySelector('#qr-name').value).toBe('春季海报');
    expect(close).not.toHaveBeenCalled();

    api.create.and.resolveTo({ id: 9 } as never);
    await type('#qr-scene', '1003');
    await save.click();
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith({ id: 9 });
  });

  it('describes the expiry choice only when there is something to say (no empty help line for a new code)', async () => {
    const { element } = await render();
    expect(element.querySelector('#qr-expiry')!.hasAttribute('aria-describedby')).toBeFalse();
    expect(element.querySelector('#qr-expiry-help')).toBeNull();
  });

  describe('editing a code someone else changed meanwhile', () => {
    const opened = {
      id: 7, name: '门店海报', kind: 'permanent', sceneType: 'number', scene: '5', sceneId: 5, expireSeconds: null, expiresAt: null,
      expired: false, ticket: 't', url: 'u', tagIds: [], reply: null, enabled: true, scans: 0, follows: 0,
      createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', revision: 'r1',
    } as QrCode;
    const theirs = { ...opened, name: '他们改的名字', tagIds: [100], enabled: false, updatedAt: '2026-11-26T06:02:00.000Z', revision: 'r2' } as QrCode;
    const stale = () => new ProblemError({ status: 412, code: 'STALE', errors: [{ field: 'header.If-Match', message: 'stale' }] });

    async function refused() {
      const view = await render(opened);
      await view.type('#qr-name', '我的名字');
      api.update.and.rejectWith(stale());
      api.get.and.resolveTo(theirs);
      await (await view.loader.getHarness(WxButtonHarness.with({ text: '保存' }))).click();
      await view.fixture.whenStable();
      expect(api.update).toHaveBeenCalledWith('wx-service', 7, jasmine.objectContaining({ name: '我的名字' }), 'r1');
      const notice = view.element.querySelector('wx-stale-notice')!;
      expect(notice.getAttribute('role')).toBe('alert');
      expect(view.element.querySelector<HTMLInputElement>('#qr-name')!.value).toBe('我的名字');
      expect(close).not.toHaveBeenCalled();
      const button = (text: string) => [...notice.querySelectorAll('button')].find((b) => b.textContent!.includes(text))!;
      return { ...view, notice, button };
    }

    it('keeps the edits and saves them over the latest revision when the user says so', async () => {
      const { button, fixture } = await refused();
      api.update.and.resolveTo({ ...theirs, name: '我的名字', revision: 'r3' });
      button('仍保存我的修改').click();
      await fixture.whenStable();
      expect(api.update.calls.mostRecent().args).toEqual(['wx-service', 7, jasmine.objectContaining({ name: '我的名字' }), 'r2']);
      expect(close).toHaveBeenCalledWith(jasmine.objectContaining({ revision: 'r3' }));
    });

    it('or shows the latest version instead, and saves on from it', async () => {
      const { button, fixture, element } = await refused();
      button('改用最新内容').click();
      await fixture.whenStable();
      expect(element.querySelector('wx-stale-notice')).toBeNull();
      expect(element.querySelector<HTMLInputElement>('#qr-name')!.value).toBe('他们改的名字');
      expect(element.querySelector<HTMLInputElement>('input[type="checkbox"][formcontrolname="enabled"]')!.checked).toBeFalse();
      api.update.and.resolveTo(theirs);
      await (await TestbedHarnessEnvironment.loader(fixture).getHarness(WxButtonHarness.with({ text: '保存' }))).click();
      expect(api.update.calls.mostRecent().args[3]).toBe('r2');
    });
  });

  it('replies with a material chosen in the shared picker, and wants one before saving', async () => {
    // The shared material picker's dialog answers with a voice, as a user choosing one would (the
    // editor's own MatDialogModule provides the dialog service, so the real one is spied on).
    spyOn(MatDialog.prototype, 'open').and.returnValue({
      afterClosed: () => of({ type: 'voice', mediaId: 'VOICE1', name: '欢迎语音.wav', thumbUrl: null }),
    } as never);
    const { loader, type, help, fixture } = await render();
    await type('#qr-name', '素材回复');
    await type('#qr-scene', '1004');
    const element: HTMLElement = fixture.nativeElement;
    const material = element.querySelector<HTMLInputElement>('input[type="radio"][value="material"]')!;
    material.click();
    await fixture.whenStable();
    const save = await loader.getHarness(WxButtonHarness.with({ text: '保存' }));
    await save.click();
    expect(help('qr-reply-material-help')).toBe('请从素材库选择一个素材');
    expect(api.create).not.toHaveBeenCalled();
    await (await loader.getHarness(WxButtonHarness.with({ text: '从素材库选择' }))).click();
    // The picker's code loads on first use: wait for its answer to land.
    for (let i = 0; i < 100 && help('qr-reply-material-help') !== '已选择：语音 · 欢迎语音.wav'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await fixture.whenStable();
    }
    expect(help('qr-reply-material-help')).toBe('已选择：语音 · 欢迎语音.wav');
    api.create.and.resolveTo({ id: 10 } as never);
    await save.click();
    await fixture.whenStable();
    expect(api.create).toHaveBeenCalledWith('wx-service', jasmine.objectContaining({ reply: { type: 'material', mediaId: 'VOICE1' } }));
  });
});
