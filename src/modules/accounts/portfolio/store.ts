// SQL for the portfolio: the accounts in view, filtered, searched, sorted by a built-in column
// or a custom field (typed), and paged by keyset. The filters arrive checked (../portfolio.ts).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import { Slots, templates } from '../../../db/templates.ts';
import type { CustomFieldType } from '../../../db/schema.ts';
import type { PortfolioQuery } from '../schema.ts';
import { listedColumns, selectAccounts, type AccountScope } from '../store.ts';

type SortExpression = { expr: RawBuilder<unknown>; cast: string; nullable: boolean };

const builtInSorts = {
  name: { expr: sql`lower(accounts.name)`, cast: 'text', nullable: false },
  arr: { expr: sql`accounts.arr_amount`, cast: 'bigint', nullable: false },
  renewalDate: { expr: sql`accounts.renewal_date`, cast: 'date', nullable: true },
  // Health's view of its scores, joined by selectAccounts (../store.ts).
  health: { expr: sql`account_health.score`, cast: 'int', nullable: true },
  // P0 first when ascending: the most important accounts lead.
  priority: { expr: sql`accounts.priority`, cast: 'text', nullable: false },
  tier: {
    expr: sql`case accounts.tier when 'enterprise' then 1 when 'mid_market' then 2 else 3 end`,
    cast: 'int',
    nullable: false,
  },
  stage: {
    expr: sql`case accounts.stage when 'onboarding' then 1 when 'adopting' then 2 when 'steady' then 3 when 'renewing' then 4 else 5 end`,
    cast: 'int',
    nullable: false,
  },
  updatedAt: { expr: sql`accounts.updated_at`, cast: 'timestamptz', nullable: false },
} satisfies Record<string, SortExpression>;

export type BuiltInSort = keyof typeof builtInSorts;

export const isBuiltInSort = (key: string): key is BuiltInSort => Object.hasOwn(builtInSorts, key);

/** What the portfolio sorts by: a built-in column, or a custom field of a sortable type. */
export type SortBy =
  { column: BuiltInSort } | { customField: { key: string; type: CustomFieldType } };

/** A SQL expression over `accounts.custom_fields` that orders and compares by the field's type (null when unset). */
function customFieldExpression(
  type: CustomFieldType,
  key: string,
): { expr: RawBuilder<unknown>; cast: string } {
  const text = sql`custom_fields->>${key}`;
  switch (type) {
    case 'number':
      return { expr: sql`(${text})::numeric`, cast: 'numeric' };
    case 'currency':
      return { expr: sql`(custom_fields->${key}->>'amount')::numeric`, cast: 'numeric' };
    case 'date':
      return { expr: sql`(${text})::date`, cast: 'date' };
    case 'boolean':
      return { expr: sql`(${text})::boolean`, cast: 'boolean' };
    case 'text':
    case 'select':
    case 'multi_select':
      return { expr: sql`lower(${text})`, cast: 'text' };
  }
}

function sortExpression(by: SortBy): SortExpression {
  return 'column' in by
    ? builtInSorts[by.column]
    : { ...customFieldExpression(by.customField.type, by.customField.key), nullable: true };
}

/** The SQL type a sort's values (and so its cursors) are cast to. */
export const sortCast = (by: SortBy): string => sortExpression(by).cast;

/** A custom field filter: a bound on a number, money or date field, or a value to match. */
export type CustomFieldFilter =
  | { key: string; type: CustomFieldType; bound: 'min' | 'max'; text: string }
  | { key: string; match: 'contains' | 'equals'; json: string };

export type PortfolioFilter = {
  /** An owner's id, or null for accounts nobody owns. */
  ownerId?: string | null;
  /** Health categories, and `unscored` for accounts without a score. */
  health?: PortfolioQuery['health'];
  risk?: PortfolioQuery['risk'];
  tier?: PortfolioQuery['tier'];
  stage?: PortfolioQuery['stage'];
  priority?: PortfolioQuery['priority'];
  /** Text in the name, domain or external id. */
  search?: string;
  /** Renewing from `today` to `days` later. */
  renewal?: { today: string; days: number };
  custom: CustomFieldFilter[];
};

