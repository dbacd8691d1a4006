// Demo voice of the customer: about 200 things customers said over the year, in English and
// Russian — the same requests worded differently (single sign-on asked for by several clients
// this month), and one-off remarks — found into themes; NPS answers over the year with their
// detractors and the follow-ups their CSMs closed; and a roadmap whose dark mode shipped this
// week, so the demo CSM's inbox shows the task to tell the one client of theirs who asked.
import type { Deps } from '../context.ts';
import { fixedClock } from '../lib/clock.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import { createPlay } from '../modules/health/index.ts';
import { notifyAboutEvent } from '../modules/notify/index.ts';
import {
  createRoadmapItem,
  importFeedbackItems,
  recomputeThemes,
  recordResponse,
  shipRoadmapItem,
} from '../modules/voice/index.ts';
import { createTask } from '../modules/work/index.ts';
import { seededRandom, type Random } from './random.ts';

const dayMs = 24 * 3600_000;
const seed = 20_261_203;

type Request = {
  key: string;
  type: 'feature_request' | 'bug' | 'complaint' | 'praise' | 'question';
  en: string[];
  ru: string[];
};

/** What customers keep asking for, each worded several ways in each language. */
const requests: Request[] = [
  {
    key: 'sso',
    type: 'feature_request',
    en: [
      'We need SSO with Azure AD before the company-wide rollout',
      'Single sign-on through our identity provider is a must for security',
      'Do you support SAML? Our security policy requires it',
      'SSO please — IT will not approve one more set of credentials',
    ],
    ru: [
      'Нужен единый вход через корпоративную учётную запись',
      'Без SSO служба безопасности не согласует расширение',
      'Когда появится поддержка SAML?',
    ],
  },
  {
    key: 'export',
    type: 'feature_request',
    en: [
      'Export the account list to Excel',
      'We need a CSV export of tasks for finance',
      'Let us download reports as xlsx',
    ],
    ru: [
      'Выгрузка отчётов в Excel',
      'Нужен экспорт задач в CSV для бухгалтерии',
      'Хотим выгружать данные в эксель',
    ],
  },
  {
    key: 'dark',
    type: 'feature_request',
    en: ['Dark mode please', 'A dark theme for our late-night check-ins'],
    ru: ['Сделайте тёмную тему', 'Нужен ночной режим интерфейса'],
  },
  {
    key: 'mobile',
    type: 'feature_request',
    en: [
      'The mobile web is clunky; we need an iPhone app',
      'Updating tasks from my phone is painful',
    ],
    ru: ['Нужно мобильное приложение', 'С телефона неудобно обновлять задачи'],
  },
  {
    key: 'templates',
    type: 'feature_request',
    en: [
      'Let us duplicate a project as a template',
      'Project templates would save us days every quarter',
    ],
    ru: ['Нужны шаблоны проектов', 'Хотим клонировать проект со всеми задачами'],
  },
  {
    key: 'slack',
    type: 'feature_request',
    en: ['Post updates to our Slack channel', 'Slack alerts instead of e-mail'],
    ru: ['Уведомления в Slack', 'Интеграция со Slack для команды'],
  },
  {
    key: 'speed',
    type: 'complaint',
    en: ['The dashboard is really slow to load', 'Reports take forever to open in the afternoon'],
    ru: ['Дашборд тормозит', 'Всё очень медленно грузится'],
  },
  {
    key: 'permissions',
    type: 'feature_request',
    en: [
      'A read-only role for our finance people',
      'Granular permissions per project for contractors',
    ],
    ru: ['Нужны роли и права доступа', 'Разграничение прав для подрядчиков'],
  },
  {
    key: 'audit',
    type: 'feature_request',
    en: ['We need an audit log of changes', 'Who changed this field? An activity log, please'],
    ru: ['Нужен журнал действий пользователей', 'История изменений для аудита'],
  },
  {
    key: 'calendar',
    type: 'feature_request',
    en: ['Sync meetings with Google Calendar', 'Outlook calendar integration for QBR invites'],
    ru: ['Синхронизация встреч с календарём'],
  },
  {
    key: 'api',
    type: 'complaint',
    en: [
      'The API rate limit is too low for our nightly sync',
      'We keep hitting 429 responses from the API',
    ],
    ru: ['Лимиты API слишком маленькие для нашей интеграции'],
  },
  {
    key: 'billing',
    type: 'complaint',
    en: [
      'We were charged twice on the last invoice',
      'The invoice shows the wrong number of seats',
    ],
    ru: ['Нам дважды списали оплату'],
  },
  {
    key: 'login',
    type: 'bug',
    en: [
      'Login fails after a password reset',
      'Users get locked out after resetting their password',
    ],
    ru: ['Не могу войти после смены пароля'],
  },
  {
    key: 'praise',
    type: 'praise',
    en: ['Your support team is fantastic, thank you', 'Huge thanks to support for the quick fix'],
    ru: ['Спасибо службе поддержки, ответили за пять минут'],
  },
  {
    key: 'gantt',
    type: 'feature_request',
    en: ['A Gantt chart view for project plans'],
    ru: ['Нужна диаграмма Ганта для планирования'],
  },
  {
    key: 'crm',
    type: 'feature_request',
    en: ['Sync accounts with Salesforce both ways', 'HubSpot integration to keep contacts current'],
    ru: ['Нужна синхронизация с нашей CRM'],
  },
];

