import { BaseHarnessFilters, ComponentHarness, HarnessPredicate, TestKey } from '@angular/cdk/testing';

export interface WxOptionHarnessFilters extends BaseHarnessFilters {
  readonly text?: string | RegExp;
}

/** One option of a `wx-select`. */
export class WxOptionHarness extends ComponentHarness {
  static hostSelector = '[role="option"]';

  static with(options: WxOptionHarnessFilters = {}): HarnessPredicate<WxOptionHarness> {
    return new HarnessPredicate(WxOptionHarness, options).addOption('text', options.text, (harness, text) =>
      HarnessPredicate.stringMatches(harness.getText(), text),
    );
  }

  async getText(): Promise<string> {
    return (await (await this.host()).text()).replace(/\s+/g, ' ').trim();
  }

  async isSelected(): Promise<boolean> {
    return (await (await this.host()).getAttribute('aria-selected')) === 'true';
  }

  async click(): Promise<void> {
    return (await this.host()).click();
  }
}

/**
 * A harness for the suite's `wx-select` (ADR 0008) with the part of MatSelectHarness's API our
 * specs use, so a page moving off `mat-select` keeps its specs' shape.
 */
export class WxSelectHarness extends ComponentHarness {
  static hostSelector = 'wx-select';

  private readonly combobox = this.locatorFor('[role="combobox"]');
  private readonly listbox = this.locatorFor('[role="listbox"]');

  static with(options: BaseHarnessFilters = {}): HarnessPredicate<WxSelectHarness> {
    return new HarnessPredicate(WxSelectHarness, options);
  }

  async getLabel(): Promise<string> {
    return (await (await this.locatorFor('.label')()).text()).trim();
  }

  async getValueText(): Promise<string> {
    return (await (await this.locatorFor('.value')()).text()).replace(/\s+/g, ' ').trim();
  }

  async isDisabled(): Promise<boolean> {
    return (await (await this.combobox()).getAttribute('aria-disabled')) === 'true';
  }

  async isMultiple(): Promise<boolean> {
    return (await (await this.listbox()).getAttribute('aria-multiselectable')) === 'true';
  }

  async isOpen(): Promise<boolean> {
    return (await (await this.combobox()).getAttribute('aria-expanded')) === 'true';
  }

  async open(): Promise<void> {
    if (!(await this.isOpen())) await (await this.combobox()).click();
  }

  async close(): Promise<void> {
    if (await this.isOpen()) await (await this.combobox()).sendKeys(TestKey.ESCAPE);
  }

  async getOptions(filter: WxOptionHarnessFilters = {}): Promise<WxOptionHarness[]> {
    return this.locatorForAll(WxOptionHarness.with(filter))();
  }

  /** Clicks every option matching the filter (opening the list first). */
  async clickOptions(filter: WxOptionHarnessFilters = {}): Promise<void> {
    await this.open();
    const options = await this.getOptions(filter);
    if (!options.length) throw new Error(`No wx-select option matches ${JSON.stringify(filter)}`);
    for (const option of options) await option.click();
  }
}
