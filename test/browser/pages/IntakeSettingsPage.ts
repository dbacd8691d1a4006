// Settings → Data in: Segment write keys, the feature catalog, Stripe and help desk secrets.
import type { Page } from 'playwright-core';

export class IntakeSettingsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}/settings/intake`);
    await this.writeKeys().waitFor();
  }

  writeKeys() {
    return this.page.getByRole('region', { name: 'Segment write keys' });
  }

  /** Creates a write key and returns it as shown, this once. */
  async createWriteKey(name: string): Promise<string> {
    const card = this.writeKeys();
    await card.getByLabel('Name').fill(name);
    await card.getByRole('button', { name: 'Create write key' }).click();
    return (await card.getByTestId('new-secret').textContent()) ?? '';
  }

  review() {
    return this.page.getByRole('region', { name: 'Waiting for review' });
  }

  /** Assigns the kept delivery with this id to an account found by its name. */
  async assign(sourceId: string, accountName: string) {
    const review = this.review();
    await review.getByRole('button', { name: `Assign ${sourceId} to an account` }).click();
    await review.getByLabel('Find the account by name, domain or id').fill(accountName);
    await review.getByRole('button', { name: `Assign to ${accountName}`, exact: true }).click();
  }
}