/** Said once, by one customer. */
const oneOffs = [
  'Can we change the colour of the logo in the header?',
  'The onboarding video had no subtitles',
  'Добавьте эмодзи-реакции в комментарии',
  'Our renewal contract needs a different legal entity name',
  'A print-friendly view of the account summary',
  'Хотелось бы настраивать часовой пояс для каждой команды отдельно',
  'Recurring tasks every two weeks for check-ins',
  'Загрузка вложений больше 25 МБ не проходит',
  'Keyboard shortcuts to move between tasks',
  'Можно ли архивировать старые проекты, не удаляя их?',
  'The search does not find contacts by phone number',
  'We love the new health score explanations',
  'Please add a fiscal-year setting for reports',
  'Is there a way to pin an account to the top of the list?',
  'Добавьте поле для ИНН в карточку клиента',
  'Could the weekly digest come on Mondays instead?',
  'Our champion left; how do we transfer ownership of the workspace?',
  'Subtasks should inherit the parent’s due date',
  'Нужна возможность оставлять голосовые заметки',
  'Show the renewal date in the page title',
  'Please support right-to-left languages for our Dubai office',
  'A kiosk mode for the office TV dashboard',
  'Можно ли экспортировать ленту событий клиента в PDF?',
  'Webhooks when a task is completed',
  'Bulk edit the owner of many accounts at once',
];

type DemoAccount = {
  id: string;
  name: string;
  ownerId: string | null;
  tier: string;
  contacts: { id: string; name: string }[];
  russian: boolean;
};

