// Уведомления, сводки, ответы в Slack и эскалации — по-русски (ключи как в ../en/notify.ts),
// и что с ними не так (`problem`).
import type { notify as en } from '../en/notify.ts';

export const notify = {
  text: '{{text}}',
  event: {
    taskCreated: '{{actor}}: новая задача «{{task}}» ({{account}})',
    taskUpdated: '{{actor}}: изменения в задаче «{{task}}» ({{account}})',
    taskAssigned: '{{actor}}: назначена задача «{{task}}» ({{account}})',
    taskCommented: '{{actor}}: комментарий к задаче «{{task}}» ({{account}})',
    mentioned: '{{actor}} упоминает вас в задаче «{{task}}» ({{account}})',
    accountUpdated: '{{actor}}: изменения в карточке клиента {{account}}',
    healthChanged: 'Изменилось здоровье клиента {{account}}',
    playOpened: 'Запущен сценарий для клиента {{account}}',
    slaWarning: 'Скоро нарушение SLA: «{{task}}» ({{account}}), правило «{{policy}}»',
    slaBreach: 'SLA нарушен: «{{task}}» ({{account}}), правило «{{policy}}»',
    escalation: 'Эскалация: «{{task}}» ({{account}}) нарушает «{{policy}}»',
    mentionEscalation: 'Эскалация: упоминание в задаче «{{task}}» ({{account}}) всё ещё без ответа',
  },
  detail: {
    breachAt: 'Нарушение наступит {{at}}',
  },
  group: {
    slaWarningProject_one:
      '{{account}}: {{count}} задача в «{{project}}» скоро нарушит «{{policy}}»',
    slaWarningProject_few:
      '{{account}}: {{count}} задачи в «{{project}}» скоро нарушат «{{policy}}»',
    slaWarningProject_many:
      '{{account}}: {{count}} задач в «{{project}}» скоро нарушат «{{policy}}»',
    slaWarningProject_other:
      '{{account}}: {{count}} задачи в «{{project}}» скоро нарушат «{{policy}}»',
    slaBreachProject_one: '{{account}}: {{count}} задача в «{{project}}» нарушила «{{policy}}»',
    slaBreachProject_few: '{{account}}: {{count}} задачи в «{{project}}» нарушили «{{policy}}»',
    slaBreachProject_many: '{{account}}: {{count}} задач в «{{project}}» нарушили «{{policy}}»',
    slaBreachProject_other: '{{account}}: {{count}} задачи в «{{project}}» нарушили «{{policy}}»',
    escalationProject_one:
      'Эскалация — {{account}}: {{count}} задача в «{{project}}» нарушила «{{policy}}»',
    escalationProject_few:
      'Эскалация — {{account}}: {{count}} задачи в «{{project}}» нарушили «{{policy}}»',
    escalationProject_many:
      'Эскалация — {{account}}: {{count}} задач в «{{project}}» нарушили «{{policy}}»',
    escalationProject_other:
      'Эскалация — {{account}}: {{count}} задачи в «{{project}}» нарушили «{{policy}}»',
    mentionEscalationProject_one:
      'Эскалация — {{account}}: {{count}} упоминание в «{{project}}» всё ещё без ответа',
    mentionEscalationProject_few:
      'Эскалация — {{account}}: {{count}} упоминания в «{{project}}» всё ещё без ответа',
    mentionEscalationProject_many:
      'Эскалация — {{account}}: {{count}} упоминаний в «{{project}}» всё ещё без ответа',
    mentionEscalationProject_other:
      'Эскалация — {{account}}: {{count}} упоминания в «{{project}}» всё ещё без ответа',
    slaWarningAccount_one: '{{account}}: {{count}} задача скоро нарушит «{{policy}}»',
    slaWarningAccount_few: '{{account}}: {{count}} задачи скоро нарушат «{{policy}}»',
    slaWarningAccount_many: '{{account}}: {{count}} задач скоро нарушат «{{policy}}»',
    slaWarningAccount_other: '{{account}}: {{count}} задачи скоро нарушат «{{policy}}»',
    slaBreachAccount_one: '{{account}}: {{count}} задача нарушила «{{policy}}»',
    slaBreachAccount_few: '{{account}}: {{count}} задачи нарушили «{{policy}}»',
    slaBreachAccount_many: '{{account}}: {{count}} задач нарушили «{{policy}}»',
    slaBreachAccount_other: '{{account}}: {{count}} задачи нарушили «{{policy}}»',
    escalationAccount_one: 'Эскалация — {{account}}: {{count}} задача нарушила «{{policy}}»',
    escalationAccount_few: 'Эскалация — {{account}}: {{count}} задачи нарушили «{{policy}}»',
    escalationAccount_many: 'Эскалация — {{account}}: {{count}} задач нарушили «{{policy}}»',
    escalationAccount_other: 'Эскалация — {{account}}: {{count}} задачи нарушили «{{policy}}»',
    mentionEscalationAccount_one:
      'Эскалация — {{account}}: {{count}} упоминание всё ещё без ответа',
    mentionEscalationAccount_few:
      'Эскалация — {{account}}: {{count}} упоминания всё ещё без ответа',
    mentionEscalationAccount_many:
      'Эскалация — {{account}}: {{count}} упоминаний всё ещё без ответа',
    mentionEscalationAccount_other:
      'Эскалация — {{account}}: {{count}} упоминания всё ещё без ответа',
  },
  digest: {
    subject_one: 'Сводка Steward за {{date}}: {{count}} событие',
    subject_few: 'Сводка Steward за {{date}}: {{count}} события',
    subject_many: 'Сводка Steward за {{date}}: {{count}} событий',
    subject_other: 'Сводка Steward за {{date}}: {{count}} события',
    greeting: 'Доброе утро, {{name}}.',
    otherAccount: 'Прочее',
    comments_one: '{{count}} комментарий к «{{task}}»',
    comments_few: '{{count}} комментария к «{{task}}»',
    comments_many: '{{count}} комментариев к «{{task}}»',
    comments_other: '{{count}} комментария к «{{task}}»',
    updates_one: '{{count}} изменение в «{{task}}»',
    updates_few: '{{count}} изменения в «{{task}}»',
    updates_many: '{{count}} изменений в «{{task}}»',
    updates_other: '{{count}} изменения в «{{task}}»',
    newTasks_one: '{{count}} новая задача: «{{task}}»',
    newTasks_few: '{{count}} новые задачи: «{{task}}»',
    newTasks_many: '{{count}} новых задач: «{{task}}»',
    newTasks_other: '{{count}} новой задачи: «{{task}}»',
    assignments_one: '{{count}} назначение в «{{task}}»',
    assignments_few: '{{count}} назначения в «{{task}}»',
    assignments_many: '{{count}} назначений в «{{task}}»',
    assignments_other: '{{count}} назначения в «{{task}}»',
    mentions_one: '{{count}} упоминание в «{{task}}»',
    mentions_few: '{{count}} упоминания в «{{task}}»',
    mentions_many: '{{count}} упоминаний в «{{task}}»',
    mentions_other: '{{count}} упоминания в «{{task}}»',
    repeated: '{{text}} (×{{count}})',
  },
  channel: {
    open: 'Открыть в Steward',
    subject: 'Steward',
  },
  slack: {
    usage: 'Как пользоваться: /steward <название клиента>',
    noMatch: 'Нет клиента, похожего на «{{name}}».',
    severalWorkspaces:
      'Это рабочее пространство Slack не привязано к Steward, а в Steward их несколько. Сначала привяжите свой аккаунт Slack: в Steward откройте «Настройки → Уведомления → Привязать Slack» и введите здесь команду, которую он покажет.',
    health: '*Здоровье:* {{score}}/100 ({{category}})',
    healthUnscored: '*Здоровье:* ещё не оценено',
    churnRisk: '*Риск оттока:* {{level}}',
    churnRiskUnassessed: '*Риск оттока:* ещё не оценён',
    renewal_one: '*Продление:* {{date}} (через {{count}} день)',
    renewal_few: '*Продление:* {{date}} (через {{count}} дня)',
    renewal_many: '*Продление:* {{date}} (через {{count}} дней)',
    renewal_other: '*Продление:* {{date}} (через {{count}} дня)',
    renewalPast_one: '*Продление:* {{date}} ({{count}} день назад)',
    renewalPast_few: '*Продление:* {{date}} ({{count}} дня назад)',
    renewalPast_many: '*Продление:* {{date}} ({{count}} дней назад)',
    renewalPast_other: '*Продление:* {{date}} ({{count}} дня назад)',
    renewalToday: '*Продление:* {{date}} (сегодня)',
    renewalNone: '*Продление:* дата не указана',
    escalations: '*Открытые эскалации:* {{tasks}}',
    escalationsNone: '*Открытые эскалации:* нет',
    otherTeam:
      'Это рабочее пространство Slack не то, которому отвечает Steward, поэтому ничего не сделано. Обратитесь к администратору Steward.',
    notConnected:
      'Steward ещё не подключён к этому рабочему пространству Slack. Сначала привяжите свой аккаунт Slack: в Steward откройте «Настройки → Уведомления → Привязать Slack» и введите здесь команду, которую он покажет.',
    link: {
      usage:
        'Чтобы привязать аккаунт Slack: в Steward откройте «Настройки → Уведомления → Привязать Slack», затем введите здесь /steward link <код>.',
      linked:
        'Готово: здесь Steward знает вас как {{name}} и отвечает на вашем языке и в вашем часовом поясе.',
      unknown:
        'Такого кода Steward не выдавал, или он уже использован. Начните привязку заново в Steward: «Настройки → Уведомления → Привязать Slack».',
      expired:
        'Срок действия кода истёк: код действует 10 минут. Начните привязку заново в Steward: «Настройки → Уведомления → Привязать Slack».',
      noMember: 'Slack не сообщил, какой вы участник, поэтому ничего не привязано.',
      taken:
        'Этот аккаунт Slack привязан к другому человеку в Steward. Он может отвязать его в своих настройках уведомлений; затем начните привязку заново.',
    },
    category: {
      healthy: 'здоров',
      atRisk: 'под угрозой',
      critical: 'критично',
    },
    risk: {
      low: 'низкий',
      medium: 'средний',
      high: 'высокий',
      critical: 'критический',
    },
  },
  problem: {
    noNotification: 'У вас нет такого уведомления.',
    noSlaPolicy: 'Такой SLA-политики нет.',
    slackNeedsPermission: 'Чтобы подключить Slack, нужно право «manage_api_tokens».',
    slackSignature: 'Подпись Slack недействительна.',
  },
  field: {
    timeZone: 'должен быть часовым поясом IANA',
    duration: 'должно быть целым числом минут, часов или дней (ISO 8601, например "PT2H")',
    workdayTime: 'должно быть временем суток, например "09:00"',
    quietTime: 'должно быть временем суток, например "22:00"',
    warnAt: 'должно быть между 0 и 1 (доля порога)',
    afterStart: 'должно быть позже начала',
    chainLoop: 'цепочка уже уведомляет {{person}}: цепочка не должна замыкаться',
    stepOrder: 'не может наступать раньше шага выше',
    quietHours: 'тихие часы должны заканчиваться не в то же время, когда начинаются',
    slackUrl: 'должно быть URL',
    slackWebhook: 'должно быть URL вебхука Slack (https://{{host}}/…)',
    slackWebhookOr: 'должно быть URL вебхука Slack (https://{{host}}/…) или адресом на {{hosts}}',
    slackMemberLinkOnly:
      'привязывается из Slack, а не вводится вручную: в «Настройки → Уведомления» нажмите «Привязать Slack», затем введите в Slack /steward link <код>',
  },
} satisfies Record<keyof typeof en, unknown>;
