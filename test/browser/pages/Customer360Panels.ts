// The data-in panels of the Customer 360: product usage, support tickets, billing, and the
// timeline's source filter.
import type { Page } from 'playwright-core';

export class Customer360Panels {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  usage() {
    return this.page.getByRole('region', { name: 'Product usage' });
  }

  tickets() {
    return this.page.getByRole('region', { name: 'Support tickets' });
  }

  billing() {
    return this.page.getByRole('region', { name: 'Billing' });
  }

  /** A figure of a panel by its name, e.g. "Daily active", read as a number. */
  async figure(panel: 'usage' | 'tickets', label: string): Promise<number> {
    const region = panel === 'usage' ? this.usage() : this.tickets();
    const value = region
      .locator('dt', { hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
    return Number(((await value.textContent()) ?? '').replace(/[^\d]/g, ''));
  }

  /** Waits for the usage figures (they load after the page). */
  async waitForUsage() {
    await this.usage()
      .locator('dt', { hasText: /^Daily active$/ })
      .waitFor();
  }

  /** The names in the usage panel's feature adoption bars. */
  featureNames() {
    return this.usage()
      .getByRole('figure', { name: /Feature adoption/ })
      .getByRole('listitem');
  }

  async showTimeline(
    source: 'Everything' | 'Notes and calls' | 'Work and changes' | 'Support' | 'Billing',
  ) {
    const timeline = this.page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: source, exact: true }).click();
    await timeline
      .getByRole('button', { name: source, exact: true })
      .and(this.page.locator('[aria-pressed="true"]'))
      .waitFor();
  }
}
