// Work in English: task statuses as a sentence names them, and what goes wrong with tasks,
// projects and templates.
export const work = {
  taskStatus: {
    todo: 'to do',
    in_progress: 'in progress',
    blocked: 'blocked',
    waiting_on_customer: 'waiting on customer',
    done: 'done',
  },
  problem: {
    noTask: 'No such task.',
    dependencyLoop: 'Those dependencies would make a loop.',
    cannotMove: 'This task cannot move to {{status}}.',
    noMention: 'No such mention of you.',
    noProject: 'No such project.',
    noTemplate: 'No such template.',
    noTemplateVersion: 'No version {{version}} of that template.',
    notFromTemplate: 'This project was not made from a template.',
    templateChanged: 'The template changed again (now version {{version}}); preview once more.',
    template: 'The template is not valid.',
    roles: 'Some roles cannot be filled as asked.',
    renewalDateFirst: "Set the account's renewal date first.",
  },
};
