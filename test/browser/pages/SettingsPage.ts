// Settings: profile (theme, language), people, roles, custom fields, API tokens, CSV import,
// the workspace export, the audit log, the holidays.
import type { Page } from 'playwright-core';

export type SettingsTab =
  'profile' | 'people' | 'roles' | 'fields' | 'tokens' | 'import' | 'export' | 'audit' | 'holidays';

export class SettingsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The tab, with the filters of a shared link when `search` (`?action=…`) is given. */
  async open(baseUrl: string, tab: SettingsTab, search = '') {
    await this.page.goto(`${baseUrl}/settings/${tab}${search}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await this.page.getByRole('heading', { level: 2 }).first().waitFor();
  }

  async chooseTheme(theme: 'system' | 'light' | 'dark') {
    await this.choose('Theme', theme);
  }

  async chooseLanguage(language: 'en' | 'ru') {
    await this.choose('Language', language);
  }

  /** Picks the option and checks that the profile's save answered 200. */
  private async choose(label: 'Theme' | 'Language', value: string) {
    const saved = this.page.waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' &&
        new URL(response.url()).pathname === '/api/v1/me',
    );
    await this.page.getByLabel(label).selectOption(value);
    const response = await saved;
    if (response.status() !== 200) {
      throw new Error(`saving the ${label.toLowerCase()} answered ${response.status()}`);
    }
  }

  async isDark(): Promise<boolean> {
    const classes = (await this.page.locator('html').getAttribute('class')) ?? '';
    return classes.split(/\s+/).includes('dark');
  }

  /** Uploads a CSV on the import tab and maps its columns as suggested. */
  async chooseCsv(entity: 'accounts' | 'contacts', fileName: string, csv: string) {
    await this.page.getByLabel('What to import').selectOption(entity);
    await this.page.getByLabel('CSV file').setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await this.page.getByRole('group', { name: 'Column mapping' }).waitFor();
  }

  importStatus() {
    return this.page.getByRole('region', { name: 'Import status' });
  }
}
