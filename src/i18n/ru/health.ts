// Здоровье по-русски: причина каждой оценки, факторы риска оттока и рекомендуемые действия,
// смены категории и запуски сценариев в истории аккаунта, и что не так со сценариями и моделями
// оценки.
import type { health as en } from '../en/health.ts';

export const health = {
  text: '{{text}}',
  category: {
    healthy: 'Здоров',
    at_risk: 'Под риском',
    critical: 'Критично',
    unscored: 'Нет оценки',
  },
  usage: {
    noData: 'Данных об использовании продукта ещё нет',
    noActiveUsers: 'За последние 30 дней активных пользователей не было',
    activeUsersFell:
      'Активных пользователей за 30 дней стало на {{pct}}% меньше ({{from}} → {{to}})',
    activeUsersRose:
      'Активных пользователей за 30 дней стало на {{pct}}% больше ({{from}} → {{to}})',
    fewSeatsActive_one: 'За 30 дней использовалось лишь {{active}} из {{count}} места ({{pct}}%)',
    fewSeatsActive_few: 'За 30 дней использовалось лишь {{active}} из {{count}} мест ({{pct}}%)',
    fewSeatsActive_many: 'За 30 дней использовалось лишь {{active}} из {{count}} мест ({{pct}}%)',
    fewSeatsActive_other: 'За 30 дней использовалось лишь {{active}} из {{count}} места ({{pct}}%)',
    active_one: 'За 30 дней {{count}} активный пользователь',
    active_few: 'За 30 дней {{count}} активных пользователя',
    active_many: 'За 30 дней {{count}} активных пользователей',
    active_other: 'За 30 дней {{count}} активного пользователя',
    activeOfSeats: 'Активных пользователей за 30 дней: {{count}}, мест по договору: {{seats}}',
    activeWithFeatures:
      'Активных пользователей за 30 дней: {{count}}; функций в работе: {{features}} из {{catalog}}',
    activeOfSeatsWithFeatures:
      'Активных пользователей за 30 дней: {{count}}, мест по договору: {{seats}}; функций в работе: {{features}} из {{catalog}}',
  },
  support: {
    noData: 'Обращений в поддержку ещё не поступало',
    urgentOpen_one: 'Открыто {{count}} срочное обращение',
    urgentOpen_few: 'Открыто {{count}} срочных обращения',
    urgentOpen_many: 'Открыто {{count}} срочных обращений',
    urgentOpen_other: 'Открыто {{count}} срочного обращения',
    lowCsat: 'CSAT {{csat}} из 5 по обращениям, решённым за 90 дней',
    noTickets: 'За 90 дней обращений не было',
    tickets_one: 'За 90 дней {{count}} обращение',
    tickets_few: 'За 90 дней {{count}} обращения',
    tickets_many: 'За 90 дней {{count}} обращений',
    tickets_other: 'За 90 дней {{count}} обращения',
    ticketsSevere: 'Обращений за 90 дней: {{count}}, из них важных или срочных: {{severe}}',
    ticketsCsat: 'Обращений за 90 дней: {{count}}; CSAT {{csat}} из 5',
    ticketsSevereCsat:
      'Обращений за 90 дней: {{count}}, из них важных или срочных: {{severe}}; CSAT {{csat}} из 5',
  },
  engagement: {
    noData: 'Ни касаний, ни контактов ещё нет',
    noTouchpoint: 'Касаний ещё не было',
    noTouchpointFor_one: 'Касаний нет уже {{count}} день',
    noTouchpointFor_few: 'Касаний нет уже {{count}} дня',
    noTouchpointFor_many: 'Касаний нет уже {{count}} дней',
    noTouchpointFor_other: 'Касаний нет уже {{count}} дня',
    noChampion: 'Среди контактов нет чемпиона',
    noMeeting: 'За 90 дней не было ни одной встречи',
    touchpoints_one: 'За 30 дней {{count}} касание, последнее — {{last}}',
    touchpoints_few: 'За 30 дней {{count}} касания, последнее — {{last}}',
    touchpoints_many: 'За 30 дней {{count}} касаний, последнее — {{last}}',
    touchpoints_other: 'За 30 дней {{count}} касания, последнее — {{last}}',
  },
  billing: {
    noData: 'Платёжных данных ещё нет',
    cancelled: 'Подписка отменена',
    unpaid_one: 'Не оплачен {{count}} неудавшийся платёж',
    unpaid_few: 'Не оплачены {{count}} неудавшихся платежа',
    unpaid_many: 'Не оплачены {{count}} неудавшихся платежей',
    unpaid_other: 'Не оплачены {{count}} неудавшегося платежа',
    downgraded_one: 'За 90 дней тариф понижали {{count}} раз',
    downgraded_few: 'За 90 дней тариф понижали {{count}} раза',
    downgraded_many: 'За 90 дней тариф понижали {{count}} раз',
    downgraded_other: 'За 90 дней тариф понижали {{count}} раза',
    recovered_one: 'За 90 дней не прошёл {{count}} платёж, позже он оплачен',
    recovered_few: 'За 90 дней не прошли {{count}} платежа, позже они оплачены',
    recovered_many: 'За 90 дней не прошли {{count}} платежей, позже они оплачены',
    recovered_other: 'За 90 дней не прошли {{count}} платежа, позже они оплачены',
    onTime: 'Платежи приходят вовремя, за 90 дней тариф не понижали',
  },
  outcomes: {
    noData: 'Онбординг, вехи и ключевые функции ещё не отслеживаются',
    overdue_one:
      'Просрочена {{count}} задача онбординга (выполнено {{done}} из {{due}} с наступившим сроком)',
    overdue_few:
      'Просрочены {{count}} задачи онбординга (выполнено {{done}} из {{due}} с наступившим сроком)',
    overdue_many:
      'Просрочено {{count}} задач онбординга (выполнено {{done}} из {{due}} с наступившим сроком)',
    overdue_other:
      'Просрочено {{count}} задачи онбординга (выполнено {{done}} из {{due}} с наступившим сроком)',
    firstValueNotReached: 'Веха первой ценности ещё не достигнута',
    valueFeaturesUnused: 'Ключевыми функциями 30 дней никто не пользовался',
    valueFeatureUsers_one: 'За 30 дней ключевыми функциями пользовался {{count}} человек',
    valueFeatureUsers_few: 'За 30 дней ключевыми функциями пользовались {{count}} человека',
    valueFeatureUsers_many: 'За 30 дней ключевыми функциями пользовались {{count}} человек',
    valueFeatureUsers_other: 'За 30 дней ключевыми функциями пользовались {{count}} человека',
    onTrack: 'Онбординг идёт по плану (выполнено {{done}} из {{due}} с наступившим сроком)',
    npsNegative_one: 'NPS {{nps}} по {{count}} ответу на опрос за 180 дней',
    npsNegative_few: 'NPS {{nps}} по {{count}} ответам на опрос за 180 дней',
    npsNegative_many: 'NPS {{nps}} по {{count}} ответам на опрос за 180 дней',
    npsNegative_other: 'NPS {{nps}} по {{count}} ответа на опрос за 180 дней',
  },
  factor: {
    fell_one: 'За 30 дней здоровье упало на {{count}} балл',
    fell_few: 'За 30 дней здоровье упало на {{count}} балла',
    fell_many: 'За 30 дней здоровье упало на {{count}} баллов',
    fell_other: 'За 30 дней здоровье упало на {{count}} балла',
    fellThisWeek_one: 'За 7 дней здоровье упало на {{count}} балл',
    fellThisWeek_few: 'За 7 дней здоровье упало на {{count}} балла',
    fellThisWeek_many: 'За 7 дней здоровье упало на {{count}} баллов',
    fellThisWeek_other: 'За 7 дней здоровье упало на {{count}} балла',
    renewalToday: 'Продление сегодня',
    renewalIn_one: 'До продления {{count}} день',
    renewalIn_few: 'До продления {{count}} дня',
    renewalIn_many: 'До продления {{count}} дней',
    renewalIn_other: 'До продления {{count}} дня',
  },
  action: {
    adoptionSession:
      'Проведите с руководителями команд сессию по внедрению и договоритесь о целях использования',
    reviewUrgentTickets:
      'Разберите открытые срочные обращения с поддержкой и согласуйте с клиентом сроки исправлений',
    reviewPoorlyRated:
      'Разберите обращения с низкой оценкой сначала с поддержкой, затем с клиентом',
    reviewTickets: 'Разберите недавние обращения с поддержкой и согласуйте исправления с клиентом',
    checkIn: 'Назначьте созвон с клиентом',
    findChampion: 'Найдите чемпиона среди сотрудников клиента',
    bookMeeting: 'Назначьте встречу с клиентом',
    settleUnpaid: 'Урегулируйте неоплаченные счета вместе с финансовым отделом и клиентом',
    askAboutDowngrade: 'Узнайте у клиента, почему он понизил тариф и что вернёт его к прежнему',
    talkAboutCancellation: 'Поговорите с клиентом об отмене подписки, пока она не вступила в силу',
    checkPaymentMethod: 'Проверьте способ оплаты с финансовым отделом клиента',
    unblockOnboarding: 'Разблокируйте просроченные задачи онбординга и подтвердите вехи успеха',
    reachFirstValue: 'Согласуйте с клиентом первую веху успеха и план, как её достичь',
    showValueFeatures:
      'Покажите команде клиента ключевые функции и договоритесь, кто будет ими пользоваться',
    followUpDetractors:
      'Свяжитесь с теми, кто поставил низкую оценку в опросе, и договоритесь, что изменит их мнение',
    confirmMilestones: 'Подтвердите с клиентом вехи успеха',
    startRenewal:
      'Уже сейчас начните разговор о продлении со спонсором со стороны руководства клиента',
    escalate: 'Эскалируйте вопрос руководителю CS и запланируйте звонок на уровне руководства',
  },
  timeline: {
    moved: 'Здоровье: {{from}} → {{to}} (оценка {{score}})',
    playRan: 'Сценарий «{{play}}» для {{account}} ({{trigger}}): {{opened}}',
  },
  play: {
    trigger: {
      entered_at_risk: 'переход в «Под риском»',
      entered_critical: 'переход в «Критично»',
      renewal_approaching: 'скоро продление',
      nps_detractor: 'низкая оценка в опросе NPS',
    },
    opened: {
      task: 'открыта задача',
      project: 'открыт проект',
    },
  },
  problem: {
    noPlay: 'Такого сценария нет.',
    play: 'Сценарий заполнен неверно.',
    scorecard: 'Модель оценки заполнена неверно.',
    trialScorecard: 'Пробная модель оценки заполнена неверно.',
    noTierScorecard: 'У этого сегмента нет своей модели оценки.',
  },
  field: {
    daysNeeded: 'плейбуку продления нужно число дней до него',
    daysOnlyRenewal: 'число дней до продления указывают только для плейбуков продления',
    taskOrTemplate: 'укажите задачу, которую открыть, или шаблон',
    noTemplate: 'такого шаблона нет',
    weightsSum: 'сумма весов должна быть 100 (сейчас {{sum}})',
    belowHealthy: 'должно быть меньше thresholds.healthyMin ({{healthyMin}})',
    owner: 'должно быть me или id пользователя',
    fromBeforeTo: 'должно быть раньше to',
  },
} satisfies Record<keyof typeof en, unknown>;
