import { ComponentHarness, TestKey } from '@angular/cdk/testing';

/** Drives `wx-mass-send-compose` in specs the way a user would: by the controls' labels' ids. */
export class MassSendComposeHarness extends ComponentHarness {
  static hostSelector = 'wx-mass-send-compose';

  private async control(selector: string) {
    return this.locatorFor(selector)();
  }

  private async type(selector: string, value: string): Promise<void> {
    const input = await this.control(selector);
    await input.clear();
    await input.setInputValue(value);
    await input.dispatchEvent('input');
    await input.blur();
  }

  /** Clicks the radio button whose label reads `label` (e.g. "按标签", "定时发送"). */
  async chooseRadio(label: string): Promise<void> {
    const labels = await this.locatorForAll('label.radio')();
    for (const candidate of labels) {
      if ((await candidate.text()).trim() === label) return candidate.click();
    }
    throw new Error(`no radio labelled ${label}`);
  }

  /** The labels of the checked radio buttons (one per group). */
  async checkedRadios(): Promise<string[]> {
    // Each label wraps its radio button: both lists are in the same order.
    const labels = await this.locatorForAll('label.radio')();
    const radios = await this.locatorForAll('label.radio input[type=radio]')();
    const checked: string[] = [];
    for (const [i, radio] of radios.entries()) {
      if (await radio.getProperty<boolean>('checked')) checked.push((await labels[i].text()).trim());
    }
    return checked;
  }

  /** Picks the tag option with this visible name. */
  async chooseTag(name: string): Promise<void> {
    return this.chooseOption('#ms-tag', name);
  }

  /** Picks the segment option with this visible name. */
  async chooseSegment(name: string): Promise<void> {
    return this.chooseOption('#ms-segment', name);
  }

  /** The visible name of the chosen option of a select (`ms-tag`, `ms-segment`, `ms-content-type`). */
  async selectedOption(id: string): Promise<string> {
    const options = await this.locatorForAll(`#${id} option`)();
    for (const option of options) if (await option.getProperty<boolean>('selected')) return (await option.text()).trim();
    return '';
  }

  private async chooseOption(selector: string, name: string): Promise<void> {
    const select = await this.control(selector);
    const options = await this.locatorForAll(`${selector} option`)();
    const texts = await Promise.all(options.map((o) => o.text()));
    const index = texts.findIndex((text) => text.trim() === name);
    if (index < 0) throw new Error(`no option ${name} in ${selector}`);
    await select.selectOptions(index);
  }

  async chooseContentType(index: number): Promise<void> {
    await (await this.control('#ms-content-type')).selectOptions(index);
  }

  typeText(text: string): Promise<void> {
    return this.type('#ms-text', text);
  }

  typeOpenids(text: string): Promise<void> {
    return this.type('#ms-openids', text);
  }

  typeSendAt(local: string): Promise<void> {
    return this.type('#ms-send-at', local);
  }

  typePreviewOpenid(openid: string): Promise<void> {
    return this.type('#ms-preview-openid', openid);
  }

  async textValue(): Promise<string> {
    return (await this.control('#ms-text')).getProperty<string>('value');
  }

  async openidsValue(): Promise<string> {
    return (await this.control('#ms-openids')).getProperty<string>('value');
  }

  async sendAtValue(): Promise<string> {
    return (await this.control('#ms-send-at')).getProperty<string>('value');
  }

  async counter(): Promise<string> {
    return (await this.control('#ms-text-counter')).text();
  }

  async fieldError(id: string): Promise<string> {
    return (await this.control(`#${id}`)).text();
  }

  async reportLines(): Promise<string[]> {
    const items = await this.locatorForAll('.problems li')();
    return Promise.all(items.map((li) => li.text()));
  }

  async estimate(): Promise<string> {
    return (await this.control('.estimate')).text();
  }

  async quota(): Promise<string> {
    return (await this.control('wx-mass-send-quota-panel')).text();
  }

  async draftState(): Promise<string> {
    return (await this.control('.draft-state')).text();
  }

  async previewState(): Promise<string> {
    return (await this.control('.preview-state')).text();
  }

  async alert(): Promise<string | null> {
    const alert = await this.locatorForOptional('.problem[role=alert]')();
    return alert ? alert.text() : null;
  }

  async success(): Promise<string | null> {
    const status = await this.locatorForOptional('.success')();
    return status ? status.text() : null;
  }

  /** Clicks the form's send (or schedule) button. */
  async submit(): Promise<void> {
    await (await this.control('form .actions button[type=submit]')).click();
  }

  async isSubmitDisabled(): Promise<boolean> {
    return (await this.control('form .actions button[type=submit]')).getProperty<boolean>('disabled');
  }

  async sendPreview(): Promise<void> {
    const buttons = await this.locatorForAll('fieldset button')();
    for (const button of buttons) if ((await button.text()).match(/发送预览|Send preview/)) return button.click();
  }

  async isConfirmationOpen(): Promise<boolean> {
    return (await this.control('dialog.confirm')).getProperty<boolean>('open');
  }

  async confirmationText(): Promise<string> {
    return (await this.control('dialog.confirm')).text();
  }

  async confirm(): Promise<void> {
    await (await this.control('dialog.confirm .actions button:last-child')).click();
  }

  async backToEditing(): Promise<void> {
    await (await this.control('dialog.confirm')).sendKeys(TestKey.ESCAPE);
  }
}
