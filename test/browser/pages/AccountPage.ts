// The Customer 360 of one account: profile, contract, contacts and the timeline.
import type { Page } from 'playwright-core';

export class AccountPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string, accountId: string) {
    await this.page.goto(`${baseUrl}/accounts/${accountId}`);
    await this.waitUntilShown();
  }

  async waitUntilShown() {
    await this.page.getByRole('heading', { name: 'Timeline' }).waitFor();
  }

  async name(): Promise<string> {
    return (await this.page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  }

  /** A row of the profile or contract card, e.g. "Renewal". */
  detail(label: string) {
    return this.page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  }

  contacts() {
    return this.page.getByRole('region', { name: 'Contacts' }).getByRole('listitem');
  }

  timelineEntries() {
    return this.page.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
  }

  /**
   * On a phone: tap "Add note", type, tap "Save". Returns the number of taps it took, so a test
   * can hold the screen to its promise of two.
   */
  async addNoteOnPhone(text: string): Promise<number> {
    let taps = 0;
    await this.page.getByRole('button', { name: '+ Add note' }).tap();
    taps++;
    const sheet = this.page.getByRole('dialog', { name: 'Add note' });
    await sheet.getByRole('textbox', { name: 'Add note' }).fill(text);
    await sheet.getByRole('button', { name: 'Save' }).tap();
    taps++;
    await sheet.waitFor({ state: 'detached' });
    return taps;
  }
}
