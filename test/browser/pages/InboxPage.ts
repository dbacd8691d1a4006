// The inbox: notifications newest first, the unread count in the shell's inbox link.
import type { Page } from 'playwright-core';

export class InboxPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}/inbox`);
    await this.page.getByRole('heading', { level: 1, name: /^Inbox/ }).waitFor();
    await this.items().first().waitFor();
  }

  items() {
    return this.page.getByRole('list', { name: 'Inbox' }).getByRole('listitem');
  }

  /** The notification whose text matches, as a list item. */
  item(text: string | RegExp) {
    return this.items().filter({ hasText: text });
  }

  /** The unread count the shell's inbox link announces ("Inbox: 3 unread notifications"). */
  async unreadCount(): Promise<number> {
    const label = await this.page
      .getByRole('link', { name: /^Inbox: / })
      .getAttribute('aria-label');
    return Number(/(\d+) unread/.exec(label ?? '')?.[1] ?? Number.NaN);
  }
}
