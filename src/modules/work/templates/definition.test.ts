import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { checkTemplateDefinition, findCycle, templateDefinitionSchema } from './definition.ts';

const definition = (tasks: object[], extra: object = {}) =>
  templateDefinitionSchema.parse({ stages: [{ key: 'setup', name: 'Setup' }], tasks, ...extra });

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    // Each as the English reader reads it.
    if (error instanceof AppError)
      return (error.errors ?? []).map(({ path, message }) => ({ path, message }));
    throw error;
  }
  return [];
}

describe('template definitions', () => {
  it('finds a dependency loop and names it in order', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', []],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toBeUndefined();
  });

  it('rejects cyclic dependencies, naming the tasks of the cycle', () => {
    const problems = problemsOf(() =>
      checkTemplateDefinition(
        definition([
          { key: 'kickoff', title: 'Kickoff call', dependsOn: ['training'] },
          { key: 'sso', title: 'Configure SSO', dependsOn: ['kickoff'] },
          { key: 'training', title: 'Admin training', dependsOn: ['sso'] },
        ]),
      ),
    );
    expect(problems).toEqual([
      {
        path: 'definition.tasks.0.dependsOn',
        message:
          'dependencies loop: "Kickoff call" → "Admin training" → "Configure SSO" → "Kickoff call"',
      },
    ]);
  });

  it('names unknown stages, dependencies, duplicate keys and early due dates', () => {
    const problems = problemsOf(() =>
      checkTemplateDefinition(
        definition([
          { key: 'a', title: 'A', stage: 'nowhere' },
          { key: 'a', title: 'A again', dependsOn: ['ghost'] },
          { key: 'b', title: 'B', offsetDays: -2 },
        ]),
      ),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'definition.tasks.1.key',
      'definition.tasks.0.stage',
      'definition.tasks.1.dependsOn.0',
      'definition.tasks.2.offsetDays',
    ]);
  });

  it('allows tasks due before the start when the template says so', () => {
    expect(() =>
      checkTemplateDefinition(
        definition([{ key: 'prep', title: 'Prep', offsetDays: -3 }], { allowDueBeforeStart: true }),
      ),
    ).not.toThrow();
  });
});
