// Аккаунты по-русски: что сервер пишет в историю аккаунта — изменения, сделанные CSM,
// обращения, платежи и движение MRR из интеграций, вехи работы.
import type { accounts as en } from '../en/accounts.ts';

export const accounts = {
  stage: {
    onboarding: 'онбординг',
    adopting: 'внедрение',
    steady: 'стабильно',
    renewing: 'продление',
    churned: 'ушёл',
  },
  ticketPriority: {
    urgent: 'срочный',
    high: 'высокий',
    normal: 'обычный',
    low: 'низкий',
  },
  movement: {
    new: 'Новая подписка',
    expansion: 'Расширение',
    contraction: 'Сокращение',
    churn: 'Отток',
    reactivation: 'Возврат',
  },
  timeline: {
    kind: {
      note: 'Заметка',
      call: 'Звонок',
      email: 'Письмо',
      meeting: 'Встреча',
    },
    nobody: 'не назначен',
    ownerChanged: 'Ответственный изменён: {{from}} → {{to}}',
    stageChanged: 'Этап изменён: {{from}} → {{to}}',
    priorityChanged: 'Приоритет изменён: {{from}} → {{to}}',
    ticketOpened: 'Новое обращение: {{subject}} (приоритет: {{priority}})',
    ticketSolved: 'Обращение решено: {{subject}}',
    paymentFailed: 'Платёж не прошёл: {{amount}}, попытка {{attempt}}',
    invoicePaid: 'Счёт оплачен: {{amount}}',
    mrrMoved: '{{movement}}: MRR {{sign}}{{change}}, теперь {{mrr}}',
    mrrMovedOnPlan: '{{movement}}: MRR {{sign}}{{change}}, теперь {{mrr}} ({{plan}})',
    createdFromSegment:
      'Создан по вызову group из Segment без ответственного: ни один аккаунт не совпал по groupId или домену — проверьте',
    taskCompleted: 'Задача выполнена: {{task}}',
    stageCompleted: 'Этап завершён: {{stage}}',
    projectStarted: 'Проект «{{project}}» начат',
    projectFromTemplate: 'Проект начат по шаблону «{{template}}» (версия {{version}})',
    projectCompleted: 'Проект завершён: {{project}}',
  },
  problem: {
    noAccount: 'Такого аккаунта нет.',
    externalIdTaken: 'У другого аккаунта уже есть внешний id {{externalId}}.',
    noContact: 'Такого контакта нет.',
    customFieldTaken: 'Настраиваемое поле «{{key}}» уже есть.',
    customFieldValues: 'Некоторые значения не подходят к своим настраиваемым полям.',
    noSegment: 'Такого сегмента нет.',
    noSegmentOfYours: 'У вас нет такого сегмента.',
    shareNeedsPermission: 'Чтобы поделиться сегментом, нужно право «manage_accounts».',
    filters: 'Некоторые фильтры заданы неверно.',
  },
  field: {
    domain: 'должен быть доменом, например example.com',
    customFieldKey: 'строчные латинские буквы, цифры и _, начиная с буквы',
    selectNeedsOptions: 'полю со списком нужны варианты',
    noOptions: 'у поля типа {{type}} нет вариантов',
    optionsDiffer: 'варианты должны различаться',
  },
} satisfies Record<keyof typeof en, unknown>;
