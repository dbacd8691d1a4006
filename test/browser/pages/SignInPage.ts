// The sign-in screen as a person sees it: two fields, a button and the server's answer.
import type { Page } from 'playwright-core';

export class SignInPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string, path = '/sign-in') {
    await this.page.goto(`${baseUrl}${path}`);
    await this.page.getByRole('heading', { name: 'Sign in to Steward' }).waitFor();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('E-mail').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The refusal the server explained (its problem `detail`). */
  async refusal(): Promise<string> {
    const alert = this.page.getByRole('alert');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  demoHint() {
    return this.page.getByText('Demo: csm@demo.steward.dev / steward-demo');
  }
}
