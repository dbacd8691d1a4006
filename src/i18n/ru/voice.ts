// Голос клиента по-русски: названия тем, письма с опросом и запись опроса в ленте аккаунта,
// задача и письмо «сообщите клиенту», еженедельная сводка для продукта и ответы в Slack, и что
// не так с фидбэком, темами, дорожной картой и ссылками на опросы (`problem`, `field`).
export const voice = {
  theme: {
    unnamed: 'Разное',
  },
  timeline: {
    npsResponse: 'NPS {{score}} от {{contact}}',
    csatResponse: 'CSAT {{score}} из 5 от {{contact}}',
    aContact: 'контакта',
  },
  ship: {
    taskTitle: 'Сообщить {{account}}, что «{{title}}» уже доступно',
    draftGreeting: 'Здравствуйте, {{contact}}!',
    draftGreetingTeam: 'Здравствуйте, команда {{account}}!',
    draftShipped: 'Хорошая новость: «{{title}}» уже доступно.',
    draftAsked_one: 'Вы просили нас об этом:',
    draftAsked_few: 'Вы просили нас об этом {{count}} раза:',
    draftAsked_many: 'Вы просили нас об этом {{count}} раз:',
    draftAsked_other: 'Вы просили нас об этом {{count}} раза:',
    draftWhen: '{{date}}',
    draftLink: 'Подробности: {{link}}',
    draftThanks: 'Спасибо, что рассказываете, что вам нужно, — это повлияло на релиз.',
  },
  play: {
    detractorName: 'Ответ критикам NPS',
    detractorTask: 'Связаться по низкой оценке NPS',
  },
  survey: {
    subjectNps: 'Порекомендуете ли вы {{company}}?',
    subjectCsat: 'Насколько вы довольны {{company}}?',
    bodyNps:
      'Здравствуйте, {{contact}}!\n\nПо шкале от 0 до 10 — насколько вероятно, что вы порекомендуете {{company}} другу или коллеге? Это одно касание:\n\n{{link}}\n\nСсылка работает один раз и действует до {{expires}}.',
    bodyCsat:
      'Здравствуйте, {{contact}}!\n\nНасколько вы довольны {{company}} по шкале от 1 до 5? Это одно касание:\n\n{{link}}\n\nСсылка работает один раз и действует до {{expires}}.',
  },
  digest: {
    subject: 'О чём просили клиенты на этой неделе',
    body_one: 'Тема, которую клиенты поднимали чаще всего за 7 дней:\n{{lines}}',
    body_few: '{{count}} темы, которые клиенты поднимали чаще всего за 7 дней:\n{{lines}}',
    body_many: '{{count}} тем, которые клиенты поднимали чаще всего за 7 дней:\n{{lines}}',
    body_other: '{{count}} темы, которые клиенты поднимали чаще всего за 7 дней:\n{{lines}}',
    line_one: '• {{label}}: {{count}} аккаунт, ARR {{arr}}',
    line_few: '• {{label}}: {{count}} аккаунта, ARR {{arr}}',
    line_many: '• {{label}}: {{count}} аккаунтов, ARR {{arr}}',
    line_other: '• {{label}}: {{count}} аккаунта, ARR {{arr}}',
    none: 'За последние 7 дней нового фидбэка нет.',
  },
  slack: {
    usage: 'Как пользоваться: /steward feedback <название аккаунта> <что сказал клиент>',
    noAccount: 'Нет аккаунта, похожего на «{{name}}».',
    logged: 'Фидбэк для {{account}} записан: «{{text}}»',
  },
  problem: {
    noTheme: 'Такой темы нет.',
    noVisibleTheme: 'Нет такой темы с фидбэком, который вам виден.',
    noFeedback: 'Такого фидбэка нет.',
    noRoadmapItem: 'Такого пункта дорожной карты нет.',
    surveyThrottled: 'Слишком много запросов к опросу; попробуйте снова через несколько минут.',
    surveyLinkInvalid: 'Эта ссылка на опрос недействительна.',
    surveyAnswered: 'На этот опрос уже ответили. Спасибо!',
    surveyExpired: 'Срок действия этой ссылки на опрос истёк.',
    invalidRows_one:
      '{{count}} строка заполнена неверно; исправьте её или импортируйте остальные с skipInvalid.',
    invalidRows_few:
      '{{count}} строки заполнены неверно; исправьте их или импортируйте остальные с skipInvalid.',
    invalidRows_many:
      '{{count}} строк заполнены неверно; исправьте их или импортируйте остальные с skipInvalid.',
    invalidRows_other:
      '{{count}} строки заполнены неверно; исправьте их или импортируйте остальные с skipInvalid.',
  },
  field: {
    days30: 'число дней, например 30d',
    days365: 'число дней, например 365d',
    quarter: 'квартал, например 2027-Q1',
    noTheme: 'такой темы нет',
    mergeIntoItself: 'тему нельзя объединить с ней самой',
    notThemeItem: 'этого отзыва нет в теме',
    leaveOneItem: 'оставьте в теме хотя бы один отзыв',
    noFeedbackItem: 'такого отзыва нет',
    surveyLink: 'недействительная ссылка на опрос',
    linkUsed: 'уже использована',
    linkExpired: 'срок действия истёк',
    noContact: 'такого контакта нет',
    noContactOnAccount: 'у этого аккаунта нет такого контакта',
    csatScore: 'оценка CSAT — от 1 до 5',
    emptyFile: 'файл пустой',
    csv: 'файл не читается как CSV: {{reason}}',
    rowAccount: 'укажите аккаунт (внешний id или название)',
    atMost5000: 'не больше 5000 символов',
    wholeNumber: 'целое число',
    score0to10: 'от 0 до 10',
    chooseContact: 'выберите хотя бы один контакт',
    feedbackText: 'напишите, что сказал клиент',
    chooseItems: 'выберите отзывы, из которых состоит новая тема',
  },
};
