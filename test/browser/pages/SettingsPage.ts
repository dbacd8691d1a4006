// Settings: profile (theme, language), people, roles, custom fields, API tokens, CSV import,
// the workspace export.
import type { Page } from 'playwright-core';

export type SettingsTab =
  'profile' | 'people' | 'roles' | 'fields' | 'tokens' | 'import' | 'export';

export class SettingsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string, tab: SettingsTab) {
    await this.page.goto(`${baseUrl}/settings/${tab}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await this.page.getByRole('heading', { level: 2 }).first().waitFor();
  }

  async chooseTheme(theme: 'system' | 'light' | 'dark') {
    await this.page.getByLabel('Theme').selectOption(theme);
  }

  async chooseLanguage(language: 'en' | 'ru') {
    await this.page.getByLabel('Language').selectOption(language);
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
