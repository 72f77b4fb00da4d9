import { ComponentHarness, type TestElement } from '@angular/cdk/testing';

/** Drives `wx-template-send-form` in specs the way a user would: controls by their visible labels. */
export class TemplateSendFormHarness extends ComponentHarness {
  static hostSelector = 'wx-template-send-form';

  /** The control a `<label>` reading `label` names. */
  async control(label: string): Promise<TestElement> {
    for (const candidate of await this.locatorForAll('label[for]')()) {
      if ((await candidate.text()).trim() === label) return this.locatorFor(`#${await candidate.getAttribute('for')}`)();
    }
    throw new Error(`no control labelled ${label}`);
  }

  /** The labels of the generated field inputs, in order. */
  async fieldLabels(): Promise<string[]> {
    const labels = await this.locatorForAll('fieldset:first-of-type wx-field label')();
    return Promise.all(labels.map(async (l) => (await l.text()).trim()));
  }

  /** Types `value` into the control labelled `label` and leaves it. */
  async type(label: string, value: string): Promise<void> {
    const input = await this.control(label);
    await input.clear();
    if (value) await input.setInputValue(value);
    await input.dispatchEvent('input');
    await input.blur();
  }

  async check(label: string): Promise<void> {
    await (await this.control(label)).click();
  }

  async select(label: string, optionText: string): Promise<void> {
    const select = await this.control(label);
    const id = await select.getAttribute('id');
    const options = await this.locatorForAll(`#${id} option`)();
    const texts = await Promise.all(options.map((o) => o.text()));
    await select.selectOptions(texts.findIndex((t) => t.trim() === optionText));
  }

  /** The error a screen reader reads with the control (its `aria-describedby` error), or null. */
  async errorOf(label: string): Promise<string | null> {
    const ids = ((await (await this.control(label)).getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    for (const id of ids) {
      const error = await this.locatorForOptional(`#${id}.wx-field-error`)();
      if (error) return (await error.text()).trim();
    }
    return null;
  }

  async isInvalid(label: string): Promise<boolean> {
    return (await (await this.control(label)).getAttribute('aria-invalid')) === 'true';
  }

  async value(label: string): Promise<string> {
    return (await this.control(label)).getProperty<string>('value');
  }

  async clickButton(name: string): Promise<void> {
    for (const button of await this.locatorForAll('button')()) {
      if ((await button.text()).trim() === name) return button.click();
    }
    throw new Error(`no button ${name}`);
  }

  /** The preview card's lines as "label value". */
  async previewLines(): Promise<string[]> {
    const labels = await this.locatorForAll('figure .line dt')();
    const values = await this.locatorForAll('figure .line dd')();
    return Promise.all(labels.map(async (dt, i) => `${(await dt.text()).trim()} ${(await values[i].text()).trim()}`));
  }

  async previewText(): Promise<string> {
    return (await this.locatorFor('figure')()).text();
  }

  /** The rows of the results table, their non-empty cells joined by a space. */
  async resultRows(): Promise<string[]> {
    const rows = await this.locatorForAll('tbody tr')();
    return Promise.all(
      rows.map(async (_, i) => {
        const cells = await this.locatorForAll(`tbody tr:nth-child(${i + 1}) td`)();
        return (await Promise.all(cells.map(async (c) => (await c.text()).trim()))).filter(Boolean).join(' ');
      }),
    );
  }
}
