import { TestBed } from '@angular/core/testing';
import { fakeContext, provideUiTesting, wxAccount } from '../testing/ui-testing';
import { ModuleStandIn } from './module-stand-in.component';

describe('wx-module-stand-in', () => {
  it('shows the title, the selected account and the issue that builds the page, following the selection', async () => {
    const { context } = fakeContext({
      accounts: { items: [wxAccount('wx-a', { name: 'Dmartech智慧营销' }), wxAccount('wx-b', { type: 'subscription', verified: false })], totalBound: 2 },
    });
    await context.refresh();
    TestBed.configureTestingModule({ providers: provideUiTesting(context) });
    const fixture = TestBed.createComponent(ModuleStandIn);
    fixture.componentRef.setInput('moduleTitleKey', 'page.title');
    fixture.componentRef.setInput('issue', 12);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const appid = () => element.querySelector('[data-testid="selected-account-appid"]')?.textContent;

    expect(element.querySelector('h1')?.textContent).toBe('测试页面');
    expect(appid()).toBe('wx-a');
    expect(element.textContent).toContain('Dmartech智慧营销');
    expect(element.textContent).toContain('服务号');
    expect(element.textContent).toContain('issue #12');

    context.select('wx-b');
    await fixture.whenStable();
    expect(appid()).toBe('wx-b');
    expect(element.textContent).toContain('订阅号');
    expect(element.textContent).toContain('未认证');
  });
});
