import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors.ts';
import { checkTemplateDefinition, findCycle, templateDefinitionSchema } from './definition.ts';
import {
  enterpriseOnboarding,
  midMarketOnboarding,
  smbOnboarding,
  type StarterTemplate,
} from './starters.ts';

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

describe('the starter onboardings', () => {
  const starters = [enterpriseOnboarding, midMarketOnboarding, smbOnboarding];

  it('are valid templates whose every task is due no earlier than what it waits on', () => {
    for (const starter of starters) {
      const checked = checkTemplateDefinition(templateDefinitionSchema.parse(starter.definition));
      const offsets = new Map(checked.tasks.map((t) => [t.key, t.offsetDays]));
      for (const task of checked.tasks) {
        for (const before of task.dependsOn) {
          expect(offsets.get(before), `${starter.name}: ${task.key}`).toBeLessThanOrEqual(
            task.offsetDays,
          );
        }
      }
    }
  });

  it('give a mid-market customer fewer tasks and an earlier first value than an enterprise one, more than a small one', () => {
    const shape = (starter: StarterTemplate) => ({
      tasks: starter.definition.tasks.length,
      firstValue: starter.definition.tasks.find((t) => t.firstValue)?.offsetDays ?? Infinity,
    });
    const [enterprise, midMarket, smb] = starters.map(shape);
    expect(midMarket?.tasks).toBeLessThan(enterprise?.tasks ?? 0);
    expect(midMarket?.tasks).toBeGreaterThan(smb?.tasks ?? Infinity);
    expect(midMarket?.firstValue).toBeLessThan(enterprise?.firstValue ?? 0);
    expect(midMarket?.firstValue).toBeGreaterThan(smb?.firstValue ?? Infinity);
  });
});
