// What went wrong, said in the reader's language: every module's problem names its own case (the
// external id another account has, the status a task cannot move to, the survey link that is
// not valid), and a Russian reader reads that case in Russian — not the error code's general
// sentence, and not the English one. An English reader reads the same sentences as before.
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps();
const app = testApp(deps);

let russian: ApiClient;
let english: ApiClient;
let russianAdmin: ApiClient;
let englishAdmin: ApiClient;
let takenEmail: string;

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  const person = async (role: 'csm' | 'admin', locale: 'en' | 'ru') => {
    const user = await makeUser(deps.db, workspace.id, { role, locale });
    return { email: user.email, client: await signedIn(app, user.email, testPassword) };
  };
  const anna = await person('csm', 'ru');
  takenEmail = anna.email;
  russian = anna.client;
  english = (await person('csm', 'en')).client;
  russianAdmin = (await person('admin', 'ru')).client;
  englishAdmin = (await person('admin', 'en')).client;
  await english.POST('/api/v1/accounts', { body: { name: 'Acme', externalId: 'crm-7' } });
});

/** The detail someone signed out gets, by their browser's Accept-Language, with the same code. */
async function bothSignedOut(ask: (language: string) => Promise<Response> | Response) {
  const [inRussian, inEnglish] = await Promise.all(
    ['ru-RU,ru;q=0.9', 'en-GB,en;q=0.8'].map(async (language) => {
      const response = await ask(language);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      return (await response.json()) as { code: string; detail: string };
    }),
  );
  expect(inRussian?.code).toBe(inEnglish?.code);
  return { ru: inRussian?.detail, en: inEnglish?.detail };
}

/** The detail each reader gets for the same request, with the code they both get. */
async function bothReaders<T extends { error?: { code: string; detail: string } }>(
  ask: (client: ApiClient) => Promise<T>,
  clients: [ApiClient, ApiClient] = [russian, english],
) {
  const [inRussian, inEnglish] = await Promise.all(clients.map(ask));
  expect(inRussian?.error?.code).toBe(inEnglish?.error?.code);
  return { ru: inRussian?.error?.detail, en: inEnglish?.error?.detail };
}

describe('a problem names its own case in the reader’s language', () => {
  it('says which external id another account already has (accounts)', async () => {
    const detail = await bothReaders((client) =>
      client.POST('/api/v1/accounts', { body: { name: 'Acme again', externalId: 'crm-7' } }),
    );
    expect(detail).toEqual({
      ru: 'У другого аккаунта уже есть внешний id crm-7.',
      en: 'Another account has the external id crm-7.',
    });
  });

  it('says that a shared QBR link does not exist or was revoked (revenue)', async () => {
    const id = crypto.randomUUID();
    const detail = await bothReaders((client) =>
      client.DELETE('/api/v1/qbr-prep/links/{id}', { params: { path: { id } } }),
    );
    expect(detail).toEqual({
      ru: 'Такой ссылки нет, или её отозвали.',
      en: 'No such link, or it was revoked.',
    });
  });

  it('says that a notification is not one of yours (notify)', async () => {
    const id = crypto.randomUUID();
    const detail = await bothReaders((client) =>
      client.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }),
    );
    expect(detail).toEqual({
      ru: 'У вас нет такого уведомления.',
      en: 'No such notification of yours.',
    });
  });

  it('names the e-mail someone in the workspace already has (auth)', async () => {
    const detail = await bothReaders(
      (client) =>
        client.POST('/api/v1/users', {
          body: { email: takenEmail, name: 'Twin', role: 'csm', password: 'a long new password 1' },
        }),
      [russianAdmin, englishAdmin],
    );
    expect(detail).toEqual({
      ru: `Пользователь с e-mail ${takenEmail} уже есть.`,
      en: `A user with the e-mail ${takenEmail} exists already.`,
    });
  });

  it('tells someone signed out that their survey link is not valid (voice)', async () => {
    const detail = await bothSignedOut((language) =>
      app.request('/api/v1/public/surveys/not-a-survey-token', {
        headers: { 'accept-language': language },
      }),
    );
    expect(detail).toEqual({
      ru: 'Эта ссылка на опрос недействительна.',
      en: 'This survey link is not valid.',
    });
  });

  it('asks a Segment sender for a write key in its language (intake)', async () => {
    const detail = await bothSignedOut((language) =>
      app.request('/v1/batch', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language },
        body: JSON.stringify({ batch: [] }),
      }),
    );
    expect(detail).toEqual({
      ru: 'Передайте действующий ключ записи Steward как имя пользователя HTTP Basic (пароль пустой).',
      en: 'Send a live Steward write key as the HTTP Basic username (password empty).',
    });
  });

  it('says a list cursor is not one the server gave out (the API itself)', async () => {
    const detail = await bothReaders((client) =>
      client.GET('/api/v1/accounts', { params: { query: { cursor: 'not-a-cursor' } } }),
    );
    expect(detail).toEqual({
      ru: 'Этот курсор выдан не этим сервером; начните заново без него.',
      en: 'The cursor is not one this server gave out; start again without it.',
    });
  });

  it('names a task status in the reader’s words when a task cannot move to it (work)', async () => {
    const { data: account } = await english.POST('/api/v1/accounts', { body: { name: 'Birch' } });
    const accountId = account?.id ?? '';
    const { data: parent } = await english.POST('/api/v1/tasks', {
      body: { title: 'Onboard Birch', accountId },
    });
    await english.POST('/api/v1/tasks', {
      body: { title: 'Kick-off call', accountId, parentId: parent?.id ?? null },
    });
    const detail = await bothReaders(
      (client) =>
        client.PATCH('/api/v1/tasks/{id}', {
          params: { path: { id: parent?.id ?? '' } },
          body: { status: 'done' },
        }),
      [russianAdmin, englishAdmin],
    );
    expect(detail).toEqual({
      ru: 'Задачу нельзя перевести в статус «готово».',
      en: 'This task cannot move to done.',
    });
  });
});