async function demoAccounts(deps: Deps, workspaceId: WorkspaceId, random: Random) {
  const accounts = await deps.db
    .selectFrom('accounts')
    .select(['id', 'name', 'owner_id', 'tier', 'stage'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where('stage', '<>', 'churned')
    .orderBy('name')
    .execute();
  const contacts = await deps.db
    .selectFrom('contacts')
    .select(['id', 'name', 'account_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
  return accounts.map((a): DemoAccount => ({
    id: a.id,
    name: a.name,
    ownerId: a.owner_id,
    tier: a.tier,
    contacts: contacts.filter((c) => c.account_id === a.id),
    // About a third of the customers write in Russian.
    russian: random.chance(0.35),
  }));
}

function pickFrom<T>(random: Random, items: readonly T[]): T {
  return random.pick(items);
}

/** ~200 items: recurring requests (single sign-on hot this month) and one-offs, over a year. */
function planFeedback(now: Date, random: Random, accounts: DemoAccount[], csmId: UserId) {
  const mine = accounts.filter((a) => a.ownerId === csmId);
  const items: {
    accountId: string;
    contactId: string | null;
    text: string;
    type: Request['type'];
    givenAt: Date;
    loggedBy: string | null;
    source: 'web' | 'timeline' | 'email' | 'slack';
  }[] = [];
  const say = (account: DemoAccount, request: Request, daysAgo: number) => {
    const contact = account.contacts.length > 0 ? pickFrom(random, account.contacts) : null;
    items.push({
      accountId: account.id,
      contactId: contact?.id ?? null,
      text: pickFrom(random, account.russian && request.ru.length > 0 ? request.ru : request.en),
      type: request.type,
      givenAt: new Date(now.getTime() - daysAgo * dayMs - random.int(0, 8) * 3600_000),
      loggedBy: account.ownerId,
      source: pickFrom(random, ['web', 'web', 'timeline', 'email', 'slack'] as const),
    });
  };
  const byKey = (key: string) => requests.find((r) => r.key === key) as Request;
  // Single sign-on: seven clients this month — two of them the demo CSM's.
  const sso = byKey('sso');
  for (const account of [
    ...mine.slice(0, 2),
    ...random.sample(
      accounts.filter((a) => !mine.includes(a)),
      5,
    ),
  ]) {
    say(account, sso, random.int(1, 27));
  }
  // Dark mode: asked over the year, by one of the demo CSM's clients among others.
  const dark = byKey('dark');
  say(mine[3] ?? (accounts[0] as DemoAccount), dark, random.int(40, 200));
  for (const account of random.sample(
    accounts.filter((a) => !mine.includes(a)),
    4,
  )) {
    say(account, dark, random.int(20, 330));
  }
  // Everything else over the year, a fifth of it this month; some themes louder than others.
  const loud = [
    'export',
    'export',
    'mobile',
    'speed',
    'templates',
    'permissions',
    'slack',
    'audit',
  ];
  const rest = requests.filter((r) => r.key !== 'sso' && r.key !== 'dark');
  while (items.length < 172) {
    const request = random.chance(0.45) ? byKey(pickFrom(random, loud)) : pickFrom(random, rest);
    const account = pickFrom(random, accounts);
    // The demo CSM's month is about single sign-on: their clients' other requests are older.
    const recent = random.chance(0.2) && !mine.includes(account);
    say(account, request, recent ? random.int(0, 29) : random.int(30, 364));
  }
  for (const text of oneOffs) {
    const account = pickFrom(random, accounts);
    items.push({
      accountId: account.id,
      contactId: null,
      text,
      type: text.includes('love') ? 'praise' : text.endsWith('?') ? 'question' : 'feature_request',
      givenAt: new Date(now.getTime() - random.int(2, 360) * dayMs),
      loggedBy: account.ownerId,
      source: 'web',
    });
  }
  return items;
}

const detractorSays = {
  en: [
    'Reports are too slow and exports keep failing',
    'We still have no SSO, IT is unhappy',
    'Too many notifications, my team ignores them',
  ],
  ru: [
    'Отчёты грузятся слишком долго',
    'До сих пор нет единого входа',
    'Слишком много уведомлений',
  ],
};
const promoterSays = {
  en: [
    'Templates saved us days this quarter',
    'Great support team',
    'The health score finally tells us why',
  ],
  ru: ['Шаблоны экономят нам много времени', 'Отличная поддержка'],
};

/** NPS over the year: accounts at risk answer lower; the demo CSM's detractors were followed up. */
async function seedNps(
  deps: Deps,
  workspaceId: WorkspaceId,
  random: Random,
  accounts: DemoAccount[],
) {
  const now = deps.clock.now();
  const atRisk = new Set(
    (
      await deps.db
        .selectFrom('health_scores')
        .select('account_id')
        .where('workspace_id', '=', workspaceId)
        .where('category', 'in', ['at_risk', 'critical'])
        .execute()
    ).map((r) => r.account_id),
  );
  const followUps: { account: DemoAccount; respondedAt: Date }[] = [];
  await deps.db.transaction().execute(async (trx) => {
    for (const account of accounts) {
      if (account.contacts.length === 0 || random.chance(0.35)) continue;
      const answers = random.int(1, 3);
      for (let n = 0; n < answers; n++) {
        // Never in the last week: this week's detractors would be today's work.
        const respondedAt = new Date(now.getTime() - random.int(8, 360) * dayMs);
        const risky = atRisk.has(account.id);
        const score = risky
          ? pickFrom(random, [2, 3, 4, 5, 6, 6, 7, 8])
          : pickFrom(random, [6, 7, 8, 8, 9, 9, 9, 10, 10, 10]);
        const words = account.russian ? 'ru' : 'en';
        const comment = random.chance(0.45)
          ? score <= 6
            ? pickFrom(random, detractorSays[words])
            : score >= 9
              ? pickFrom(random, promoterSays[words])
              : null
          : null;
        await recordResponse(
          trx,
          respondedAt,
          {
            workspaceId,
            accountId: account.id,
            contactId: pickFrom(random, account.contacts).id,
            kind: 'nps',
            score,
            comment,
            source: 'link',
            invitationId: null,
            respondedAt,
            createdBy: null,
          },
          { followUp: false },
        );
        if (score <= 6 && account.ownerId) followUps.push({ account, respondedAt });
      }
    }
  });
  // Each detractor was called back within a day by their CSM, who logged and closed it.
  for (const { account, respondedAt } of followUps) {
    const owner = account.ownerId as UserId;
    const at = new Date(respondedAt.getTime() + 3 * 3600_000);
    await createTask(
      deps.db,
      fixedClock(at),
      { workspaceId, userId: owner },
      { workspaceId, onlyOwner: null },
      {
        title: `Follow up on the NPS response — ${account.name}`,
        accountId: account.id,
        assigneeId: owner,
        priority: 'P1',
        tags: ['play'],
        status: 'done',
        dueAt: new Date(respondedAt.getTime() + dayMs).toISOString(),
      },
    );
  }
  return followUps.length;
}

async function themeOf(deps: Deps, workspaceId: WorkspaceId, texts: readonly string[]) {
  const row = await deps.db
    .selectFrom('feedback_items')
    .select('theme_id')
    .where('workspace_id', '=', workspaceId)
    .where('text', 'in', [...texts])
    .where('theme_id', 'is not', null)
    .groupBy('theme_id')
    .orderBy(deps.db.fn.countAll(), 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.theme_id ?? null;
}

const quarterOf = (date: Date, ahead = 0) => {
  const month = date.getUTCMonth() + ahead * 3;
  const year = date.getUTCFullYear() + Math.floor(month / 12);
  return `${year}-Q${Math.floor((month % 12) / 3) + 1}`;
};

async function seedRoadmap(deps: Deps, workspace: { id: WorkspaceId; managerId: UserId }) {
  const now = deps.clock.now();
  const manager = { workspaceId: workspace.id, userId: workspace.managerId, locale: 'en' as const };
  const everyone = { workspaceId: workspace.id, onlyOwner: null };
  const theme = async (key: string) => {
    const request = requests.find((r) => r.key === key) as Request;
    const id = await themeOf(deps, workspace.id, [...request.en, ...request.ru]);
    return id ? [id] : [];
  };
  const plan = [
    { title: 'Single sign-on (SAML, Azure AD, Okta)', key: 'sso', status: 'planned', ahead: 1 },
    { title: 'Export to Excel and CSV', key: 'export', status: 'in_progress', ahead: 0 },
    { title: 'Native mobile app', key: 'mobile', status: 'considering', ahead: 2 },
    { title: 'Audit log', key: 'audit', status: 'planned', ahead: 1 },
    { title: 'Dark mode', key: 'dark', status: 'in_progress', ahead: 0 },
  ] as const;
  let dark: string | undefined;
  for (const item of plan) {
    const created = await createRoadmapItem(deps, manager, everyone, {
      title: item.title,
      status: item.status,
      targetQuarter: quarterOf(now, item.ahead),
      themeIds: await theme(item.key),
      feedbackIds: [],
    });
    if (item.key === 'dark') dark = created.id;
  }
  if (!dark) return;
  // Shipped this week: each requesting client's CSM has a task to tell them.
  const shippedAt = new Date(now.getTime() - 2 * dayMs);
  const shipped = await shipRoadmapItem(
    { ...deps, clock: fixedClock(shippedAt) },
    manager,
    everyone,
    dark,
  );
  // Route now what the worker would route on its first run, so the inbox shows it at once.
  const taskIds = shipped.toldAccounts.flatMap((t) => (t.taskId ? [t.taskId] : []));
  if (taskIds.length === 0) return;
  const events = await deps.db
    .selectFrom('activity_events')
    .select(['id', 'occurred_at'])
    .where('workspace_id', '=', workspace.id)
    .where('task_id', 'in', taskIds)
    .execute();
  for (const event of events) {
    await notifyAboutEvent(
      { ...deps, clock: fixedClock(event.occurred_at) },
      { eventId: event.id },
    );
  }
}

export async function seedDemoVoice(
  deps: Deps,
  workspace: { id: WorkspaceId; managerId: UserId; demoCsmId: UserId },
): Promise<{ feedback: number; followUps: number }> {
  const random = seededRandom(seed);
  const now = deps.clock.now();
  const accounts = await demoAccounts(deps, workspace.id, random);
  const planned = planFeedback(now, random, accounts, workspace.demoCsmId);
  const feedback = await importFeedbackItems(
    deps.db,
    now,
    workspace.id,
    planned.map((item) => ({
      accountId: item.accountId,
      contactId: item.contactId,
      type: item.type,
      priority: 'medium',
      text: item.text,
      source: item.source,
      sourceRef: null,
      givenAt: item.givenAt,
      loggedBy: item.loggedBy as UserId | null,
    })),
  );
  await createPlay(
    deps.db,
    { workspaceId: workspace.id, userId: null },
    {
      name: 'Detractor follow-up',
      trigger: 'nps_detractor',
      daysBeforeRenewal: null,
      templateId: null,
      taskTitle: 'Follow up on the NPS response',
      assigneeRole: 'owner',
      dueInHours: 24,
      enabled: true,
    },
    now,
  );
  const followUps = await seedNps(deps, workspace.id, random, accounts);
  await recomputeThemes(deps, workspace.id);
  await seedRoadmap(deps, workspace);
  return { feedback, followUps };
}
