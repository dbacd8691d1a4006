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
} satisfies typeof en;
