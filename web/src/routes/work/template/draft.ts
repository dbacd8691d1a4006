// The template editor's working copy: form-friendly strings for every field, converted from
// and to the API's template input, plus the small list operations the editor needs.
import type { Template, TemplateInput, TemplateKind, TemplateTask } from '../../../api/work.ts';

export type TemplateAnchor = 'start' | 'renewal';

export type DraftStage = {
  key: string;
  name: string;
  description: string | null;
  expectedDays: string;
  criteria: string;
};
export type DraftTask = {
  key: string;
  title: string;
  description: string | null;
  stage: string;
  parent: string | null;
  offsetDays: string;
  offsetUnit: 'calendar' | 'business';
  role: string;
  priority: TemplateTask['priority'] & string;
  tags: string;
  checklist: string;
  dependsOn: string[];
  firstValue: boolean;
};
export type Draft = {
  name: string;
  description: string;
  kind: TemplateKind;
  /** What offsets count from: the project start, or back from the account's renewal. */
  anchor: TemplateAnchor;
  allowDueBeforeStart: boolean;
  stages: DraftStage[];
  tasks: DraftTask[];
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function toDraft(template: Template | undefined): Draft {
  const definition = template?.definition ?? { stages: [], tasks: [] };
  return {
    name: template?.name ?? '',
    description: template?.description ?? '',
    kind: template?.kind ?? 'onboarding',
    anchor: definition.anchor ?? 'start',
    allowDueBeforeStart: definition.allowDueBeforeStart ?? false,
    stages: (definition.stages ?? []).map((stage) => ({
      key: stage.key,
      name: stage.name,
      description: stage.description ?? null,
      expectedDays:
        stage.expectedDays === null || stage.expectedDays === undefined
          ? ''
          : String(stage.expectedDays),
      criteria: (stage.successCriteria ?? []).join('\n'),
    })),
    tasks: definition.tasks.map((task) => ({
      key: task.key,
      title: task.title,
      description: task.description ?? null,
      stage: task.stage ?? '',
      parent: task.parent ?? null,
      offsetDays: String(task.offsetDays ?? 0),
      offsetUnit: task.offsetUnit ?? 'calendar',
      role: task.role ?? '',
      priority: task.priority ?? 'P2',
      tags: (task.tags ?? []).join(', '),
      checklist: (task.checklist ?? []).join('\n'),
      dependsOn: task.dependsOn ?? [],
      firstValue: task.firstValue ?? false,
    })),
  };
}

export function toInput(draft: Draft): TemplateInput {
  return {
    name: draft.name,
    description: draft.description.trim() || null,
    kind: draft.kind,
    definition: {
      anchor: draft.anchor,
      allowDueBeforeStart: draft.allowDueBeforeStart,
      stages: draft.stages.map((stage) => ({
        key: stage.key,
        name: stage.name,
        description: stage.description,
        expectedDays: stage.expectedDays.trim() === '' ? null : Number(stage.expectedDays),
        successCriteria: lines(stage.criteria),
      })),
      tasks: draft.tasks.map((task) => ({
        key: task.key,
        title: task.title,
        description: task.description,
        stage: task.stage || null,
        parent: task.parent,
        offsetDays: Number(task.offsetDays) || 0,
        offsetUnit: task.offsetUnit,
        role: task.role.trim() || null,
        priority: task.priority,
        tags: task.tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
        checklist: lines(task.checklist),
        dependsOn: task.dependsOn,
        firstValue: task.firstValue,
      })),
    },
  };
}

/** `definition.tasks.3.dependsOn` → the task's title, so a person knows where to look. */
export function describePath(path: string, draft: Draft, untitled: string): string {
  const match = /^definition\.(tasks|stages)\.(\d+)/.exec(path);
  if (!match) return path;
  const item =
    match[1] === 'tasks' ? draft.tasks[Number(match[2])] : draft.stages[Number(match[2])];
  if (!item) return path;
  return ('title' in item ? item.title : item.name) || item.key || untitled;
}

export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target] as T, copy[index] as T];
  return copy;
}

export function nextKey(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}