describe('a field’s own rule in the reader’s language', () => {
  it('says what a domain and a custom field’s options must be, in Russian and in English', async () => {
    const fields = async (ask: (client: ApiClient) => Promise<{ error?: unknown }>) => {
      const [inRussian, inEnglish] = await Promise.all([ask(russianAdmin), ask(englishAdmin)]);
      const messages = (answer: { error?: unknown }) =>
        (answer.error as { errors?: { path: string; message: string }[] } | undefined)?.errors;
      return { ru: messages(inRussian), en: messages(inEnglish) };
    };
    const domain = await fields((client) =>
      client.POST('/api/v1/accounts', { body: { name: 'Cedar', domain: 'not a domain' } }),
    );
    expect(domain).toEqual({
      ru: [{ path: 'domain', message: 'должен быть доменом, например example.com' }],
      en: [{ path: 'domain', message: 'must be a domain such as example.com' }],
    });
    const options = await fields((client) =>
      client.POST('/api/v1/custom-fields', {
        body: { entity: 'account', key: 'region', label: 'Region', type: 'text', options: ['EU'] },
      }),
    );
    expect(options).toEqual({
      ru: [{ path: 'options', message: 'у поля типа text нет вариантов' }],
      en: [{ path: 'options', message: 'a text field has no options' }],
    });
  });
});

describe('a field’s problem a service names, in the reader’s language', () => {
  type Fields = { path: string; message: string }[] | undefined;
  const fieldsOf = (answer: { error?: unknown }) =>
    (answer.error as { errors?: Fields } | undefined)?.errors;
  async function bothFields(
    ask: (client: ApiClient) => Promise<{ error?: unknown }>,
    clients: [ApiClient, ApiClient] = [russian, english],
  ) {
    const [inRussian, inEnglish] = await Promise.all(clients.map(ask));
    return { ru: fieldsOf(inRussian ?? {}), en: fieldsOf(inEnglish ?? {}) };
  }

  it('says an owner is no active user here (accounts)', async () => {
    const fields = await bothFields((client) =>
      client.POST('/api/v1/accounts', {
        body: { name: 'Dogwood', ownerId: crypto.randomUUID() },
      }),
    );
    expect(fields).toEqual({
      ru: [
        {
          path: 'ownerId',
          message: 'в этом рабочем пространстве нет такого активного пользователя',
        },
      ],
      en: [{ path: 'ownerId', message: 'no such active user in this workspace' }],
    });
  });

  it('counts the open sub-tasks that keep a task from done, with Russian plurals (work)', async () => {
    const { data: account } = await english.POST('/api/v1/accounts', { body: { name: 'Elm' } });
    const accountId = account?.id ?? '';
    const { data: parent } = await english.POST('/api/v1/tasks', {
      body: { title: 'Onboard Elm', accountId },
    });
    for (const title of ['Kick-off call', 'Admin training', 'Data import', 'SSO', 'Go-live']) {
      await english.POST('/api/v1/tasks', {
        body: { title, accountId, parentId: parent?.id ?? null },
      });
    }
    const fields = await bothFields(
      (client) =>
        client.PATCH('/api/v1/tasks/{id}', {
          params: { path: { id: parent?.id ?? '' } },
          body: { status: 'done' },
        }),
      [russianAdmin, englishAdmin],
    );
    expect(fields).toEqual({
      ru: [{ path: 'status', message: 'не готовы 5 подзадач' }],
      en: [{ path: 'status', message: '5 sub-tasks are not done yet' }],
    });
  });

  it('says the current password given is not yours (auth)', async () => {
    const fields = await bothFields((client) =>
      client.POST('/api/v1/me/password', {
        body: { currentPassword: 'not my password at all', newPassword: 'a long new password 2' },
      }),
    );
    expect(fields).toEqual({
      ru: [{ path: 'currentPassword', message: 'это не ваш текущий пароль' }],
      en: [{ path: 'currentPassword', message: 'is not your current password' }],
    });
  });

  it('asks quiet hours to end at another time than they start (notify)', async () => {
    const fields = await bothFields((client) =>
      client.PUT('/api/v1/me/notification-preferences', {
        body: { quietHours: { start: '22:00', end: '22:00' } },
      }),
    );
    expect(fields).toEqual({
      ru: [
        {
          path: 'quietHours.end',
          message: 'тихие часы должны заканчиваться не в то же время, когда начинаются',
        },
      ],
      en: [
        { path: 'quietHours.end', message: 'quiet hours must end at another time than they start' },
      ],
    });
  });

  it('names the rule a portfolio filter breaks, the schema’s own (accounts)', async () => {
    const fields = await bothFields((client) =>
      client.GET('/api/v1/accounts', { params: { query: { renewalWithin: 'soon' } } }),
    );
    expect(fields?.en?.[0]?.message).toBe('must be a number of days such as 90d');
    expect(fields?.ru?.[0]?.message).toBe('должно быть числом дней, например 90d');
  });
});

