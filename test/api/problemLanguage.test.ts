// A problem (problem+json) reads in the asker's language: a CSM who chose Russian gets the title,
// the detail and each field's message in Russian, an English CSM in English, and someone signed
// out in the language their browser asks for. What a program reads — type, code, status and the
// field paths — is the same whoever asks.
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from '../../src/http/problem.ts';
import { acceptedLocale } from '../../src/http/reader.ts';
import { apiClient, signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps();
const app = testApp(deps);

const cyrillic = /[а-яё]/i;
const latinWords = /\b[a-z]{4,}\b/i;

let russian: ApiClient;
let english: ApiClient;
let russianViewer: ApiClient;
let csmEmail: string;

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  const anna = await makeUser(deps.db, workspace.id, { role: 'csm', locale: 'ru' });
  const sam = await makeUser(deps.db, workspace.id, { role: 'csm', locale: 'en' });
  const vera = await makeUser(deps.db, workspace.id, { role: 'viewer', locale: 'ru' });
  csmEmail = sam.email;
  russian = await signedIn(app, anna.email, testPassword);
  english = await signedIn(app, sam.email, testPassword);
  russianViewer = await signedIn(app, vera.email, testPassword);
});

/** A new account with an empty name, a domain that is not one and seats that are not a number. */
const badAccount = (client: ApiClient) =>
  client.POST('/api/v1/accounts', {
    body: { name: ' ', domain: 'not a domain', seats: 'many' as unknown as number },
  });

describe('a bad request, answered in the asker’s language', () => {
  it('tells a Russian-speaking CSM in Russian what is wrong with each field', async () => {
    const { response, error } = await badAccount(russian);
    expect(response.status).toBe(422);
    expect(error?.title).toBe('Неверные данные');
    expect(error?.detail).toBe('Некоторые поля заполнены неверно.');
    expect(error?.errors?.map((e) => e.path).sort()).toEqual(['domain', 'name', 'seats']);
    for (const field of error?.errors ?? []) {
      expect(field.message, field.path).toMatch(cyrillic);
    }
    const seats = error?.errors?.find((e) => e.path === 'seats')?.message;
    expect(seats).toMatch(/^Неверный ввод: ожидалось число/);
  });

  it('keeps English for an English-speaking CSM, with the same codes and paths', async () => {
    const [inEnglish, inRussian] = await Promise.all([badAccount(english), badAccount(russian)]);
    expect(inEnglish.response.status).toBe(422);
    expect(inEnglish.error?.title).toBe('Invalid input');
    expect(inEnglish.error?.detail).toBe('Some fields are not valid.');
    expect(inEnglish.error?.errors?.find((e) => e.path === 'domain')?.message).toBe(
      'must be a domain such as example.com',
    );
    for (const field of inEnglish.error?.errors ?? []) {
      expect(field.message, field.path).not.toMatch(cyrillic);
    }
    const machine = (p: typeof inEnglish.error) => ({
      type: p?.type,
      code: p?.code,
      status: p?.status,
      paths: p?.errors?.map((e) => e.path).sort(),
    });
    expect(machine(inRussian.error)).toEqual(machine(inEnglish.error));
    expect(machine(inEnglish.error)).toMatchObject({
      type: 'urn:steward:problem:request.invalid',
      code: 'request.invalid',
    });
  });

  it('says a malformed id in the address is the link’s fault, not a field’s', async () => {
    const malformed = (client: ApiClient) =>
      client.GET('/api/v1/accounts/{id}', { params: { path: { id: 'not-a-uuid' } } });
    const [inRussian, inEnglish] = await Promise.all([malformed(russian), malformed(english)]);
    expect(inRussian.response.status).toBe(422);
    expect(inRussian.error?.detail).toBe(
      'Этот адрес не может ничего обозначать: проверьте ссылку.',
    );
    expect(inEnglish.error?.detail).toBe(
      'This address names nothing that can exist: check the link.',
    );
    expect(inEnglish.error?.errors?.map((e) => e.path)).toEqual(['param.id']);
  });

  it('says in Russian that an account does not exist, and why an action is not allowed', async () => {
    const missing = await russian.GET('/api/v1/accounts/{id}', {
      params: { path: { id: crypto.randomUUID() } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({
      code: 'account.not_found',
      title: 'Не найдено',
      detail: 'Такого аккаунта нет.',
    });

    const forbidden = await russianViewer.POST('/api/v1/accounts', { body: { name: 'Acme' } });
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error?.title).toBe('Нет доступа');
    // The permission by its name, as the roles table calls it; not its key.
    expect(forbidden.error?.detail).toBe('Для этого нужно право «Изменять аккаунты».');
    const { data: roles } = await russianViewer.GET('/api/v1/roles');
    expect(roles?.labels.manage_accounts).toBe('Изменять аккаунты');
  });

  it('refuses a NUL character in Russian for a Russian reader', async () => {
    const { response, error } = await russian.POST('/api/v1/accounts', {
      body: { name: 'Acme\u0000' },
    });
    expect(response.status).toBe(422);
    expect(error?.errors).toEqual([
      { path: 'name', message: 'не должно содержать символ NUL (U+0000)' },
    ]);
  });
});

describe('a problem for someone signed out', () => {
  const wrongPassword = (language?: string) =>
    apiClient(app).POST('/api/v1/auth/login', {
      body: { email: csmEmail, password: 'not the password' },
      ...(language ? { headers: { 'accept-language': language } } : {}),
    });

  it('reads in the language the browser asks for', async () => {
    const inRussian = await wrongPassword('ru-RU,ru;q=0.9,en;q=0.5');
    expect(inRussian.response.status).toBe(401);
    expect(inRussian.error?.code).toBe('auth.invalid_credentials');
    expect(inRussian.error?.detail).toBe('Неверный e-mail или пароль.');
    expect(inRussian.error?.title).not.toMatch(latinWords);

    const inEnglish = await wrongPassword();
    expect(inEnglish.error?.detail).toBe('The e-mail or the password is not right.');
  });

  it('takes the best language Steward speaks from Accept-Language', () => {
    expect(acceptedLocale('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(acceptedLocale('de-DE,de;q=0.9,ru;q=0.8,en;q=0.7')).toBe('ru');
    expect(acceptedLocale('en;q=0.5,ru;q=0.9')).toBe('ru');
    expect(acceptedLocale('ru;q=0,en')).toBe('en');
    expect(acceptedLocale('fr')).toBe('en');
    expect(acceptedLocale(undefined)).toBe('en');
  });
});

describe('a schema that names its own message', () => {
  it('gives a message key that is rendered in each reader’s language', () => {
    const noNul = z.string().refine((s) => !s.includes('\u0000'), 'errors.field.nul');
    const result = noNul.safeParse('a\u0000b');
    if (result.success) throw new Error('expected the NUL character to be refused');
    const [inRussian] = fieldErrors(result.error, 'query', 'a\u0000b');
    expect(inRussian?.path).toBe('query');
    expect(inRussian?.message).toBe('must not contain the NUL character (U+0000)');
    expect(inRussian?.text).toEqual({ key: 'errors.field.nul', params: {} });
  });
});
