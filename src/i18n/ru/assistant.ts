// «Спросить Steward» по-русски: ответ на каждый вопрос, что сказать, когда ответить нельзя,
// и пример вопроса для каждого намерения (подсказки и быстрые действия).
export const assistant = {
  unknown: 'Не уверен, что вы имеете в виду. Может быть, один из этих вопросов?',
  notAllowed: 'У вас нет доступа к разделу «{{topic}}»: нужно право «{{permission}}».',
  notYet: 'На вопрос о разделе «{{topic}}» пока нельзя ответить: этих данных в Steward ещё нет.',
  ownOnly: 'Вам видны только ваши клиенты, поэтому ответ — о них.',
  otherOwner: 'Вам видны только ваши клиенты, а не клиенты {{name}}.',
  accountNotVisible: 'Этого клиента нет среди тех, кто вам доступен.',
  field: {
    question: 'задайте вопрос',
    questionTooLong_one: 'вопрос не длиннее {{count}} символа',
    questionTooLong_few: 'вопрос не длиннее {{count}} символов',
    questionTooLong_many: 'вопрос не длиннее {{count}} символов',
    questionTooLong_other: 'вопрос не длиннее {{count}} символа',
  },
  levels: {
    low: 'низкий',
    medium: 'средний',
    high: 'высокий',
    critical: 'критический',
  },
  topics: {
    client_health: 'здоровье клиентов',
    declining_adoption: 'падение использования',
    churn_risk: 'риск оттока',
    engagement_trends: 'динамика вовлечённости',
    product_adoption: 'использование продукта',
    renewal_pipeline: 'продления',
    expansion_opportunities: 'возможности расширения',
    premium_upgrades: 'переход на премиум',
    revenue_metrics: 'метрики выручки',
    nps_feedback: 'NPS и отзывы',
    qbr_due: 'бизнес-встречи',
    top_feature_requests: 'запросы функций',
    schedule_qbr: 'планирование встреч',
    upcoming_meetings: 'встречи в календаре',
    product_roadmap: 'дорожная карта продукта',
    account_lookup: 'клиенты',
    my_tasks: 'задачи',
    escalations: 'эскалации',
  },
  examples: {
    client_health: 'Покажи здоровье моих клиентов',
    declining_adoption: 'У каких клиентов падает использование продукта?',
    churn_risk: 'Какие клиенты под риском оттока в этом квартале?',
    engagement_trends: 'Сравни вовлечённость клиентов месяц к месяцу',
    product_adoption: 'Покажи метрики использования продукта и функций',
    renewal_pipeline: 'Какие продления в ближайшие 90 дней?',
    expansion_opportunities: 'Найди возможности для допродаж',
    premium_upgrades: 'Кто из клиентов готов перейти на премиум?',
    revenue_metrics: 'Покажи удержание выручки и метрики расширения',
    nps_feedback: 'Покажи последние отзывы клиентов и NPS',
    qbr_due: 'Каким клиентам нужна бизнес-встреча?',
    top_feature_requests: 'Какие функции клиенты запрашивают чаще всего?',
    schedule_qbr: 'Запланируй квартальные бизнес-встречи с ключевыми клиентами',
    upcoming_meetings: 'Какие у меня встречи на следующей неделе?',
    product_roadmap: 'Покажи дорожную карту продукта',
    account_lookup: 'Расскажи про моего крупнейшего клиента',
    my_tasks: 'Мои задачи на сегодня',
    escalations: 'Покажи эскалации',
  },
  health: {
    summary_one: 'Под риском или в критическом состоянии {{count}} из {{total}} клиентов.',
    summary_few: 'Под риском или в критическом состоянии {{count}} из {{total}} клиентов.',
    summary_many: 'Под риском или в критическом состоянии {{count}} из {{total}} клиентов.',
    summary_other: 'Под риском или в критическом состоянии {{count}} из {{total}} клиентов.',
    calm_one: 'Под риском нет никого: здесь {{count}} клиент.',
    calm_few: 'Под риском нет никого из {{count}} клиентов.',
    calm_many: 'Под риском нет никого из {{count}} клиентов.',
    calm_other: 'Под риском нет никого из {{count}} клиентов.',
    fell_one: '{{name}}: минус {{count}} балл за неделю.',
    fell_few: '{{name}}: минус {{count}} балла за неделю.',
    fell_many: '{{name}}: минус {{count}} баллов за неделю.',
    fell_other: '{{name}}: минус {{count}} балла за неделю.',
    empty: 'Здесь пока нет клиентов.',
  },
  churn: {
    summary_one: 'Под риском оттока {{count}} клиент (ARR {{arr}}).',
    summary_few: 'Под риском оттока {{count}} клиента (ARR {{arr}}).',
    summary_many: 'Под риском оттока {{count}} клиентов (ARR {{arr}}).',
    summary_other: 'Под риском оттока {{count}} клиента (ARR {{arr}}).',
    first: 'Первым делом — {{name}}: риск {{level}}, продление {{date}}.',
    firstNoRenewal: 'Первым делом — {{name}}: риск {{level}}.',
    calm: 'Под риском оттока здесь нет никого.',
  },
  declining: {
    summary_one: 'Использование продукта падает у {{count}} из {{total}} клиентов.',
    summary_few: 'Использование продукта падает у {{count}} из {{total}} клиентов.',
    summary_many: 'Использование продукта падает у {{count}} из {{total}} клиентов.',
    summary_other: 'Использование продукта падает у {{count}} из {{total}} клиентов.',
    steepest: 'У {{name}} активных пользователей стало на {{pct}}% меньше за месяц.',
    calm: 'Ни у одного из {{total}} клиентов использование не падает.',
  },
  engagement: {
    summary:
      'Месяц к месяцу: растут {{growing}}, стабильны {{stable}}, снижаются {{declining}} клиентов.',
    leader: 'Больше всех вырос {{name}} (активных пользователей +{{pct}}%).',
  },
  adoption: {
    summary_one: '{{count}} клиент, {{users}} активных пользователей за 30 дней.',
    summary_few: '{{count}} клиента, {{users}} активных пользователей за 30 дней.',
    summary_many: '{{count}} клиентов, {{users}} активных пользователей за 30 дней.',
    summary_other: '{{count}} клиента, {{users}} активных пользователей за 30 дней.',
    topFeature: 'Функцией «{{feature}}» пользуются {{pct}}% из них.',
    timeToValue: 'Медианное время до ценности: {{days}} дн.',
  },
  account: {
    summary: '{{name}}: здоровье {{score}} ({{category}}), ARR {{arr}}, продление {{date}}.',
    summaryNoRenewal: '{{name}}: здоровье {{score}} ({{category}}), ARR {{arr}}.',
    unscored: '{{name}}: ещё не оценён, ARR {{arr}}.',
  },
  tasks: {
    summary_one: 'У вас {{count}} открытая задача: просрочено {{overdue}}, на сегодня {{today}}.',
    summary_few: 'У вас {{count}} открытые задачи: просрочено {{overdue}}, на сегодня {{today}}.',
    summary_many: 'У вас {{count}} открытых задач: просрочено {{overdue}}, на сегодня {{today}}.',
    summary_other: 'У вас {{count}} открытой задачи: просрочено {{overdue}}, на сегодня {{today}}.',
    calm: 'Открытых задач нет.',
    draft: 'Добавить задачу «{{title}}» со сроком {{due}}? Без подтверждения ничего не сохранится.',
    draftNoDate: 'Добавить задачу «{{title}}»? Без подтверждения ничего не сохранится.',
  },
  escalations: {
    summary_one: '{{count}} эскалация; последняя — «{{task}}» у {{account}}.',
    summary_few: '{{count}} эскалации; последняя — «{{task}}» у {{account}}.',
    summary_many: '{{count}} эскалаций; последняя — «{{task}}» у {{account}}.',
    summary_other: '{{count}} эскалации; последняя — «{{task}}» у {{account}}.',
    calm: 'Эскалаций нет.',
  },
  renewals: {
    summary_one:
      'С {{from}} по {{to}} продлевается {{count}} клиент: ARR {{arr}}, прогноз {{forecast}}.',
    summary_few:
      'С {{from}} по {{to}} продлеваются {{count}} клиента: ARR {{arr}}, прогноз {{forecast}}.',
    summary_many:
      'С {{from}} по {{to}} продлеваются {{count}} клиентов: ARR {{arr}}, прогноз {{forecast}}.',
    summary_other:
      'С {{from}} по {{to}} продлеваются {{count}} клиента: ARR {{arr}}, прогноз {{forecast}}.',
    atRisk: 'Из них под риском {{arr}}.',
    calm: 'С {{from}} по {{to}} никто не продлевается.',
  },
  expansion: {
    summary_one: 'Потенциал роста у {{count}} клиента, примерно {{arr}} ARR.',
    summary_few: 'Потенциал роста у {{count}} клиентов, примерно {{arr}} ARR.',
    summary_many: 'Потенциал роста у {{count}} клиентов, примерно {{arr}} ARR.',
    summary_other: 'Потенциал роста у {{count}} клиента, примерно {{arr}} ARR.',
    largest: 'Самая крупная возможность — {{name}}.',
    calm: 'Сейчас ни у одного клиента нет сигналов расширения.',
  },
  premium: {
    summary_one:
      '{{count}} клиент пользуется премиум-функциями без премиум-тарифа (примерно {{arr}} ARR).',
    summary_few:
      '{{count}} клиента пользуются премиум-функциями без премиум-тарифа (примерно {{arr}} ARR).',
    summary_many:
      '{{count}} клиентов пользуются премиум-функциями без премиум-тарифа (примерно {{arr}} ARR).',
    summary_other:
      '{{count}} клиента пользуются премиум-функциями без премиум-тарифа (примерно {{arr}} ARR).',
    calm: 'Никто без премиум-тарифа не пользуется премиум-функциями.',
  },
  metrics: {
    summary: '{{period}}: ARR {{arr}}, NRR {{nrr}}, GRR {{grr}}, MRR расширения {{expansion}}.',
  },
  nps: {
    summary_one:
      'NPS {{nps}} по {{count}} ответу: промоутеров {{promoters}}, критиков {{detractors}}.',
    summary_few:
      'NPS {{nps}} по {{count}} ответам: промоутеров {{promoters}}, критиков {{detractors}}.',
    summary_many:
      'NPS {{nps}} по {{count}} ответам: промоутеров {{promoters}}, критиков {{detractors}}.',
    summary_other:
      'NPS {{nps}} по {{count}} ответа: промоутеров {{promoters}}, критиков {{detractors}}.',
    lowest: 'Ниже всех — {{name}} ({{nps}}).',
    calm: 'За этот период ответов NPS нет.',
  },
  requests: {
    summary_one: 'Чаще всего просят «{{label}}»: {{count}} клиент (ARR {{arr}}).',
    summary_few: 'Чаще всего просят «{{label}}»: {{count}} клиента (ARR {{arr}}).',
    summary_many: 'Чаще всего просят «{{label}}»: {{count}} клиентов (ARR {{arr}}).',
    summary_other: 'Чаще всего просят «{{label}}»: {{count}} клиента (ARR {{arr}}).',
    calm: 'За этот период запросов функций нет.',
  },
  roadmap: {
    summary_one:
      'В дорожной карте {{count}} пункт; следующий — {{title}}, его ждут клиентов: {{accounts}}.',
    summary_few:
      'В дорожной карте {{count}} пункта; следующий — {{title}}, его ждут клиентов: {{accounts}}.',
    summary_many:
      'В дорожной карте {{count}} пунктов; следующий — {{title}}, его ждут клиентов: {{accounts}}.',
    summary_other:
      'В дорожной карте {{count}} пункта; следующий — {{title}}, его ждут клиентов: {{accounts}}.',
    allShipped_one: 'В дорожной карте {{count}} пункт, он уже выпущен.',
    allShipped_few: 'В дорожной карте {{count}} пункта, все уже выпущены.',
    allShipped_many: 'В дорожной карте {{count}} пунктов, все уже выпущены.',
    allShipped_other: 'В дорожной карте {{count}} пункта, все уже выпущены.',
    calm: 'На этот период в дорожной карте ничего нет.',
  },
  meetings: {
    summary_one: 'С {{from}} по {{to}} — {{count}} встреча.',
    summary_few: 'С {{from}} по {{to}} — {{count}} встречи.',
    summary_many: 'С {{from}} по {{to}} — {{count}} встреч.',
    summary_other: 'С {{from}} по {{to}} — {{count}} встречи.',
    summaryDay_one: '{{day}} — {{count}} встреча.',
    summaryDay_few: '{{day}} — {{count}} встречи.',
    summaryDay_many: '{{day}} — {{count}} встреч.',
    summaryDay_other: '{{day}} — {{count}} встречи.',
    first: 'Первая — «{{title}}» с {{account}}, {{when}}.',
    none: 'С {{from}} по {{to}} встреч нет.',
    noneDay: 'На {{day}} встреч нет.',
  },
  qbr: {
    summary_one: 'Бизнес-встреча нужна {{count}} клиенту.',
    summary_few: 'Бизнес-встреча нужна {{count}} клиентам.',
    summary_many: 'Бизнес-встреча нужна {{count}} клиентам.',
    summary_other: 'Бизнес-встреча нужна {{count}} клиента.',
    first: 'Дольше всех ждёт {{name}}: просрочено на {{days}} дн.',
    calm: 'У всех клиентов с графиком встреч всё по плану.',
  },
  meeting: {
    title: 'QBR с {{name}}',
    one: 'Запланировать QBR с {{name}} на {{when}}? Без подтверждения ничего не будет назначено.',
    many_one:
      'QBR нужен {{count}} ключевому клиенту: вот предложенное время. Без подтверждения ничего не будет назначено.',
    many_few:
      'QBR нужен {{count}} ключевым клиентам: вот предложенное время. Без подтверждения ничего не будет назначено.',
    many_many:
      'QBR нужен {{count}} ключевым клиентам: вот предложенное время. Без подтверждения ничего не будет назначено.',
    many_other:
      'QBR нужен {{count}} ключевого клиента: вот предложенное время. Без подтверждения ничего не будет назначено.',
    none: 'Сейчас ни одному ключевому клиенту не нужен QBR.',
  },
};
