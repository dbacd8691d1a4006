// Product adoption across clients: headline figures, declining clients, every client.
import type { Page } from 'playwright-core';

export class AdoptionPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}/adoption`);
    await this.page.getByRole('heading', { level: 1, name: 'Product adoption' }).waitFor();
    await this.page.getByRole('region', { name: 'Every client' }).waitFor();
  }

  /** Opens one client's adoption in detail, from the list of every client. */
  async openClient(name: string) {
    await this.page
      .getByRole('region', { name: 'Every client' })
      .getByRole('button', { name, exact: true })
      .locator('visible=true')
      .first()
      .click();
    await this.page.getByRole('region', { name: `Adoption of ${name}` }).waitFor();
  }
}
