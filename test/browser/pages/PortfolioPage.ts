// The portfolio: filters, sortable columns (table on a laptop, cards on a phone), segments.
import type { Page } from 'playwright-core';

export class PortfolioPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string, query = '') {
    await this.page.goto(`${baseUrl}/accounts${query}`);
    await this.waitForList();
  }

  async waitForList() {
    await this.page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await this.page.getByText(/^(\d+ accounts?|Showing the first \d+)$/).waitFor();
  }

  /** Chooses a value in one of the filter selects, named by its "Any …" label. */
  async filter(label: 'Any health' | 'Any tier' | 'Any stage' | 'Any priority', value: string) {
    const fold = this.page.getByRole('button', { name: /^Filters/ });
    if ((await fold.isVisible()) && (await fold.getAttribute('aria-expanded')) === 'false') {
      await fold.click();
    }
    await this.page.getByLabel(label, { exact: true }).selectOption(value);
    await this.page.waitForURL((url) => url.search.includes(`=${value}`));
    await this.waitForList();
  }

  async search(text: string) {
    const box = this.page.getByRole('searchbox', { name: 'Search by name, domain or id' });
    await box.fill(text);
    await box.press('Enter');
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
  }

  /** Clicks a column header to sort by it (again for descending). */
  async sortBy(column: string) {
    await this.page.getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  rows() {
    return this.page.locator('table tbody tr');
  }

  /** The text of one column (1-based) in every row of the table. */
  async column(index: number): Promise<string[]> {
    return this.rows().locator(`td:nth-child(${index})`).allTextContents();
  }

  cards() {
    return this.page.getByRole('list', { name: 'Portfolio' }).getByRole('link');
  }

  async saveSegment(name: string) {
    await this.page.getByLabel('Segment name').fill(name);
    await this.page.getByRole('button', { name: 'Save as segment' }).click();
  }

  segmentPicker() {
    return this.page.getByLabel('Saved segments');
  }
}
