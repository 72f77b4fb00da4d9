import { BaseHarnessFilters, ComponentHarness, HarnessPredicate } from '@angular/cdk/testing';

export interface WxButtonHarnessFilters extends BaseHarnessFilters {
  /** The button's text, exactly or as a pattern (as MatButtonHarness takes it). */
  readonly text?: string | RegExp;
}

/**
 * A harness for the suite's native `.wx-button` (ADR 0005), with the part of MatButtonHarness's
 * API our specs use, so a page moving off `mat-button` keeps its specs' shape.
 */
export class WxButtonHarness extends ComponentHarness {
  static hostSelector = 'button.wx-button, a.wx-button';

  static with(options: WxButtonHarnessFilters = {}): HarnessPredicate<WxButtonHarness> {
    return new HarnessPredicate(WxButtonHarness, options).addOption('text', options.text, (harness, text) =>
      HarnessPredicate.stringMatches(harness.getText(), text),
    );
  }

  async click(): Promise<void> {
    return (await this.host()).click();
  }

  async isDisabled(): Promise<boolean> {
    const host = await this.host();
    return (await host.getProperty<boolean>('disabled')) === true || (await host.getAttribute('aria-disabled')) === 'true';
  }

  async getText(): Promise<string> {
    return (await this.host()).text();
  }
}
