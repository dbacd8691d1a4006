// The portfolio: a CSM's (or the team's) accounts, filtered, searched, sorted and paged. The
// filters are checked here, every problem named at once; the query is in portfolio/store.ts.
import type { Db } from '../../db/connect.ts';
import type { Clock } from '../../lib/clock.ts';
import { fieldProblem, invalid, type FieldError } from '../../lib/errors.ts';
import type { UserId } from '../../lib/ids.ts';
import { cursorValue, decodeCursor, toPage } from '../../lib/pagination.ts';
import { isoDay } from '../../lib/calendar.ts';
import { customFieldDefinitions, parseCustomFieldText } from './customFields.ts';
import * as store from './portfolio/store.ts';
import { customFieldFilters, portfolioQuery, type PortfolioQuery } from './schema.ts';
import { findSegment } from './segments.ts';
import type { AccountScope } from './store.ts';
import { describeListedAccount } from './view.ts';

type Viewer = { scope: AccountScope; userId: UserId };

type Filters = { query: PortfolioQuery; custom: Record<string, string> };

/** Explicit query parameters win over the saved segment's. */
async function withSegment(db: Db, viewer: Viewer, filters: Filters): Promise<Filters> {
  const { query, custom } = filters;
  if (!query.segment) return filters;
  const segment = await findSegment(db, viewer.scope.workspaceId, viewer.userId, query.segment);
  const saved = portfolioQuery.safeParse(segment.filters);
  if (!saved.success) throw invalid([fieldProblem('segment', 'accounts.field.savedFiltersStale')]);
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
  let sortBy: store.SortBy | undefined;
  if (sortKey.startsWith('cf.')) {
    const field = byKey.get(sortKey.slice(3));
    if (!field)
      errors.push(
        fieldProblem('sort', 'accounts.field.noCustomFieldKey', { key: sortKey.slice(3) }),
      );
    else if (field.type === 'multi_select')
      errors.push(fieldProblem('sort', 'accounts.field.multiSelectSort'));
    else sortBy = { customField: { key: field.key, type: field.type } };
  } else if (store.isBuiltInSort(sortKey)) {
    sortBy = { column: sortKey };
  }

  const filter: store.PortfolioFilter = {
    health: query.health,
    risk: query.risk,
    tier: query.tier,
    stage: query.stage,
    priority: query.priority,
    search: query.q,
    custom: [],
  };
  if (query.owner === 'me') filter.ownerId = viewer.userId;
  else if (query.owner === 'unassigned') filter.ownerId = null;
  else if (query.owner !== undefined) {
    if (!/^[0-9a-f-]{36}$/i.test(query.owner))
      errors.push(fieldProblem('owner', 'accounts.field.owner'));
    else filter.ownerId = query.owner;
  }
  if (query.renewalWithin) {
    filter.renewal = {
      today: isoDay(clock.now()),
      days: Number.parseInt(query.renewalWithin, 10),
    };
  }

  for (const [param, text] of Object.entries(custom)) {
    const match = /^cf\.([a-z][a-z0-9_]*)(?:\.(min|max))?$/.exec(param);
    if (!match) {
      errors.push(fieldProblem(param, 'accounts.field.customFilter'));
      continue;
    }
    const [, key = '', bound] = match;
    const field = byKey.get(key);
    if (!field) {
      errors.push(fieldProblem(param, 'accounts.field.noCustomFieldKey', { key }));
      continue;
    }
    if (bound === 'min' || bound === 'max') {
      if (!['number', 'currency', 'date'].includes(field.type)) {
        errors.push(fieldProblem(param, 'accounts.field.noBound', { type: field.type, bound }));
        continue;
      }
      const valid =
        field.type === 'date' ? /^\d{4}-\d{2}-\d{2}$/.test(text) : Number.isFinite(Number(text));
      if (!valid) {
        errors.push(
          fieldProblem(
            param,
            field.type === 'date' ? 'accounts.field.day' : 'accounts.field.number',
          ),
        );
        continue;
      }
      filter.custom.push({ key, type: field.type, bound, text });
      continue;
    }
    const value = parseCustomFieldText(field, text);
    filter.custom.push({
      key,
      match: field.type === 'multi_select' ? 'contains' : 'equals',
      json: JSON.stringify(value),
    });
  }
  if (errors.length > 0 || !sortBy) throw invalid(errors, { key: 'accounts.problem.filters' });

  const position = query.cursor
    ? decodeCursor(query.cursor, query.sort, { id: 'uuid' })
    : undefined;
  const after = position && {
    value: position.value === null ? null : cursorValue(position, store.sortCast(sortBy)),
    id: position.id,
  };
  const rows = await store.portfolioRows(db, viewer.scope, filter, {
    sortBy,
    descending,
    after,
    limit: query.limit,
  });
  return toPage(rows, query.limit, describeListedAccount, (row) => ({
    value: row.sort_value,
    id: row.id,
    sort: query.sort,
  }));
}
