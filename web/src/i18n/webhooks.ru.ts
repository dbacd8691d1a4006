// Русский: пространство webhooks (Настройки → Вебхуки: подписки, доставки, повторы).
import type { Shape } from './shape.ts';
import type { webhooksEn } from './webhooks.en.ts';

export const webhooksRu: Shape<typeof webhooksEn> = {
  tab: 'Вебхуки',
  intro:
    'Steward отправляет происходящее на адреса, которые вы подписали, подписанным POST-запросом (заголовок Steward-Signature, HMAC-SHA256 с секретом подписки). Неудачные доставки повторяются около полутора суток.',
  noRights: 'Вебхуками управляют только администраторы.',
  add: {
    title: 'Подписать адрес',
    url: 'Адрес (URL)',
    urlHint:
      'Публичный адрес https://. Сейчас на него придёт ping, и он должен ответить без перенаправления.',
    description: 'Описание (необязательно)',
    events: 'События',
    submit: 'Подписать',
  },
  secret: {
    shownOnce:
      'Секрет подписи показан только сейчас: сохраните его там, где приёмник сможет проверять им каждую подпись.',
  },
  ping: {
    answered: 'Адрес ответил на ping кодом {{status}}.',
    unanswered: 'На ping нет ответа ({{error}}). Доставки будут повторяться.',
  },
  list: {
    title: 'Подписки',
    none: 'Подписок пока нет.',
    on: 'Включена',
    offAdmin: 'Выключена',
    offFailures: 'Выключена из-за ошибок',
    failures_one: '{{count}} неудачная попытка подряд',
    failures_few: '{{count}} неудачные попытки подряд',
    failures_many: '{{count}} неудачных попыток подряд',
    failures_other: '{{count}} неудачной попытки подряд',
    edit: 'Изменить',
    save: 'Сохранить',
    cancel: 'Отмена',
    switchOff: 'Выключить',
    switchOn: 'Включить',
    showDeliveries: 'Доставки',
    hideDeliveries: 'Скрыть доставки',
  },
  deliveries: {
    title: 'Доставки на {{url}}',
    none: 'Пока ничего не отправлено.',
    more: 'Показать ещё',
    status: {
      pending: 'Ожидает',
      succeeded: 'Доставлено',
      failed: 'Не доставлено',
      cancelled: 'Отменено',
    },
    attempts_one: '{{count}} попытка',
    attempts_few: '{{count}} попытки',
    attempts_many: '{{count}} попыток',
    attempts_other: '{{count}} попытки',
    nextAttempt: 'Следующая попытка {{at}}',
    replayOf: 'Повтор',
    showDetails: 'Подробнее',
    hideDetails: 'Скрыть подробности',
    replay: 'Отправить снова',
    body: 'Отправленное тело',
    attempt: 'Попытка {{number}} · {{at}}',
    noAnswer: 'Нет ответа',
    duration: '{{ms}} мс',
    answer: 'Ответ',
  },
  events: {
    account_health_category_changed: 'Сменилась категория здоровья клиента',
    account_churn_risk_raised: 'Вырос риск оттока',
    escalation_raised: 'Эскалация',
    renewal_forecast_changed: 'Изменился прогноз продления',
    survey_nps_detractor: 'Критик в NPS',
    feedback_theme_threshold_crossed: 'Тема отзывов перешла порог',
    roadmap_item_shipped: 'Пункт роадмапа выпущен',
    task_created: 'Создана задача',
    task_completed: 'Задача выполнена',
  },
};
