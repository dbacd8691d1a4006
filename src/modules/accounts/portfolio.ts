// The portfolio: a CSM's (or the team's) accounts, filtered, searched, sorted and paged.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Clock } from '../../lib/clock.ts';
import { invalid, type FieldError } from '../../lib/errors.ts';
import type { UserId } from '../../lib/ids.ts';
import { cursorValue, decodeCursor, toPage, type Position } from '../../lib/pagination.ts';
import { isoDay } from '../../lib/calendar.ts';
import {
  customFieldDefinitions,
  customFieldExpression,
  parseCustomFieldText,
} from './customFields.ts';
import { customFieldFilters, portfolioQuery, type PortfolioQuery } from './schema.ts';
import { findSegment } from './segments.ts';
import { selectAccounts, type AccountScope } from './store.ts';
import { describeAccount } from './view.ts';

/** Sorts by a nullable expression; accounts without a value come last in either direction. */
type Sort = { expr: RawBuilder<unknown>; cast: string; descending: boolean; nullable: boolean };

const builtInSorts: Record<string, Omit<Sort, 'descending'>> = {
  name: { expr: sql`lower(accounts.name)`, cast: 'text', nullable: false },
  arr: { expr: sql`accounts.arr_amount`, cast: 'bigint', nullable: false },
  renewalDate: { expr: sql`accounts.renewal_date`, cast: 'date', nullable: true },
  health: { expr: sql`accounts.health_score`, cast: 'int', nullable: true },
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
};

type Viewer = { scope: AccountScope; userId: UserId };

type Filters = { query: PortfolioQuery; custom: Record<string, string> };

/** Explicit query parameters win over the saved segment's. */
async function withSegment(db: Db, viewer: Viewer, filters: Filters): Promise<Filters> {
  const { query, custom } = filters;
  if (!query.segment) return filters;
  const segment = await findSegment(db, viewer.scope.workspaceId, viewer.userId, query.segment);
  const saved = portfolioQuery.safeParse(segment.filters);
  if (!saved.success)
    throw invalid([{ path: 'segment', message: 'the saved filters are no longer valid' }]);
  const explicit = Object.fromEntries(
    Object.entries(query).filter(([key, value]) => value !== undefined && key !== 'sort'),
  );
  return {
    query: {
      ...saved.data,
      ...explicit,
      sort: query.sort !== 'name' ? query.sort : saved.data.sort,
    },
    custom: { ...customFieldFilters(segment.filters), ...custom },
  };
}

