// Приём данных по-русски: что не так с событиями Stripe, тикетами службы поддержки, сообщениями
// Segment и CSV-файлами.
import type { intake as en } from '../en/intake.ts';

export const intake = {
  problem: {
    notJson: 'Тело запроса — не корректный JSON.',
    stripeHeaderMissing: 'Нет заголовка Stripe-Signature.',
    stripeHeaderIncomplete: 'В заголовке Stripe-Signature нет метки времени или подписи v1.',
    staleSignature_one:
      'Метка времени подписи отстоит от текущего момента больше чем на {{count}} секунду.',
    staleSignature_few:
      'Метка времени подписи отстоит от текущего момента больше чем на {{count}} секунды.',
    staleSignature_many:
      'Метка времени подписи отстоит от текущего момента больше чем на {{count}} секунд.',
    staleSignature_other:
      'Метка времени подписи отстоит от текущего момента больше чем на {{count}} секунды.',
    stripeNoMatch: 'Ни одна подпись не совпадает с настроенными секретами вебхука Stripe.',
    noWorkspace: 'Нет рабочего пространства, которое принимало бы события.',
    notStripeEvent: 'Тело запроса — не событие Stripe, которое Steward может прочитать.',
    supportSignature:
      'X-Steward-Signature должен иметь вид t=<секунды Unix>,v1=<hex HMAC-SHA256 от "<t>.<body>"> с действующим секретом поддержки.',
    notTicket:
      'Тело запроса — ни тикет Zendesk, ни обычный тикет, который Steward может прочитать.',
    noWebhookSecret: 'Такого секрета вебхука нет.',
    noWriteKey: 'Такого ключа записи нет.',
    writeKeyNeeded:
      'Передайте действующий ключ записи Steward как имя пользователя HTTP Basic (пароль пустой).',
    requestTooLarge: 'Запрос больше {{bytes}} байт.',
    noValidMessages: 'Это не корректные сообщения Segment; ни одно не принято.',
    someMessagesLeftOut:
      'Сохранено сообщений: {{stored}}; не прошли проверку и пропущены: {{left}}.',
    featureKeyTaken: 'Функция с ключом {{key}} уже есть.',
    noReviewItem: 'Среди доставок, ждущих разбора, нет такой.',
    keptEventUnreadable: 'Сохранённое событие больше не читается.',
    keptTicketUnreadable: 'Сохранённый тикет больше не читается.',
    sendCsv: 'Отправьте файл как text/csv.',
    // После «нет» — родительный падеж: «нет столбца currency», «нет столбцов currency, seats».
    missingColumns_one:
      'В заголовке нет столбца {{columns}}: первая строка должна называть столбцы.',
    missingColumns_few:
      'В заголовке нет столбцов {{columns}}: первая строка должна называть столбцы.',
    missingColumns_many:
      'В заголовке нет столбцов {{columns}}: первая строка должна называть столбцы.',
    missingColumns_other:
      'В заголовке нет столбцов {{columns}}: первая строка должна называть столбцы.',
    // Всегда не меньше двух: названные столбцы и ещё mrr или arr.
    missingColumnsAndAmount:
      'В заголовке нет столбцов {{columns}}, а также mrr или arr: первая строка должна называть столбцы.',
    missingAmountColumn:
      'В заголовке нет столбца mrr или arr: первая строка должна называть столбцы.',
    emptyFile: 'Файл пустой.',
    emptyCsv: 'Файл пустой: CSV-файл начинается с заголовка.',
    binaryFile: 'Это не CSV-файл: в нём двоичные данные.',
    noHeader: 'Первая строка файла — не заголовок.',
    duplicateColumn: 'Столбец «{{column}}» встречается в заголовке дважды.',
    mappingMisfit: 'Сопоставление столбцов не подходит для этого импорта.',
    mappingUnreadable: 'Не удалось прочитать сопоставление столбцов.',
    duplicateExternalId: 'Внешний id встречается в одном списке дважды; ничего не записано.',
    noImport: 'Такого импорта нет.',
    importTooLarge: 'Файл импорта может быть не больше 50 МБ.',
    contractRows_one:
      '{{count}} строка заполнена неверно; ничего не импортировано. Исправьте её или импортируйте остальные с skipInvalid=true.',
    contractRows_few:
      '{{count}} строки заполнены неверно; ничего не импортировано. Исправьте их или импортируйте остальные с skipInvalid=true.',
    contractRows_many:
      '{{count}} строк заполнены неверно; ничего не импортировано. Исправьте их или импортируйте остальные с skipInvalid=true.',
    contractRows_other:
      '{{count}} строки заполнены неверно; ничего не импортировано. Исправьте их или импортируйте остальные с skipInvalid=true.',
    upsertRows_one: '{{count}} строка заполнена неверно; ничего не записано.',
    upsertRows_few: '{{count}} строки заполнены неверно; ничего не записано.',
    upsertRows_many: '{{count}} строк заполнены неверно; ничего не записано.',
    upsertRows_other: '{{count}} строки заполнены неверно; ничего не записано.',
  },
  field: {
    stripeSecret: 'должен быть секретом подписи Stripe (whsec_…)',
    currency: 'должен быть трёхбуквенным кодом валюты',
    email: 'должен быть адресом электронной почты',
    featureKey: 'только строчные латинские буквы, цифры и _ . -',
    featureKeyUsed: 'уже есть у другой функции',
    ticketAccount: 'укажите accountExternalId или accountDomain',
    isoDate: 'это не дата ISO 8601',
    messageTooLarge: 'больше {{bytes}} байт',
    jsonObject: 'должно быть объектом JSON',
    messageType: 'должно быть одним из: {{types}}',
    userOrAnonymous: 'нужен userId или anonymousId',
    batch: 'должно быть массивом сообщений',
    contractRow: 'строка договора не подходит: {{reason}}',
  },
  contractRow: {
    contractIdRequired: 'contract_id: обязательное поле',
    contractIdTooLong_one: 'contract_id: не длиннее {{count}} символа',
    contractIdTooLong_few: 'contract_id: не длиннее {{count}} символов',
    contractIdTooLong_many: 'contract_id: не длиннее {{count}} символов',
    contractIdTooLong_other: 'contract_id: не длиннее {{count}} символа',
    accountRequired: 'account_external_id: обязательное поле',
    currency: 'currency: нужен трёхбуквенный код валюты, например USD',
    mrrAndArr: 'укажите mrr или arr, но не оба',
    mrrOrArr: 'нужен mrr или arr',
    amount: '{{column}}: нужна сумма, например 1200.00',
    decimals: '{{column}}: знаков после точки больше, чем у {{currency}}',
    tooLarge: '{{column}}: слишком большое значение',
    seats: 'seats: нужно целое число',
    date: '{{column}}: нужна дата в виде ГГГГ-ММ-ДД',
    noSuchDay: '{{column}}: дня {{day}} нет в календаре',
    status: 'status: допустимые значения: {{statuses}}',
    planTooLong_one: 'plan: не длиннее {{count}} символа',
    planTooLong_few: 'plan: не длиннее {{count}} символов',
    planTooLong_many: 'plan: не длиннее {{count}} символов',
    planTooLong_other: 'plan: не длиннее {{count}} символа',
    repeated: 'contract_id {{externalId}} уже есть в строке {{line}}',
    noAccount: 'account_external_id: нет аккаунта с внешним идентификатором {{externalId}}',
  },
  review: {
    stripeCustomer:
      'Ни один аккаунт не соответствует клиенту Stripe {{customer}}: укажите metadata.steward_account_id или metadata.external_id у клиента или подписки.',
    stripeCustomerDomain:
      'Ни один аккаунт не соответствует клиенту Stripe {{customer}}: укажите metadata.steward_account_id или metadata.external_id у клиента или подписки либо задайте домен {{domain}} ровно одному аккаунту.',
    noCustomer: '(не указан)',
    ticket: 'Ни один аккаунт не соответствует тикету {{ticket}}.',
    ticketExternalId:
      'Ни один аккаунт не соответствует тикету {{ticket}} (внешний идентификатор {{externalId}}).',
    ticketDomain: 'Ни один аккаунт не соответствует тикету {{ticket}} (домен {{domain}}).',
    ticketExternalIdDomain:
      'Ни один аккаунт не соответствует тикету {{ticket}} (внешний идентификатор {{externalId}}, домен {{domain}}).',
    before:
      'Ни один аккаунт не соответствует этой доставке. Причина записана до того, как причины стали показываться на вашем языке.',
  },
  csv: {
    quoteNotClosed:
      'Файл — не корректный CSV: ячейка в кавычках не закрыта до конца файла (строка {{line}}). Закройте кавычку или удвойте кавычку внутри ячейки ("").',
    openingQuote:
      'Файл — не корректный CSV в строке {{line}}: кавычка стоит внутри ячейки, которая не начинается с кавычки. Возьмите в кавычки всю ячейку, а кавычку внутри неё удвойте ("").',
    closingQuote:
      'Файл — не корректный CSV в строке {{line}}: кавычка закрывает ячейку, но до запятой за ней идёт что-то ещё. Возьмите в кавычки всю ячейку, а кавычку внутри неё удвойте ("").',
    cellCount: 'Файл — не корректный CSV в строке {{line}}: в строке другое число ячеек.',
    rowTooLarge: 'Файл — не корректный CSV в строке {{line}}: строка слишком большая.',
    invalidAt: 'Файл — не корректный CSV в строке {{line}}.',
    invalid: 'Файл — не корректный CSV.',
  },
} satisfies Record<keyof typeof en, unknown>;
