// Ответы API об ошибках (problem+json), по-русски: те же ключи, что в ../en/errors.ts.
import type { errors as en } from '../en/errors.ts';

export const errors = {
  title: {
    badRequest: 'Неверный запрос',
    unauthenticated: 'Нужно войти',
    forbidden: 'Нет доступа',
    notFound: 'Не найдено',
    conflict: 'Конфликт',
    tooLarge: 'Слишком большой запрос',
    invalid: 'Неверные данные',
    throttled: 'Слишком много попыток',
    unavailable: 'Временно недоступно',
    internal: 'Внутренняя ошибка',
  },
  detail: {
    database: {
      busy: 'Помешало другое изменение тех же записей. Повторите попытку.',
      unavailable: 'База данных не отвечает. Повторите попытку чуть позже.',
    },
    request: {
      invalid: 'Некоторые поля заполнены неверно.',
      malformed: 'Не удалось прочитать запрос.',
      too_large: 'Запрос слишком большой.',
      invalid_cursor: 'Этот курсор выдан не этим списком.',
      not_found: 'Такого пути в API нет.',
    },
    auth: {
      unauthenticated: 'Войдите или передайте API-токен.',
      invalid_credentials: 'Неверный e-mail или пароль.',
      throttled: 'Слишком много попыток. Подождите немного и попробуйте снова.',
      forbidden: 'У вас нет права на это действие.',
      cross_origin: 'Запрос пришёл с другого сайта.',
    },
    password_reset: {
      invalid: 'Эта ссылка для сброса пароля больше не действует. Запросите новую.',
    },
    user: {
      not_found: 'В этом рабочем пространстве нет такого человека.',
      email_taken: 'В этом рабочем пространстве уже есть человек с таким e-mail.',
      manager_cycle: 'Нельзя подчинить человека тому, кто подчиняется ему.',
    },
    api_token: { not_found: 'Такого API-токена нет.' },
    account: {
      not_found: 'Такого аккаунта нет.',
      external_id_taken: 'У другого аккаунта уже есть такой внешний идентификатор.',
      not_removed: 'Этот аккаунт не удалён: он уже в портфеле.',
    },
    contact: { not_found: 'Такого контакта нет.' },
    custom_field: {
      not_found: 'Такого настраиваемого поля нет.',
      key_taken: 'У другого настраиваемого поля уже есть такой ключ.',
    },
    segment: { not_found: 'Такого сегмента нет.' },
    import: {
      not_found: 'Такого импорта нет.',
      invalid_file: 'Не удалось прочитать файл.',
    },
    template: { not_found: 'Такого шаблона нет.' },
    project: { not_found: 'Такого проекта нет.' },
    task: {
      not_found: 'Такой задачи нет.',
      not_allowed: 'Эту задачу нельзя изменить таким образом.',
    },
    mention: { not_found: 'Такого упоминания нет.' },
    intake: {
      invalid_message: 'Одно из сообщений неверно.',
      too_large: 'Сообщение или пакет слишком большие.',
    },
    write_key: { not_found: 'Такого ключа записи нет.' },
    feature: { key_taken: 'У другой функции уже есть такой ключ.' },
    webhook: {
      invalid_signature: 'Подпись не совпадает.',
      invalid_payload: 'Не удалось прочитать содержимое вебхука.',
    },
    webhook_secret: { not_found: 'Такого секрета подписи нет.' },
    contract_import: { invalid_rows: 'Некоторые строки неверны.' },
    notification: { not_found: 'Такого уведомления нет.' },
    sla_policy: { not_found: 'Такой политики SLA нет.' },
    opportunity: { not_found: 'Такой сделки нет.' },
    meeting: {
      not_found: 'Такой встречи нет.',
      not_allowed: 'Эту встречу нельзя изменить таким образом.',
    },
    qbr_link: { not_found: 'Такой ссылки на QBR нет.' },
    feedback: { not_found: 'Такого отзыва нет.' },
    feedback_theme: { not_found: 'Такой темы нет.' },
    roadmap_item: { not_found: 'Такого пункта дорожной карты нет.' },
    survey: {
      link_not_found: 'Такой ссылки на опрос нет.',
      link_used: 'На этот опрос по этой ссылке уже ответили.',
      link_expired: 'Срок действия ссылки на опрос истёк.',
      throttled: 'Слишком много ответов. Подождите немного и попробуйте снова.',
    },
    slack: {
      invalid_signature: 'Подпись Slack не совпадает.',
      member_id_taken:
        'Этот ID участника Slack уже есть у другого человека в рабочем пространстве.',
    },
    webhook_subscription: {
      not_found: 'Такой подписки на вебхуки нет.',
      disabled: 'Эта подписка на вебхуки выключена.',
    },
    webhook_delivery: { not_found: 'Такой доставки вебхука нет.' },
  },
  http: {
    invalidAddress: 'Этот адрес не может ничего обозначать: проверьте ссылку.',
    needsPermission: 'Для этого нужно право «{{permission}}».',
    tokenCannotChangeOwner: 'API-токен не может менять своего владельца; войдите.',
    internal:
      'Что-то пошло не так на нашей стороне. Сообщая об этом, укажите номер запроса {{requestId}}.',
    bodyTooLarge: 'Тело запроса больше {{bytes}} байт.',
    badCursor: 'Этот курсор выдан не этим сервером; начните заново без него.',
    malformedJson: 'Тело запроса — не корректный JSON',
    malformedForm: 'Не удалось прочитать данные формы. {{reason}}',
  },
  field: {
    nul: 'не должно содержать символ NUL (U+0000)',
    required: 'обязательное поле',
    inUse: 'уже занято',
    noUser: 'в этом рабочем пространстве нет такого пользователя',
    noPerson: 'в этом рабочем пространстве нет такого человека',
    noAccount: 'такого аккаунта нет',
    cursor: 'недействительный курсор',
    currencyCode: 'должен быть трёхбуквенным кодом ISO 4217, например USD',
    minorUnits: 'должно быть целым числом минимальных единиц (центов, копеек)',
    notNegative: 'не может быть отрицательным',
    day: 'должно быть датой в виде ГГГГ-ММ-ДД',
    writeSomething: 'напишите что-нибудь',
    endsBeforeStart: 'не может быть раньше первого дня',
  },
} satisfies typeof en;
