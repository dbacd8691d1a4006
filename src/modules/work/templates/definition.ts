// What a template is: stages, and tasks with offsets from an anchor (the project start, or a
// target date such as the account's renewal), roles instead of people, checklists and
// dependencies. Stored as JSON per version; checked here on every save.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../../i18n/index.ts';
import { fieldProblem, invalid, type FieldError } from '../../../lib/errors.ts';
import { prioritySchema } from '../../../lib/vocabulary.ts';

const key = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'work.field.key' satisfies MessageKey);
export const workKinds = [
  'onboarding',
  'escalation',
  'health_check',
  'qbr_prep',
  'renewal',
  'other',
] as const;
export const workKindSchema = z.enum(workKinds);
export const roleSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'work.field.role' satisfies MessageKey);

export const templateStageSchema = z
  .object({
    key,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).nullable().default(null),
    expectedDays: z.number().int().min(1).max(3650).nullable().default(null),
    successCriteria: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
  })
  .openapi('TemplateStage');

export const templateTaskSchema = z
  .object({
    key,
    title: z.string().trim().min(1).max(300),
    description: z.string().max(20_000).nullable().default(null),
    stage: key.nullable().default(null).openapi({ description: 'The key of its stage' }),
    parent: key.nullable().default(null).openapi({ description: 'The key of its parent task' }),
    offsetDays: z.number().int().min(-3650).max(3650).default(0),
    offsetUnit: z.enum(['calendar', 'business']).default('calendar'),
    role: roleSchema.nullable().default('owner'),
    priority: prioritySchema.default('P2'),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
    checklist: z.array(z.string().trim().min(1).max(300)).max(100).default([]),
    dependsOn: z.array(key).max(50).default([]),
    firstValue: z
      .boolean()
      .default(false)
      .openapi({ description: 'Completing it marks time to first value' }),
  })
  .openapi('TemplateTask');

/**
 * What the offsets count from: the project's start (days after it), or the account's renewal
 * date (days before it, so a renewal play ends with the contract, however late it starts).
 */
export const templateAnchors = ['start', 'renewal'] as const;
export type TemplateAnchor = (typeof templateAnchors)[number];

export const templateDefinitionSchema = z
  .object({
    anchor: z.enum(templateAnchors).default('start').openapi({
      description:
        "What offsets count from: `start` (days after the project start) or `renewal` (days before the account's renewal date; offsets are 0 or negative)",
    }),
    stages: z.array(templateStageSchema).max(50).default([]),
    tasks: z.array(templateTaskSchema).min(1).max(500),
    allowDueBeforeStart: z.boolean().default(false),
  })
  .openapi('TemplateDefinition');

export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;
export type TemplateTask = z.infer<typeof templateTaskSchema>;
export type TemplateStage = z.infer<typeof templateStageSchema>;

/** A dependency loop as the keys along it, e.g. ['a', 'b', 'c', 'a'], or undefined. */
export function findCycle(edges: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'visiting');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/** The rules zod cannot see: unique keys, known stages, parents and dependencies, no loops. */
export function checkTemplateDefinition(
  definition: TemplateDefinition,
  path = 'definition',
): TemplateDefinition {
  const errors: FieldError[] = [];
  const stageKeys = new Set<string>();
  definition.stages.forEach((stage, i) => {
    if (stageKeys.has(stage.key))
      errors.push(
        fieldProblem(`${path}.stages.${i}.key`, 'work.field.usedTwice', { key: stage.key }),
      );
    stageKeys.add(stage.key);
  });
  const taskKeys = new Set<string>();
  definition.tasks.forEach((task, i) => {
    if (taskKeys.has(task.key))
      errors.push(
        fieldProblem(`${path}.tasks.${i}.key`, 'work.field.usedTwice', { key: task.key }),
      );
    taskKeys.add(task.key);
  });
  const titleOf = new Map(definition.tasks.map((t) => [t.key, t.title]));
  definition.tasks.forEach((task, i) => {
    const at = `${path}.tasks.${i}`;
    if (task.stage !== null && !stageKeys.has(task.stage))
      errors.push(fieldProblem(`${at}.stage`, 'work.field.noStageKey', { key: task.stage }));
    if (task.parent !== null && !taskKeys.has(task.parent))
      errors.push(fieldProblem(`${at}.parent`, 'work.field.noTaskKey', { key: task.parent }));
    if (task.parent === task.key) errors.push(fieldProblem(`${at}.parent`, 'work.field.ownParent'));
    task.dependsOn.forEach((dependency, j) => {
      if (!taskKeys.has(dependency))
        errors.push(
          fieldProblem(`${at}.dependsOn.${j}`, 'work.field.noTaskKey', { key: dependency }),
        );
    });
    if (definition.anchor === 'renewal' && task.offsetDays > 0) {
      errors.push(fieldProblem(`${at}.offsetDays`, 'work.field.dueAfterRenewal'));
    }
    if (definition.anchor === 'start' && task.offsetDays < 0 && !definition.allowDueBeforeStart) {
      errors.push(fieldProblem(`${at}.offsetDays`, 'work.field.dueBeforeStart'));
    }
  });
  if (errors.length === 0) {
    const cycle = findCycle(new Map(definition.tasks.map((t) => [t.key, t.dependsOn])));
    if (cycle) {
      const index = definition.tasks.findIndex((t) => t.key === cycle[0]);
      errors.push(
        fieldProblem(`${path}.tasks.${index}.dependsOn`, 'work.field.dependencyLoop', {
          loop: cycle.map((k) => `"${titleOf.get(k)}"`).join(' → '),
        }),
      );
    }
    const parents = findCycle(
      new Map(definition.tasks.map((t) => [t.key, t.parent ? [t.parent] : []])),
    );
    if (parents)
      errors.push(
        fieldProblem(`${path}.tasks`, 'work.field.subtaskLoop', { loop: parents.join(' → ') }),
      );
  }
  if (errors.length > 0) throw invalid(errors, { key: 'work.problem.template' });
  return definition;
}

/** The roles a template assigns work to. */
export function rolesOf(definition: TemplateDefinition): string[] {
  return [...new Set(definition.tasks.flatMap((t) => (t.role ? [t.role] : [])))];
}
