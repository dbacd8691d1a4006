// A labelled set of feedback, written by the Steward team the way customers and CSMs word it:
// recurring requests in several phrasings, in English and in Russian, and one-off remarks that
// belong to no theme. Each item carries the theme a person would put it in (a one-off has a
// label of its own). Theme detection is scored against it by the Adjusted Rand Index.

export type LabelledItem = { text: string; theme: string };

const theme = (name: string, texts: string[]): LabelledItem[] =>
  texts.map((text) => ({ text, theme: name }));

export const labelledFeedback: LabelledItem[] = [
  ...theme('export-excel', [
    'Please add export to Excel for the account list',
    'We need to download our reports as an xlsx file',
    'Can we get a CSV export of all tasks?',
    'Выгрузка в Excel очень нужна нашей бухгалтерии',
    'Хотим выгружать отчёты в эксель',
    'Нужен экспорт таблицы задач в CSV',
    'Exporting data to spreadsheets would save our finance team hours',
    'Дайте возможность скачать данные в формате xlsx',
  ]),
  ...theme('sso', [
    'We need SSO with Azure AD before we can roll out to the whole company',
    'Single sign-on via SAML is a must for our security team',
    'Our IT department requires SAML login',
    'Нужен единый вход через корпоративную учётную запись',
    'Поддержка SSO — обязательное требование нашей безопасности',
    'Когда будет SAML? Без него не можем подключить остальные отделы',
    'Please support sign-on through our identity provider',
  ]),
  ...theme('dark-mode', [
    'Dark mode please, our team works late at night',
    'Is a dark theme on the roadmap?',
    'The white screen is painful in the evening, we want a night mode',
    'Сделайте тёмную тему',
    'Нужен тёмный режим интерфейса, глаза устают',
    'Ночной режим был бы очень кстати',
  ]),
  ...theme('mobile', [
    'The mobile web version is clunky, I cannot update tasks on my phone',
    'We need a native iPhone app',
    'An Android app would help our field team',
    'Неудобно работать с телефона, нужна мобильная версия',
    'Хотим мобильное приложение для iOS',
    'Updating notes from my smartphone between meetings is hard',
  ]),
  ...theme('templates', [
    'Let us duplicate a project as a template',
    'I recreate the same onboarding project for every customer, templates would save days',
    'Project templates with the standard checklist',
    'Нужны шаблоны проектов, чтобы не создавать одно и то же',
    'Возможность клонировать проект вместе с задачами',
    'Хотим сохранить проект как шаблон и переиспользовать',
  ]),
  ...theme('slow-dashboard', [
    'The dashboard is really slow to load',
    'Pages take forever to open in the afternoon',
    'Performance of the reports page is terrible, it lags for seconds',
    'Всё очень медленно грузится',
    'Дашборд тормозит, когда много аккаунтов',
    'Интерфейс подвисает при открытии страницы клиента',
    'Everything feels sluggish since the last release',
  ]),
  ...theme('slack', [
    'Integrate with Slack so updates post to our channel',
    'Send alerts into Slack instead of e-mail',
    'Хотим получать уведомления в Slack',
    'Интеграция со Slack для нашей команды',
    'A Slack bot to ask about account status would be great',
  ]),
  ...theme('notification-overload', [
    'Too many notifications, I get pinged for every comment',
    'Notification overload — batch the low-priority ones into a digest',
    'Слишком много уведомлений, невозможно работать',
    'Оповещения сыплются на каждое изменение, хотим сводку раз в день',
    'I turned off alerts because of the noise and now miss escalations',
  ]),
  ...theme('permissions', [
    'We need granular permissions so contractors only see their projects',
    'Read-only role for our finance people',
    'Нужны роли и права доступа для подрядчиков',
    'Разграничение прав: менеджеры видят всё, исполнители только свои задачи',
    'Access control per project is missing',
  ]),
  ...theme('login-bug', [
    'Login fails with an error after the password reset',
    'I cannot sign in since this morning, it says invalid session',
    'Не могу войти в систему, пишет ошибку авторизации',
    'После смены пароля вход не работает',
    'Users get locked out after resetting their password',
  ]),
  ...theme('calendar', [
    'Sync meetings with Google Calendar',
    'Outlook calendar integration for QBR invites',
    'Хотим синхронизацию с календарём',
    'Встречи должны попадать в календарь Outlook автоматически',
    'Calendar sync for due dates would be useful',
  ]),
  ...theme('billing', [
    'We were charged twice on the last invoice',
    'The invoice shows the wrong number of seats',
    'Нам дважды списали оплату в этом месяце',
    'В счёте неправильная сумма, просим вернуть разницу',
    'Billing charged us after we cancelled the add-on',
  ]),
  ...theme('api-limits', [
    'The API rate limit is too low for our nightly sync',
    'We keep hitting 429 responses from the API',
    'Лимиты API слишком маленькие для нашей интеграции',
    'Please raise the API quota for enterprise plans',
  ]),
  ...theme('praise-support', [
    'Your support team is fantastic, thank you!',
    'Huge thanks to customer support for the quick fix',
    'Спасибо службе поддержки, ответили за пять минут',
    'Техподдержка у вас отличная',
  ]),
  ...theme('gantt', [
    'A Gantt chart view for project timelines',
    'We plan with Gantt diagrams and miss them here',
    'Нужна диаграмма Ганта для планирования',
    'Хотим видеть проект в виде диаграммы Ганта',
  ]),
  ...theme('time-tracking', [
    'Built-in time tracking on tasks',
    'Our consultants need timesheets to bill hours',
    'Учёт времени по задачам',
    'Нужен трекинг времени, сколько часов ушло на клиента',
  ]),
  ...theme('audit-log', [
    'Who changed this field? We need an audit log',
    'An activity log of changes for compliance',
    'Нужен журнал действий пользователей для аудита',
    'История изменений по аккаунту для службы безопасности',
  ]),
  ...theme('translation', [
    'Please translate the interface into Russian',
    'Our Moscow office needs the app in their language',
    'Нужна русская локализация интерфейса',
    'Переведите, пожалуйста, письма-уведомления на русский язык',
  ]),
  ...theme('sync-crm', [
    'Sync accounts with Salesforce both ways',
    'HubSpot integration to keep contacts up to date',
    'Нужна синхронизация с нашей CRM',
    'Контакты из amoCRM должны подтягиваться автоматически',
  ]),
  // One-offs: each its own theme.
  ...theme('one-off-1', ['Can we change the colour of the logo in the header?']),
  ...theme('one-off-2', ['The onboarding video had no subtitles']),
  ...theme('one-off-3', ['Добавьте эмодзи-реакции в комментарии']),
  ...theme('one-off-4', ['Our renewal contract needs a different legal entity name']),
  ...theme('one-off-5', ['Print-friendly view of the account summary']),
  ...theme('one-off-6', ['Хотелось бы настраивать часовой пояс для каждой команды отдельно']),
  ...theme('one-off-7', ['Recurring tasks every two weeks for check-ins']),
  ...theme('one-off-8', ['Загрузка вложений больше 25 МБ не проходит']),
  ...theme('one-off-9', ['Keyboard shortcuts to move between tasks']),
  ...theme('one-off-10', ['Можно ли архивировать старые проекты, не удаляя их?']),
  ...theme('one-off-11', ['The search does not find contacts by phone number']),
  ...theme('one-off-12', ['We love the new health score explanations']),
];