type Page = {
  sortBy: SortBy;
  descending: boolean;
  /** The last row shown before this page: its sort value (checked) and id. */
  after: { value: string | null; id: string } | undefined;
  limit: number;
};

/**
 * What the page's SQL is made of, every value a marker (../../../db/templates.ts): its
 * JSON is the statement's shape. Whatever decides the SQL's text is worked out here from the
 * real values (which health filter includes accounts without a score, the search's pattern).
 */
function pageShape(scope: AccountScope, filter: PortfolioFilter, page: Page, slots: Slots) {
  const put = <T extends string | number>(value: T) => slots.put(value);
  const list = <T extends string>(values: readonly T[] | undefined) => values?.map(put);
  // A risk filter, or a health filter without `unscored`, leaves only scored accounts: the
  // health sort then has no nulls to put last, and PostgreSQL can walk health's score index
  // and stop at the page instead of sorting the workspace.
  const onlyScored =
    filter.risk !== undefined ||
    (filter.health !== undefined && !filter.health.includes('unscored'));
  const sortBy: SortBy =
    'column' in page.sortBy
      ? page.sortBy
      : { customField: { ...page.sortBy.customField, key: put(page.sortBy.customField.key) } };
  return {
    scope: {
      workspaceId: put(scope.workspaceId),
      onlyOwner: scope.onlyOwner === null ? null : put(scope.onlyOwner),
    },
    ownerId:
      filter.ownerId === undefined || filter.ownerId === null
        ? filter.ownerId
        : put(filter.ownerId),
    health: filter.health && {
      categories: list(filter.health.filter((h) => h !== 'unscored')) ?? [],
      unscored: filter.health.includes('unscored'),
    },
    risk: list(filter.risk),
    tier: list(filter.tier),
    stage: list(filter.stage),
    priority: list(filter.priority),
    pattern: filter.search
      ? put(`%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : undefined,
    renewal: filter.renewal && {
      today: put(filter.renewal.today),
      days: put(filter.renewal.days),
    },
    custom: filter.custom.map((custom): CustomFieldFilter =>
      'bound' in custom
        ? { ...custom, key: put(custom.key), text: put(custom.text) }
        : { ...custom, key: put(custom.key), json: put(custom.json) },
    ),
    sort: {
      by: sortBy,
      descending: page.descending,
      nullable: sortExpression(sortBy).nullable && !(isHealth(sortBy) && onlyScored),
    },
    after: page.after && {
      value: page.after.value === null ? null : put(page.after.value),
      id: put(page.after.id),
    },
    limit: page.limit,
  };
}

type PageShape = ReturnType<typeof pageShape>;

const isHealth = (by: SortBy) => 'column' in by && by.column === 'health';

/**
 * The accounts in view with the columns a portfolio row is shown with (../view.ts
 * `describeListedAccount`): the joins and scope of every account read (../store.ts), without
 * what only an account's own page shows.
 */
function listedAccounts(db: Db, scope: AccountScope) {
  return selectAccounts(db, scope).clearSelect().select(listedColumns);
}

/** The page's query for a shape, its values markers. */
function pageQuery(db: Db, shape: PageShape) {
  const sort = { ...sortExpression(shape.sort.by), ...shape.sort };
  let q = listedAccounts(db, shape.scope);
  if (shape.ownerId === null) q = q.where('accounts.owner_id', 'is', null);
  else if (shape.ownerId !== undefined) q = q.where('accounts.owner_id', '=', shape.ownerId);
  if (shape.health) {
    const { categories, unscored } = shape.health;
    q = q.where((eb) =>
      eb.or([
        ...(categories.length > 0 ? [eb('account_health.category', 'in', categories)] : []),
        ...(unscored ? [eb('account_health.category', 'is', null)] : []),
      ]),
    );
  }
  if (shape.risk) q = q.where('account_health.risk_level', 'in', shape.risk);
  if (shape.tier) q = q.where('accounts.tier', 'in', shape.tier);
  if (shape.stage) q = q.where('accounts.stage', 'in', shape.stage);
  if (shape.priority) q = q.where('accounts.priority', 'in', shape.priority);
  if (shape.pattern !== undefined) {
    const pattern = shape.pattern;
    q = q.where((eb) =>
      eb.or([
        eb('accounts.name', 'ilike', pattern),
        eb('accounts.domain', 'ilike', pattern),
        eb('accounts.external_id', 'ilike', pattern),
      ]),
    );
  }
  if (shape.renewal) {
    const { today, days } = shape.renewal;
    q = q
      .where('accounts.renewal_date', '>=', today)
      .where(sql<boolean>`accounts.renewal_date <= ${today}::date + ${days}::int`);
  }
  for (const custom of shape.custom) {
    if ('bound' in custom) {
      const { expr, cast } = customFieldExpression(custom.type, custom.key);
      const operator = sql.raw(custom.bound === 'min' ? '>=' : '<=');
      q = q.where(sql<boolean>`${expr} ${operator} cast(${custom.text} as ${sql.raw(cast)})`);
    } else if (custom.match === 'contains') {
      q = q.where(sql<boolean>`accounts.custom_fields->${custom.key} @> ${custom.json}::jsonb`);
    } else {
      q = q.where(sql<boolean>`accounts.custom_fields->${custom.key} = ${custom.json}::jsonb`);
    }
  }
  const direction = sort.descending ? 'desc' : 'asc';
  if (shape.after) q = q.where(afterCursor(sort, shape.after));
  // The page size is in the text, not a parameter, so that the plan PostgreSQL keeps for the
  // named statement is the one for this many rows (a parameter would be planned for a tenth
  // of the workspace).
  return q
    .select(sql<string | null>`(${sort.expr})::text`.as('sort_value'))
    .$if(sort.nullable, (ordered) => ordered.orderBy(sql`(${sort.expr}) is null`))
    .orderBy(sort.expr, direction)
    .orderBy('accounts.id', direction)
    .limit(sql.lit(shape.limit + 1));
}

/** One account of a page as read, with its sort value as text. */
export type PortfolioRow = Awaited<ReturnType<ReturnType<typeof pageQuery>['execute']>>[number];

// A named statement (planning cost PostgreSQL more than running the page does), compiled once
// per shape: building and compiling it was most of the server's own CPU for a page.
const pageStatements = templates<PortfolioRow>('portfolio');

/**
 * The statement for a page: compiled once per shape, or as it is with `Slots.inPlace()` (what
 * the shape's template is checked against).
 */
export function portfolioStatement(
  db: Db,
  scope: AccountScope,
  filter: PortfolioFilter,
  page: Page,
  slots = new Slots(),
) {
  const shape = pageShape(scope, filter, page, slots);
  return pageStatements(shape, slots, () => pageQuery(db, shape));
}

/** A page of the accounts in view: `limit + 1` rows, each with its sort value as text. */
export async function portfolioRows(
  db: Db,
  scope: AccountScope,
  filter: PortfolioFilter,
  page: Page,
) {
  return (await db.executeQuery(portfolioStatement(db, scope, filter, page))).rows;
}

/** Rows after the cursor's position in (value is null, value, id) order. */
function afterCursor(
  sort: SortExpression & { descending: boolean },
  after: { value: string | null; id: string },
): RawBuilder<boolean> {
  const beyond = sql.raw(sort.descending ? '<' : '>');
  const id = sql`${after.id}::uuid`;
  if (after.value === null) {
    return sql<boolean>`(${sort.expr}) is null and accounts.id ${beyond} ${id}`;
  }
  const value = sql`cast(${after.value} as ${sql.raw(sort.cast)})`;
  const valueAfter = sql<boolean>`(${sort.expr}, accounts.id) ${beyond} (${value}, ${id})`;
  return sort.nullable ? sql<boolean>`((${sort.expr}) is null or ${valueAfter})` : valueAfter;
}