describe('a request rule in our own words, in the reader’s language', () => {
  type Fields = { path: string; message: string }[] | undefined;
  /** The field errors each reader gets for the same request: Russian first, then English. */
  async function bothFields(
    ask: (client: ApiClient) => Promise<{ error?: unknown; response: Response }>,
    clients: [ApiClient, ApiClient] = [russian, english],
  ) {
    const answers = await Promise.all(clients.map(ask));
    for (const answer of answers) expect(answer.response.status).toBe(422);
    const [inRussian, inEnglish] = answers.map(
      (answer) => (answer.error as { errors?: Fields } | undefined)?.errors,
    );
    return { ru: inRussian, en: inEnglish };
  }
  const nobody = () => crypto.randomUUID();

  it('asks for a question, of at most 500 characters (assistant)', async () => {
    const empty = await bothFields((client) =>
      client.POST('/api/v1/assistant/query', { body: { q: '   ' } }),
    );
    expect(empty).toEqual({
      ru: [{ path: 'q', message: 'задайте вопрос' }],
      en: [{ path: 'q', message: 'ask a question' }],
    });
    const long = await bothFields((client) =>
      client.POST('/api/v1/assistant/query', { body: { q: 'renewals '.repeat(60) } }),
    );
    expect(long).toEqual({
      ru: [{ path: 'q', message: 'вопрос не длиннее 500 символов' }],
      en: [{ path: 'q', message: 'a question of at most 500 characters' }],
    });
  });

  it('names the day a follow-up question’s window must be (assistant)', async () => {
    const fields = await bothFields((client) =>
      client.POST('/api/v1/assistant/query', {
        body: {
          q: 'and for enterprise?',
          context: {
            intent: 'renewal_pipeline',
            params: { window: { from: '1 Dec', to: '2026-12-31' } },
          },
        },
      }),
    );
    expect(fields).toEqual({
      ru: [{ path: 'context.params.window.from', message: 'должно быть датой в виде ГГГГ-ММ-ДД' }],
      en: [{ path: 'context.params.window.from', message: 'must be YYYY-MM-DD' }],
    });
  });

  it('asks to write something in an empty comment or note (work, accounts)', async () => {
    const comment = await bothFields((client) =>
      client.POST('/api/v1/tasks/{id}/comments', {
        params: { path: { id: nobody() } },
        body: { body: '  ' },
      }),
    );
    expect(comment).toEqual({
      ru: [{ path: 'body', message: 'напишите что-нибудь' }],
      en: [{ path: 'body', message: 'write something' }],
    });
    const note = await bothFields((client) =>
      client.POST('/api/v1/accounts/{id}/timeline', {
        params: { path: { id: nobody() } },
        body: { kind: 'note', body: '' },
      }),
    );
    expect(note).toEqual(comment);
  });

  it('names the day and the renewal window health reads (health)', async () => {
    const day = await bothFields((client) =>
      client.GET('/api/v1/health/backtest', { params: { query: { from: '2026-1-1' } } }),
    );
    expect(day).toEqual({
      ru: [{ path: 'query.from', message: 'должно быть датой в виде ГГГГ-ММ-ДД' }],
      en: [{ path: 'query.from', message: 'must be YYYY-MM-DD' }],
    });
    const within = await bothFields((client) =>
      client.GET('/api/v1/churn-risk', { params: { query: { within: 'soon' } } }),
    );
    expect(within).toEqual({
      ru: [{ path: 'query.within', message: 'укажите quarter или число дней, например 90d' }],
      en: [{ path: 'query.within', message: 'use quarter or a number of days such as 90d' }],
    });
  });

  it('says how long a new password must be (auth)', async () => {
    const fields = await bothFields((client) =>
      client.POST('/api/v1/me/password', {
        body: { currentPassword: testPassword, newPassword: 'short' },
      }),
    );
    expect(fields).toEqual({
      ru: [{ path: 'newPassword', message: 'не короче 10 символов' }],
      en: [{ path: 'newPassword', message: 'must be at least 10 characters' }],
    });
  });

  it('says a portfolio sort is not one it knows (accounts)', async () => {
    const fields = await bothFields((client) =>
      client.GET('/api/v1/accounts', { params: { query: { sort: 'colour' } } }),
    );
    expect(fields).toEqual({
      ru: [{ path: 'query.sort', message: 'нет такой сортировки' }],
      en: [{ path: 'query.sort', message: 'unknown sort' }],
    });
  });

  it('says what an SLA policy’s durations, share and hours and quiet hours must be (notify)', async () => {
    const policy = await bothFields(
      (client) =>
        client.POST('/api/v1/sla-policies', {
          body: {
            name: 'P0 untouched',
            metric: 'untouchedFor',
            threshold: 'two hours',
            warnAt: 1.5,
            businessHours: { timezone: 'Europe/Berlin', days: [1], start: '07:5', end: '17:00' },
          },
        }),
      [russianAdmin, englishAdmin],
    );
    expect(policy).toEqual({
      ru: [
        {
          path: 'threshold',
          message: 'должно быть целым числом минут, часов или дней (ISO 8601, например "PT2H")',
        },
        { path: 'warnAt', message: 'должно быть между 0 и 1 (доля порога)' },
        { path: 'businessHours.start', message: 'должно быть временем суток, например "09:00"' },
      ],
      en: [
        {
          path: 'threshold',
          message: 'must be a whole number of minutes, hours or days (ISO 8601, such as "PT2H")',
        },
        { path: 'warnAt', message: 'must be between 0 and 1 (a share of the threshold)' },
        { path: 'businessHours.start', message: 'must be a time of day such as "09:00"' },
      ],
    });
    const quiet = await bothFields((client) =>
      client.PUT('/api/v1/me/notification-preferences', {
        body: { quietHours: { start: '22:00', end: '7' } },
      }),
    );
    expect(quiet).toEqual({
      ru: [{ path: 'quietHours.end', message: 'должно быть временем суток, например "22:00"' }],
      en: [{ path: 'quietHours.end', message: 'must be a time of day such as "22:00"' }],
    });
  });

  it('asks for each event once in a webhook subscription (webhooks)', async () => {
    const fields = await bothFields(
      (client) =>
        client.POST('/api/v1/webhook-subscriptions', {
          body: {
            url: 'https://hooks.example.com/steward',
            events: ['task.completed', 'task.completed'],
          },
        }),
      [russianAdmin, englishAdmin],
    );
    expect(fields).toEqual({
      ru: [{ path: 'events', message: 'Каждое событие можно указать только один раз.' }],
      en: [{ path: 'events', message: 'Each event once.' }],
    });
  });

  it('asks a bulk upsert for each row’s external id and a day as YYYY-MM-DD (intake)', async () => {
    const fields = await bothFields(
      (client) =>
        client.POST('/api/v1/bulk-upsert', {
          body: {
            accounts: [
              { externalId: ' ', name: 'Nameless id' },
              { externalId: 'crm-90', name: 'Fir', renewalDate: '31.03.2027' },
            ],
          },
        }),
      [russianAdmin, englishAdmin],
    );
    expect(fields).toEqual({
      ru: [
        { path: 'accounts.0.externalId', message: 'обязательное поле' },
        { path: 'accounts.1.renewalDate', message: 'нужна дата в виде ГГГГ-ММ-ДД' },
      ],
      en: [
        { path: 'accounts.0.externalId', message: 'is required' },
        { path: 'accounts.1.renewalDate', message: 'must be a date as YYYY-MM-DD' },
      ],
    });
  });
});
