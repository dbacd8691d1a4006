// The words a person reads on a screen, and which of them are data, for the browser test that
// looks for Steward's own sentences in a language the reader did not choose (issue 10).
// Data — names, e-mails, plans, features, notes, tickets, task titles: whatever people and
// customers typed — is read from the API, so what the check leaves out is exactly what the
// server holds as typed text, never a hand-kept list that would hide a new leak.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from 'openapi-fetch';
import type { Page } from 'playwright-core';
import { en as serverEn } from '../../src/i18n/en/index.ts';
import { ru as serverRu } from '../../src/i18n/ru/index.ts';
import type { paths } from '../../web/src/api/schema.d.ts';

type Api = Client<paths>;
export type Reader = 'en' | 'ru';

/**
 * Every line of text the page shows now, and the names it gives screen readers (aria-label,
 * title, alt, placeholder of what is shown). Runs of spaces become one; no-break spaces stay,
 * since they tell how a number was grouped.
 */
export async function textOnScreen(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const lines = document.body.innerText.split('\\n');
    const named = document.querySelectorAll('[aria-label], [title], [alt], [placeholder]');
    for (const element of named) {
      if (!element.checkVisibility()) continue;
      for (const attribute of ['aria-label', 'title', 'alt', 'placeholder']) {
        const value = element.getAttribute(attribute);
        if (value) lines.push(value);
      }
    }
    return lines.map((line) => line.replace(/[ \\t\\r\\n]+/g, ' ').trim()).filter(Boolean);
  })()`);
}

function read<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(`${result.response.url} answered ${result.response.status}`);
  }
  return result.data;
}

/** All pages of a cursor-paginated list. */
async function everyPage<Item>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: Item[]; nextCursor: string | null }>,
): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

type Collect = (...values: (string | null | undefined)[]) => void;

/**
 * What people typed about one account: its 360, timeline, tickets, billing, usage, work,
 * voice, meetings. Returns the themes its feedback is in, whose names may be a person's.
 */
async function typedAboutAccount(api: Api, id: string, add: Collect): Promise<string[]> {
  const at = { params: { path: { id } } };
  const [view, events, tickets, billing, adoption, projects, tasks, health] = await Promise.all([
    api.GET('/api/v1/accounts/{id}/360', at).then(read),
    everyPage((cursor) =>
      api
        .GET('/api/v1/accounts/{id}/timeline', {
          params: { path: { id }, query: { limit: 500, cursor } },
        })
        .then(read),
    ),
    api
      .GET('/api/v1/accounts/{id}/tickets', { params: { path: { id }, query: { limit: 500 } } })
      .then(read),
    api.GET('/api/v1/accounts/{id}/billing', at).then(read),
    api.GET('/api/v1/accounts/{id}/adoption', at).then(read),
    api.GET('/api/v1/accounts/{id}/projects', at).then(read),
    api.GET('/api/v1/tasks', { params: { query: { accountId: id, limit: 500 } } }).then(read),
    api.GET('/api/v1/health/accounts/{id}', at).then(read),
  ]);
  add(view.account.name, view.owner?.name, view.owner?.email, view.contract?.plan);
  for (const contact of view.contacts) add(contact.name, contact.email, contact.title);
  for (const event of events) {
    add(event.actor?.name);
    // A title without a key is what its author wrote (a note, a call, a meeting); a title the
    // server wrote has a key and is checked, and so is a keyless one nobody signed.
    if (event.titleKey === null && event.actor !== null) add(event.title, event.body);
  }
  for (const ticket of tickets.items) add(ticket.subject, ticket.requesterEmail);
  for (const contract of billing.contracts) add(contract.plan);
  for (const feature of adoption.features) add(feature.label, feature.key);
  add(...adoption.premiumAdoption.unused);
  for (const project of projects.items) add(project.name, project.templateName);
  for (const task of tasks.items)
    add(task.title, task.projectName, task.assigneeName, ...task.tags);
  for (const play of health.plays) add(play.playName);

  const [feedback, responses, meetings, opportunities] = await Promise.all([
    api.GET('/api/v1/feedback', { params: { query: { accountId: id, limit: 500 } } }).then(read),
    api
      .GET('/api/v1/surveys/responses', { params: { query: { accountId: id, limit: 500 } } })
      .then(read),
    api
      .GET('/api/v1/meetings', {
        params: { query: { accountId: id, from: '2000-01-01T00:00:00Z', limit: 500 } },
      })
      .then(read),
    api.GET('/api/v1/opportunities', { params: { query: { accountId: id } } }).then(read),
  ]);
  for (const item of feedback.items) add(item.text, item.contact?.name);
  for (const response of responses.items) add(response.comment, response.contact?.name);
  for (const meeting of meetings.items) {
    add(meeting.title, meeting.location, meeting.agenda, meeting.notes, meeting.organizer?.name);
    for (const attendee of meeting.attendees) add(attendee.name, attendee.email);
  }
  for (const opportunity of opportunities.items) add(opportunity.title);
  return feedback.items.flatMap((item) => (item.theme ? [item.theme.id] : []));
}

/** A theme's name when a person gave it one; Steward's own label for a theme is checked. */
async function typedThemeNames(api: Api, themeIds: Set<string>, add: Collect) {
  await Promise.all(
    [...themeIds].map(async (id) => {
      const theme = await api
        .GET('/api/v1/feedback/themes/{id}', { params: { path: { id }, query: {} } })
        .then(read);
      add(theme.customLabel);
    }),
  );
}

/** What people typed about the tasks, projects and accounts the reader's notifications name. */
async function typedInNotifications(api: Api, add: Collect) {
  const notifications = await everyPage((cursor) =>
    api.GET('/api/v1/notifications', { params: { query: { limit: 500, cursor } } }).then(read),
  );
  const taskIds = new Set<string>();
  const projectIds = new Set<string>();
  const accountIds = new Set<string>();
  for (const n of notifications) {
    if (n.taskId) taskIds.add(n.taskId);
    if (n.projectId) projectIds.add(n.projectId);
    if (n.accountId) accountIds.add(n.accountId);
    for (const item of n.items) taskIds.add(item.taskId);
  }
  await Promise.all([
    ...[...taskIds].map(async (id) => {
      const at = { params: { path: { id } } };
      const [task, comments] = await Promise.all([
        api.GET('/api/v1/tasks/{id}', at).then(read),
        api.GET('/api/v1/tasks/{id}/comments', at).then(read),
      ]);
      add(task.title, task.projectName, task.accountName, task.assigneeName);
      for (const comment of comments.items) add(comment.body, comment.author?.name);
    }),
    ...[...projectIds].map(async (id) => {
      add((await api.GET('/api/v1/projects/{id}', { params: { path: { id } } }).then(read)).name);
    }),
    ...[...accountIds].map(async (id) => {
      add((await api.GET('/api/v1/accounts/{id}', { params: { path: { id } } }).then(read)).name);
    }),
  ]);
}

/**
 * Every string people typed that the portfolio, the given accounts' 360 pages and the inbox
 * may show: names of people, accounts and contacts, e-mails, domains, plans, custom fields,
 * features, notes, tickets, feedback, meetings, projects and tasks.
 */
export async function typedByPeople(api: Api, accountIds: string[]): Promise<string[]> {
  const typed = new Set<string>();
  const add: Collect = (...values) => {
    for (const value of values) if (value?.trim()) typed.add(value);
  };
  const [me, users, accounts, fields, features, highlight] = await Promise.all([
    api.GET('/api/v1/me').then(read),
    api.GET('/api/v1/users').then(read),
    everyPage((cursor) =>
      api
        .GET('/api/v1/accounts', { params: { query: { owner: 'me', limit: 500, cursor } } })
        .then(read),
    ),
    api.GET('/api/v1/custom-fields', { params: { query: { entity: 'account' } } }).then(read),
    api.GET('/api/v1/features').then(read),
    api.GET('/api/v1/feedback/highlight', { params: { query: { since: '30d' } } }).then(read),
  ]);
  add(me.name, me.email, me.workspace.name);
  for (const user of users.items) add(user.name, user.email);
  for (const account of accounts) {
    add(account.name, account.domain, account.ownerName, account.externalId);
    for (const value of Object.values(account.customFields)) {
      if (typeof value === 'string') add(value);
      if (Array.isArray(value)) add(...value.filter((v): v is string => typeof v === 'string'));
    }
  }
  for (const field of fields.items) add(field.label, ...(field.options ?? []));
  // The product's features are named by whoever keeps the catalog ("Workflows").
  for (const feature of features.items) add(feature.label);
  const [themeIds] = await Promise.all([
    Promise.all(accountIds.map((id) => typedAboutAccount(api, id, add))),
    typedInNotifications(api, add),
  ]);
  const themes = new Set(themeIds.flat());
  if (highlight.theme) themes.add(highlight.theme.id);
  await typedThemeNames(api, themes, add);
  return [...typed];
}

const latin = /[A-Za-z]/;
const cyrillic = /[\u0400-\u04FF]/;

/** `value` as a pattern matching it whole: not inside a longer word of its own script. */
function wholePattern(value: string): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const edge = (char: string) =>
    latin.test(char) || /\d/.test(char)
      ? '[A-Za-z0-9]'
      : cyrillic.test(char)
        ? '[\\u0400-\\u04FF]'
        : null;
  const before = edge(value[0] ?? '');
  const after = edge(value.at(-1) ?? '');
  return new RegExp(
    `${before ? `(?<!${before})` : ''}${escaped}${after ? `(?!${after})` : ''}`,
    'g',
  );
}

/** Removes data from screen lines: each typed string (longest first) becomes ‹›. */
export function withoutData(lines: string[], typed: string[]): string[] {
  const patterns = typed
    .flatMap((value) => value.split('\n'))
    .map((value) => value.replace(/[ \t\r]+/g, ' ').trim())
    .filter((value) => value.length > 0)
    .sort((a, b) => b.length - a.length)
    .map(wholePattern);
  return lines.map((line) => patterns.reduce((rest, pattern) => rest.replace(pattern, '‹›'), line));
}

type Catalog = { readonly [key: string]: string | Catalog };

function sentences(catalog: Catalog): string[] {
  return Object.values(catalog).flatMap((value) =>
    typeof value === 'string' ? [value] : sentences(value),
  );
}

/** The server's catalogs and the web app's bundles, per language. */
async function catalogs(): Promise<Record<Reader, string[]>> {
  const folder = path.resolve(import.meta.dirname, '../../web/src/i18n');
  const files = (await readdir(folder)).filter((file) => /^(\w+\.)?(en|ru)\.ts$/.test(file));
  const found: Record<Reader, string[]> = {
    en: sentences(serverEn),
    ru: sentences(serverRu),
  };
  for (const file of files) {
    const language: Reader = file.endsWith('ru.ts') ? 'ru' : 'en';
    const bundle = (await import(path.join(folder, file))) as Record<string, Catalog>;
    for (const catalog of Object.values(bundle)) found[language].push(...sentences(catalog));
  }
  return found;
}

const word = /[A-Za-z][A-Za-z'’]*/g;
/** "Dec 3", "December 3": a month as Intl writes it in English. */
const englishDate = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b/;

/**
 * Single English words Steward writes in English only ("Healthy", "Overdue"): values of the
 * English catalogs that are one word, less every Latin word the Russian catalogs use too
 * (Enterprise, Slack, CSAT — kept as they are in Russian).
 */
export async function englishOnlyWords(): Promise<Set<string>> {
  const { en, ru } = await catalogs();
  const keptInRussian = new Set(ru.flatMap((text) => text.match(word) ?? []));
  return new Set(
    en
      .map((text) =>
        text
          .replace(/\{\{[^}]*\}\}/g, '')
          .replace(/[.,:;!?…]+$/, '')
          .trim(),
      )
      .filter((text) => /^[A-Za-z][A-Za-z'’]*$/.test(text) && !keptInRussian.has(text)),
  );
}

/**
 * Why a line (its data removed) is not in the reader's language, or null. In Russian: two or
 * more English words in a row (acronyms alone do not count), an English-only word of Steward's,
 * a date or time written the English way, a decimal point. In English: any Cyrillic, a Russian decimal comma or digit grouping. In both:
 * a date or time left in ISO form.
 */
export function foreignIn(line: string, reader: Reader, englishOnly: Set<string>): string | null {
  if (/\d{4}-\d{2}-\d{2}/.test(line)) return 'a date in ISO form';
  if (reader === 'en') {
    if (cyrillic.test(line)) return 'Russian';
    if (/\d\u00a0\d{3}/.test(line)) return 'a number grouped the Russian way';
    if (/\d,\d{1,2}(?!\d)/.test(line)) return 'a decimal comma';
    return null;
  }
  const runs = line.match(/[A-Za-z][A-Za-z'’]*(?:[ ,:;/-]+[A-Za-z][A-Za-z'’]*)+/g) ?? [];
  if (runs.some((run) => /[a-z]/.test(run))) return 'English words';
  const lone = (line.match(word) ?? []).find((w) => englishOnly.has(w));
  if (lone) return `the English word “${lone}”`;
  if (englishDate.test(line)) return 'a date written in English';
  if (/\d:\d{2}\s?[AP]M\b/.test(line)) return 'a time written in English';
  if (/\d\.\d/.test(line)) return 'a decimal point';
  return null;
}
