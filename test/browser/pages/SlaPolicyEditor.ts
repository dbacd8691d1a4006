// The SLA policy editor and the list of policies it saves to.
import type { Page } from 'playwright-core';

export class SlaPolicyEditor {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async openList(baseUrl: string) {
    await this.page.goto(`${baseUrl}/sla-policies`);
    await this.page.getByRole('heading', { level: 1, name: 'SLA policies' }).waitFor();
  }

  async startNew() {
    await this.page.getByRole('link', { name: 'New policy' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'New SLA policy' }).waitFor();
  }

  async fill(label: string, value: string) {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async check(group: string, option: string) {
    await this.page
      .getByRole('group', { name: group })
      .getByRole('checkbox', { name: option })
      .check();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  /** The server's message shown beside a field, found from the field's label. */
  fieldError(label: string) {
    return this.page
      .locator('label')
      .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .locator('xpath=..')
      .getByRole('alert');
  }

  policies() {
    return this.page.getByRole('list', { name: 'SLA policies' }).getByRole('listitem');
  }
}