export async function portfolio(db: Db, clock: Clock, viewer: Viewer, filters: Filters) {
  const { query, custom } = await withSegment(db, viewer, filters);
  // Custom field definitions only when a filter or the sort names one: the plain list is the
  // hot path and skips the round trip.
  const needsDefinitions = query.sort.includes('cf.') || Object.keys(custom).length > 0;
  const definitions = needsDefinitions
    ? await customFieldDefinitions(db, viewer.scope.workspaceId, 'account')
    : [];
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const errors: FieldError[] = [];

  const descending = query.sort.startsWith('-');
  const sortKey = descending ? query.sort.slice(1) : query.sort;
  let sort: Sort | undefined;
  if (sortKey.startsWith('cf.')) {
    const field = byKey.get(sortKey.slice(3));
    if (!field) errors.push({ path: 'sort', message: `no custom field "${sortKey.slice(3)}"` });
    else if (field.type === 'multi_select')
      errors.push({ path: 'sort', message: 'a multi-select field cannot be sorted by' });
    else sort = { ...customFieldExpression(field.type, field.key), descending, nullable: true };
  } else {
    const builtIn = builtInSorts[sortKey];
    if (builtIn) sort = { ...builtIn, descending };
  }

  let q = selectAccounts(db, viewer.scope);
  if (query.owner === 'me') q = q.where('accounts.owner_id', '=', viewer.userId);
  else if (query.owner === 'unassigned') q = q.where('accounts.owner_id', 'is', null);
  else if (query.owner !== undefined) {
    if (!/^[0-9a-f-]{36}$/i.test(query.owner))
      errors.push({ path: 'owner', message: 'must be me, unassigned or a user id' });
    else q = q.where('accounts.owner_id', '=', query.owner);
  }
  if (query.health) {
    const health = query.health;
    const categories = health.filter((h) => h !== 'unscored');
    q = q.where((eb) =>
      eb.or([
        ...(categories.length > 0 ? [eb('accounts.health_category', 'in', categories)] : []),
        ...(health.includes('unscored') ? [eb('accounts.health_category', 'is', null)] : []),
      ]),
    );
  }
  if (query.risk) q = q.where('accounts.churn_risk_level', 'in', query.risk);
  if (query.tier) q = q.where('accounts.tier', 'in', query.tier);
  if (query.stage) q = q.where('accounts.stage', 'in', query.stage);
  if (query.priority) q = q.where('accounts.priority', 'in', query.priority);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('accounts.name', 'ilike', pattern),
        eb('accounts.domain', 'ilike', pattern),
        eb('accounts.external_id', 'ilike', pattern),
      ]),
    );
  }
  if (query.renewalWithin) {
    const today = isoDay(clock.now());
    const days = Number.parseInt(query.renewalWithin, 10);
    q = q
      .where('accounts.renewal_date', '>=', today)
      .where(sql<boolean>`accounts.renewal_date <= ${today}::date + ${days}::int`);
  }

  for (const [param, text] of Object.entries(custom)) {
    const match = /^cf\.([a-z][a-z0-9_]*)(?:\.(min|max))?$/.exec(param);
    if (!match) {
      errors.push({ path: param, message: 'use cf.<key>, cf.<key>.min or cf.<key>.max' });
      continue;
    }
    const [, key = '', bound] = match;
    const field = byKey.get(key);
    if (!field) {
      errors.push({ path: param, message: `no custom field "${key}"` });
      continue;
    }
    if (bound) {
      if (!['number', 'currency', 'date'].includes(field.type)) {
        errors.push({ path: param, message: `${field.type} fields take no ${bound}` });
        continue;
      }
      const { expr, cast } = customFieldExpression(field.type, key);
      const valid =
        field.type === 'date' ? /^\d{4}-\d{2}-\d{2}$/.test(text) : Number.isFinite(Number(text));
      if (!valid) {
        errors.push({
          path: param,
          message: field.type === 'date' ? 'must be YYYY-MM-DD' : 'must be a number',
        });
        continue;
      }
      const operator = sql.raw(bound === 'min' ? '>=' : '<=');
      q = q.where(sql<boolean>`${expr} ${operator} cast(${text} as ${sql.raw(cast)})`);
      continue;
    }
    const value = parseCustomFieldText(field, text);
    if (field.type === 'multi_select') {
      q = q.where(sql<boolean>`accounts.custom_fields->${key} @> ${JSON.stringify(value)}::jsonb`);
    } else {
      q = q.where(sql<boolean>`accounts.custom_fields->${key} = ${JSON.stringify(value)}::jsonb`);
    }
  }
  if (errors.length > 0 || !sort) throw invalid(errors, 'Some filters are not valid.');

  const direction = sort.descending ? 'desc' : 'asc';
  if (query.cursor) q = q.where(afterCursor(sort, decodeCursor(query.cursor, query.sort)));
  const rows = await q
    .select(sql<string | null>`(${sort.expr})::text`.as('sort_value'))
    .$if(sort.nullable, (ordered) => ordered.orderBy(sql`(${sort.expr}) is null`))
    .orderBy(sort.expr, direction)
    .orderBy('accounts.id', direction)
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, describeAccount, (row) => ({
    value: row.sort_value,
    id: row.id,
    sort: query.sort,
  }));
}

/** Rows after the cursor's position in (value is null, value, id) order. */
function afterCursor(sort: Sort, after: Position): RawBuilder<boolean> {
  const beyond = sql.raw(sort.descending ? '<' : '>');
  const id = sql`${after.id}::uuid`;
  if (after.value === null) {
    return sql<boolean>`(${sort.expr}) is null and accounts.id ${beyond} ${id}`;
  }
  const value = sql`cast(${cursorValue(after, sort.cast)} as ${sql.raw(sort.cast)})`;
  const valueAfter = sql<boolean>`(${sort.expr}, accounts.id) ${beyond} (${value}, ${id})`;
  return sort.nullable ? sql<boolean>`((${sort.expr}) is null or ${valueAfter})` : valueAfter;
}
