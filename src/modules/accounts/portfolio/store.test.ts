import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database, CustomFieldType } from '../../../db/schema.ts';
import { Slots } from '../../../db/templates.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../store.ts';
import { portfolioStatement, type CustomFieldFilter, type PortfolioFilter } from './store.ts';

// Compiles only: nothing here reaches a database.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type Page = Parameters<typeof portfolioStatement>[3];

/** What decides a request's SQL text, each with the choices a request can make. */
const dimensions = {
  onlyOwner: [false, true],
  owner: ['none', 'nobody', 'someone'],
  health: [[], ['at_risk'], ['unscored'], ['healthy', 'unscored'], ['healthy', 'critical']],
  risk: [[], ['high'], ['high', 'critical']],
  tier: [[], ['smb'], ['enterprise', 'mid_market']],
  stage: [[], ['steady'], ['onboarding', 'renewing']],
  priority: [[], ['P0'], ['P1', 'P2']],
  search: [false, true],
  renewal: [false, true],
  custom: [
    [],
    ['min number'],
    ['max date'],
    ['min currency'],
    ['contains'],
    ['equals'],
    ['equals', 'max number'],
  ],
  sort: [
    'name',
    'arr',
    'renewalDate',
    'health',
    'priority',
    'tier',
    'stage',
    'updatedAt',
    'cf number',
    'cf text',
    'cf date',
    'cf boolean',
  ],
  descending: [false, true],
  cursor: ['none', 'null value', 'value'],
  limit: [10, 50, 500],
} as const;

type Choices = { [K in keyof typeof dimensions]: (typeof dimensions)[K][number] };

const base: Choices = {
  onlyOwner: false,
  owner: 'none',
  health: [],
  risk: [],
  tier: [],
  stage: [],
  priority: [],
  search: false,
  renewal: false,
  custom: [],
  sort: 'name',
  descending: false,
  cursor: 'none',
  limit: 50,
};

/** The request a set of choices makes, its values drawn from `seed` (same choices, same SQL). */
function request(choices: Choices, seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const number = (below: number) => Math.floor(next() * below);
  const word = () => pick(['acme', '50%_off', 'back\\slash', 'Ünïcode', "o'brien"]);
  const key = () => pick(['size', 'region', 'signed_on', 'score']);
  const scope: AccountScope = {
    workspaceId: uuid(1 + number(100)) as WorkspaceId,
    onlyOwner: choices.onlyOwner ? (uuid(200 + number(100)) as UserId) : null,
  };
  const custom = choices.custom.map((kind): CustomFieldFilter => {
    const [match, type] = kind.split(' ') as [string, 'number' | 'currency' | 'date' | undefined];
    if (match === 'min' || match === 'max') {
      const text = type === 'date' ? `2026-11-${10 + number(18)}` : String(number(1000));
      return { key: key(), type: type ?? 'number', bound: match, text };
    }
    return {
      key: key(),
      match: match === 'contains' ? 'contains' : 'equals',
      json: JSON.stringify(word()),
    };
  });
  const filter: PortfolioFilter = {
    ...(choices.owner === 'nobody' ? { ownerId: null } : {}),
    ...(choices.owner === 'someone' ? { ownerId: uuid(300 + number(9)) } : {}),
    ...(choices.health.length > 0 ? { health: [...choices.health] } : {}),
    ...(choices.risk.length > 0 ? { risk: [...choices.risk] } : {}),
    ...(choices.tier.length > 0 ? { tier: [...choices.tier] } : {}),
    ...(choices.stage.length > 0 ? { stage: [...choices.stage] } : {}),
    ...(choices.priority.length > 0 ? { priority: [...choices.priority] } : {}),
    ...(choices.search ? { search: word() } : {}),
    ...(choices.renewal ? { renewal: { today: '2026-11-02', days: 1 + number(180) } } : {}),
    custom,
  };
  const sortBy: Page['sortBy'] = choices.sort.startsWith('cf ')
    ? { customField: { key: key(), type: choices.sort.slice(3) as CustomFieldType } }
    : { column: choices.sort as Exclude<Choices['sort'], `cf ${string}`> };
  const page: Page = {
    sortBy,
    descending: choices.descending,
    after:
      choices.cursor === 'none'
        ? undefined
        : {
            value: choices.cursor === 'null value' ? null : String(number(1000)),
            id: uuid(400 + number(99)),
          },
    limit: choices.limit,
  };
  return { scope, filter, page };
}

/** Each base, and each base with one choice changed to every other option. */
function* shapes(bases: Choices[]) {
  for (const choices of bases) {
    yield choices;
    for (const [dimension, options] of Object.entries(dimensions)) {
      for (const option of options) yield { ...choices, [dimension]: option } as Choices;
    }
  }
}

describe("the portfolio's statement, compiled once for each shape of request", () => {
  it('is the statement compiled afresh for the same filters, sort and page, values included', () => {
    const bases: Choices[] = [
      base,
      { ...base, onlyOwner: true, risk: ['high'], sort: 'health', cursor: 'value', limit: 10 },
      { ...base, owner: 'nobody', search: true, custom: ['equals', 'max number'], sort: 'cf date' },
      {
        ...base,
        health: ['healthy', 'unscored'],
        renewal: true,
        descending: true,
        cursor: 'null value',
      },
    ];
    for (const choices of shapes(bases)) {
      // The first request of a shape compiles its template, the next ones fill it.
      for (const seed of [7, 8, 9]) {
        const { scope, filter, page } = request(choices, seed);
        const cached = portfolioStatement(db, scope, filter, page);
        const fresh = portfolioStatement(db, scope, filter, page, Slots.inPlace());
        expect({ choices, seed, sql: cached.sql, parameters: cached.parameters }).toEqual({
          choices,
          seed,
          sql: fresh.sql,
          parameters: fresh.parameters,
        });
      }
    }
  });

  it('tells the sorts apart that share a column type (name and priority, both text)', () => {
    const { scope, filter } = request(base, 1);
    const page = (column: 'name' | 'priority'): Page => ({
      sortBy: { column },
      descending: false,
      after: undefined,
      limit: 50,
    });
    const byName = portfolioStatement(db, scope, filter, page('name'));
    const byPriority = portfolioStatement(db, scope, filter, page('priority'));
    expect(byName.sql).toContain('lower(accounts.name)');
    expect(byPriority.sql).toContain('accounts.priority');
    expect(byPriority.sql).not.toContain('lower(accounts.name)');
  });
});
