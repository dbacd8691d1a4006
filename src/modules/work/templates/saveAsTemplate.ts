// Any project can become a template: due dates turn into offsets from the project start,
// people into roles (the account's CSM → owner, their manager → manager).
import type { Db } from '../../../db/connect.ts';
import { daysBetween } from '../../../lib/calendar.ts';
import type { AccountScope } from '../../accounts/index.ts';
import type { ChangeAuthor } from '../../auth/index.ts';
import { findProject, projectWithTasks } from '../projects.ts';
import { workspaceTimezone } from '../store.ts';
import type { TemplateDefinition } from './definition.ts';
import { createTemplate, type Template } from './library.ts';
import * as store from './store.ts';

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40) || 'task';

export async function saveProjectAsTemplate(
  db: Db,
  by: ChangeAuthor,
  scope: AccountScope,
  projectId: string,
  input: { name: string; description: string | null; roles?: Record<string, string> },
): Promise<Template> {
  const project = await projectWithTasks(db, scope, projectId);
  const row = await findProject(db, scope, projectId);
  const account = await store.accountOwnerAndManager(db, scope.workspaceId, row.account_id);
  const workspace = await workspaceTimezone(db, scope.workspaceId);

  const people = await store.peopleOf(db, scope.workspaceId);
  const roleOf = (userId: string | null): string | null => {
    if (!userId) return null;
    if (input.roles?.[userId]) return input.roles[userId];
    if (userId === account.owner_id) return 'owner';
    if (userId === account.manager_id) return 'manager';
    return slug(people.find((p) => p.id === userId)?.name ?? 'assignee');
  };

  // Due days as the workspace sees them, then as whole days after the start.
  const dueDays = new Map(
    (await store.taskDueDays(db, scope.workspaceId, projectId, workspace.timezone)).map((r) => [
      r.id,
      r.day,
    ]),
  );

  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const task of project.tasks) {
    let key = slug(task.title);
    for (let n = 2; used.has(key); n++) key = `${slug(task.title)}_${n}`;
    used.add(key);
    keys.set(task.id, key);
  }
  const stageKeys = new Map(project.stages.map((s) => [s.id, s.key]));
  const tasks = project.tasks.map((task) => {
    const due = dueDays.get(task.id);
    return {
      key: keys.get(task.id) ?? task.id,
      title: task.title,
      description: task.description,
      stage: task.stageId ? (stageKeys.get(task.stageId) ?? null) : null,
      parent: task.parentId ? (keys.get(task.parentId) ?? null) : null,
      offsetDays: due ? daysBetween(project.startDate, due) : 0,
      offsetUnit: 'calendar' as const,
      role: roleOf(task.assigneeId),
      priority: task.priority,
      tags: task.tags,
      checklist: task.checklist.map((item) => item.text),
      dependsOn: task.dependsOn.flatMap((id) => (keys.has(id) ? [keys.get(id) ?? id] : [])),
      firstValue: task.isFirstValue,
    };
  });
  const definition: TemplateDefinition = {
    // Due days as they are in this project, counted from its start.
    anchor: 'start',
    stages: project.stages.map((s) => ({
      key: s.key,
      name: s.name,
      description: s.description,
      expectedDays: s.expectedDays,
      successCriteria: s.successCriteria,
    })),
    tasks,
    allowDueBeforeStart: tasks.some((t) => t.offsetDays < 0),
  };
  return createTemplate(db, by, {
    name: input.name,
    description: input.description,
    kind: project.kind,
    definition,
  });
}
