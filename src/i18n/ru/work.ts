// Работа по-русски: статусы задач, как их называет предложение, и что не так с задачами,
// проектами и шаблонами.
import type { work as en } from '../en/work.ts';

export const work = {
  taskStatus: {
    todo: 'к выполнению',
    in_progress: 'в работе',
    blocked: 'заблокирована',
    waiting_on_customer: 'ждём клиента',
    done: 'готово',
  },
  problem: {
    noTask: 'Такой задачи нет.',
    dependencyLoop: 'Эти зависимости замкнулись бы в круг.',
    cannotMove: 'Задачу нельзя перевести в статус «{{status}}».',
    noMention: 'Такого упоминания вас нет.',
    noProject: 'Такого проекта нет.',
    noTemplate: 'Такого шаблона нет.',
    noTemplateVersion: 'У этого шаблона нет версии {{version}}.',
    notFromTemplate: 'Этот проект создан не по шаблону.',
    templateChanged:
      'Шаблон снова изменился (теперь версия {{version}}); посмотрите предпросмотр ещё раз.',
    template: 'Шаблон заполнен неверно.',
    roles: 'Некоторые роли нельзя назначить так, как просили.',
    renewalDateFirst: 'Сначала укажите дату продления аккаунта.',
  },
  field: {
    holidayTwice: 'этот день уже есть среди праздников',
    noTask: 'такой задачи нет',
    waitOnItself: 'задача не может ждать саму себя',
    sameProject: 'должна быть задачей того же проекта',
    dependencyLoop: 'зависимости образуют цикл: {{loop}}',
    accountOrProject: 'укажите аккаунт или проект',
    notProjectAccount: 'это не аккаунт проекта',
    reopenFirst:
      'сначала откройте задачу заново (к выполнению или в работу), потом отмечайте её заблокированной или ждущей клиента',
    waitsOn: 'сначала должны быть готовы: {{tasks}}',
    openSubtasks_one: 'не готова {{count}} подзадача',
    openSubtasks_few: 'не готовы {{count}} подзадачи',
    openSubtasks_many: 'не готовы {{count}} подзадач',
    openSubtasks_other: 'не готовы {{count}} подзадачи',
    key: 'строчные латинские буквы, цифры, - и _',
    role: 'роль, например owner, manager или solutions_engineer',
    usedTwice: 'ключ «{{key}}» встречается дважды',
    noStageKey: 'нет этапа «{{key}}»',
    noTaskKey: 'нет задачи «{{key}}»',
    ownParent: 'задача не может быть родительской для самой себя',
    dueAfterRenewal:
      'срок позже продления: отсчитывайте назад от него (0 или отрицательное число дней)',
    dueBeforeStart: 'срок раньше начала проекта, а этот шаблон такого не допускает',
    subtaskLoop: 'подзадачи образуют цикл: {{loop}}',
    noRole: 'в шаблоне нет роли «{{role}}» (есть: {{roles}})',
    noRenewalDate:
      'у аккаунта нет даты продления, а задачи этого шаблона отсчитываются назад от неё',
    expectedVersion: 'ожидалась версия {{version}}',
    targetBeforeStart: 'не раньше начала проекта, {{start}}',
  },
  onboardingRisk: {
    overdue_one: 'Просрочена {{count}} задача; самая давняя, «{{task}}», на {{days}} дн.',
    overdue_few: 'Просрочены {{count}} задачи; самая давняя, «{{task}}», на {{days}} дн.',
    overdue_many: 'Просрочено {{count}} задач; самая давняя, «{{task}}», на {{days}} дн.',
    overdue_other: 'Просрочено {{count}} задачи; самая давняя, «{{task}}», на {{days}} дн.',
    stageOverTime: 'Этап «{{stage}}» идёт {{days}} дн., ожидалось {{expected}}',
    blocked: 'Заблокированы: {{tasks}}',
    waitingOnCustomer: 'Ждём клиента: {{tasks}}',
    stalled: 'Нет активности {{days}} дн.',
  },
} satisfies Record<keyof typeof en, unknown>;
