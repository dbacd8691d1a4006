// Themes ranked over long windows: the workspace's ranking is read off tallies the feedback
// table's triggers keep (migration 0029), a CSM's off the items. Both must say exactly what the
// items themselves say — counted here from scratch, item by item — after everything that moves
// an item: a recomputation, a placement, a move, a merge, a split, a change of kind, a review,
// an account archived, and an account's items gone with it.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/demo/random.ts';
import { dayMs, hourMs } from '../../src/lib/calendar.ts';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { importFeedbackItems } from '../../src/modules/voice/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import {
  makeAccount,
  makeUser,
  makeWorkspace,
  scoreAccount,
  testPassword,
} from '../support/factories.ts';
import { runJobs } from '../notify/support.ts';

const { deps, clock, database } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);
const now = clock.now();

const topics = [
  ['Export to Excel please', 'CSV export for finance', 'Выгрузка в Excel'],
  ['We need SSO with Azure AD', 'SAML single sign-on', 'Нужен единый вход'],
  ['Dark mode for the evenings', 'A dark theme please', 'Тёмная тема'],
  ['Slack alerts when a task is late', 'Slack integration for alerts'],
  ['Gantt chart for plans', 'Gantt view of the project'],
  ['Charged twice this month', 'Wrong invoice amount'],
];
const kinds = ['feature_request', 'bug', 'complaint', 'praise', 'question'] as const;

type Projection = {
  id: string;
  type: string;
  accountCount: number;
  itemCount: number;
  proposedCount: number;
  arr: number;
  atRiskArr: number;
  currency: string;
  trend: { current: number; previous: number; direction: string };
  firstSeen: string;
  lastSeen: string;
  items: string[];
};

/** The ranking counted item by item from the stored rows, as the product defines it. */
async function fromScratch(
  days: number,
  options: { type?: string; owner?: string; items: number },
): Promise<Projection[]> {
  const items = await deps.db
    .selectFrom('feedback_items')
    .select(['id', 'theme_id', 'account_id', 'type', 'review', 'given_at'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const accounts = new Map(
    (
      await deps.db
        .selectFrom('accounts')
        .select(['id', 'arr_amount', 'currency', 'deleted_at', 'owner_id'])
        .where('workspace_id', '=', workspaceId)
        .execute()
    ).map((a) => [a.id, a]),
  );
  const health = new Map(
    (
      await deps.db
        .selectFrom('account_health')
        .select(['account_id', 'category'])
        .where('workspace_id', '=', workspaceId)
        .execute()
    ).map((h) => [h.account_id, h.category]),
  );
  const since = now.getTime() - days * dayMs;
  const previousSince = since - days * dayMs;
  const counted = (accountId: string) => {
    const account = accounts.get(accountId);
    return (
      account !== undefined &&
      account.deleted_at === null &&
      (options.owner === undefined || account.owner_id === options.owner)
    );
  };
  const themeIds = [...new Set(items.flatMap((i) => (i.theme_id ? [i.theme_id] : [])))];
  const result: (Projection & { ranked: [number, number, number, number] })[] = [];
  for (const themeId of themeIds) {
    const all = items.filter((i) => i.theme_id === themeId && i.review !== 'dismissed');
    const inScope = all.filter(
      (i) =>
        counted(i.account_id) &&
        i.given_at.getTime() >= previousSince &&
        (options.type === undefined || i.type === options.type),
    );
    const current = inScope.filter((i) => i.given_at.getTime() >= since);
    const accepted = current.filter((i) => i.review === 'accepted');
    const itemCount = accepted.length;
    const proposedCount = current.filter((i) => i.review === 'proposed').length;
    const previous = inScope.filter(
      (i) => i.given_at.getTime() < since && i.review === 'accepted',
    ).length;
    if (itemCount === 0 && proposedCount === 0) continue;
    const asking = [...new Set(accepted.map((i) => i.account_id))].map(
      (id) => accounts.get(id) ?? { arr_amount: 0, currency: 'USD', id },
    );
    const arr = asking.reduce((sum, a) => sum + a.arr_amount, 0);
    const atRiskArr = asking
      .filter((a) => ['at_risk', 'critical'].includes(health.get(a.id) ?? ''))
      .reduce((sum, a) => sum + a.arr_amount, 0);
    const kindCounts = kinds.map((k) => current.filter((i) => i.type === k).length);
    const best = Math.max(...kindCounts);
    const times = all.map((i) => i.given_at.getTime());
    // The newest items of the window (a CSM's: of their clients), then those still listed.
    const newest = all
      .filter(
        (i) =>
          i.given_at.getTime() >= since &&
          (options.owner === undefined || accounts.get(i.account_id)?.owner_id === options.owner),
      )
      .sort((a, b) => b.given_at.getTime() - a.given_at.getTime() || (a.id < b.id ? 1 : -1))
      .slice(0, options.items)
      .filter((i) => counted(i.account_id));
    result.push({
      id: themeId,
      type: [...kinds].sort().find((k) => kindCounts[kinds.indexOf(k)] === best) ?? '',
      accountCount: asking.length,
      itemCount,
      proposedCount,
      arr,
      atRiskArr,
      currency:
        asking
          .map((a) => a.currency)
          .sort()
          .at(-1) ?? 'USD',
      trend: {
        current: itemCount,
        previous,
        direction:
          previous === 0
            ? 'new'
            : itemCount >= previous * 1.25
              ? 'rising'
              : itemCount <= previous * 0.8
                ? 'falling'
                : 'steady',
      },
      firstSeen: new Date(Math.min(...times)).toISOString(),
      lastSeen: new Date(Math.max(...times)).toISOString(),
      items: newest.map((i) => i.id),
      ranked: [asking.length, arr, itemCount, proposedCount],
    });
  }
  return result
    .sort((a, b) => {
      for (let k = 0; k < 4; k++) {
        const d = (b.ranked[k] ?? 0) - (a.ranked[k] ?? 0);
        if (d !== 0) return d;
      }
      return a.id < b.id ? -1 : 1;
    })
    .map(({ ranked: _, ...theme }) => theme);
}

async function answered(client: ApiClient, days: number, type?: (typeof kinds)[number]) {
  const { data, response } = await client.GET('/api/v1/feedback/themes', {
    params: { query: { since: `${days}d`, limit: 200, items: 5, ...(type ? { type } : {}) } },
  });
  expect(response.status).toBe(200);
  return (data?.items ?? []).map((t): Projection => ({
    id: t.id,
    type: t.type,
    accountCount: t.accountCount,
    itemCount: t.itemCount,
    proposedCount: t.proposedCount,
    arr: t.arr.amount,
    atRiskArr: t.atRiskArr.amount,
    currency: t.arr.currency,
    trend: t.trend,
    firstSeen: t.firstSeen,
    lastSeen: t.lastSeen,
    items: t.items.map((i) => i.id),
  }));
}

/** Every window and filter the tallies serve, for the workspace and for one CSM's clients. */
async function expectSameAsFromScratch() {
  for (const days of [1, 7, 30, 45, 90, 365, 400, 730, 3650]) {
    for (const type of [undefined, 'feature_request', 'bug'] as const) {
      const expected = await fromScratch(days, { items: 5, ...(type ? { type } : {}) });
      expect(await answered(admin, days, type), `${days}d ${type ?? ''}`).toEqual(expected);
    }
    expect(await answered(csm, days), `${days}d, one CSM`).toEqual(
      await fromScratch(days, { items: 5, owner: csmId }),
    );
  }
}

let workspaceId: WorkspaceId;
let admin: ApiClient;
let csm: ApiClient;
let csmId: UserId;
const accountIds: string[] = [];

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const adminUser = await makeUser(deps.db, workspaceId, { role: 'admin' });
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm' });
  csmId = csmUser.id;
  admin = await signedIn(app, adminUser.email, testPassword);
  csm = await signedIn(app, csmUser.email, testPassword);
  // Twelve accounts, two owners, some with the same ARR (ties rank by items, then by id).
  for (let i = 0; i < 12; i++) {
    const account = await makeAccount(deps.db, workspaceId, {
      owner_id: i % 3 === 0 ? csmId : adminUser.id,
      arr_amount: [50_000_00, 120_000_00, 50_000_00, 8_000_00][i % 4],
    });
    accountIds.push(account.id);
  }
  await scoreAccount(deps.db, workspaceId, accountIds[1] ?? '', {
    score: 30,
    category: 'critical',
  });
  await scoreAccount(deps.db, workspaceId, accountIds[2] ?? '', { score: 45, category: 'at_risk' });
  await scoreAccount(deps.db, workspaceId, accountIds[3] ?? '', { score: 90, category: 'healthy' });

  // Two years and a half of feedback at any hour, and some exactly either side of the instants
  // where the year and the year before it begin (their first days are counted item by item).
  const random = seededRandom(29);
  const edges = [365, 730].flatMap((d) =>
    [-5, -1, 0, 1, 5].map((h) => now.getTime() - d * dayMs + h * hourMs),
  );
  const times = [
    ...Array.from({ length: 400 }, () => now.getTime() - random.int(0, 900 * 24) * hourMs),
    ...edges,
  ];
  await importFeedbackItems(
    deps.db,
    now,
    workspaceId,
    times.map((at, i) => ({
      accountId: accountIds[random.int(0, accountIds.length - 1)] ?? '',
      contactId: null,
      type: random.chance(0.7) ? 'feature_request' : random.pick(kinds),
      priority: 'medium' as const,
      text: random.pick(random.pick(topics)),
      source: 'api' as const,
      sourceRef: `long-window-${i}`,
      givenAt: new Date(at),
      loggedBy: null,
      review: random.chance(0.15) ? 'proposed' : random.chance(0.05) ? 'dismissed' : 'accepted',
    })),
  );
  const { response } = await admin.POST('/api/v1/feedback/themes/recompute', {});
  expect(response.status).toBe(200);
});

const themeOf = async (itemId: string) =>
  (
    await deps.db
      .selectFrom('feedback_items')
      .select('theme_id')
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow()
  ).theme_id ?? '';

/** The workspace's themes by size, and some of each one's accepted items, newest first. */
async function themesBySize() {
  const rows = await deps.db
    .selectFrom('feedback_items')
    .select(['id', 'theme_id', 'review'])
    .where('workspace_id', '=', workspaceId)
    .where('theme_id', 'is not', null)
    .orderBy('given_at', 'desc')
    .orderBy('id')
    .execute();
  const members = new Map<string, string[]>();
  for (const row of rows) {
    if (row.review !== 'accepted' || !row.theme_id) continue;
    members.set(row.theme_id, [...(members.get(row.theme_id) ?? []), row.id]);
  }
  return [...members].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
}

describe('themes over long windows', () => {
  it('rank a year of recomputed feedback exactly as counting every item would', async () => {
    expect((await fromScratch(365, { items: 5 })).length).toBeGreaterThan(3);
    await expectSameAsFromScratch();
  });

  it('stay exact after moves, a merge, a split, kinds and reviews changed, new items placed, and accounts archived or gone', async () => {
    const [first, second, third] = await themesBySize();
    const firstItems = first?.[1] ?? [];
    const secondItems = second?.[1] ?? [];

    // A person moves an item to another theme, and another to a theme of its own.
    const moved = await admin.POST('/api/v1/feedback/{id}/move', {
      params: { path: { id: firstItems[0] ?? '' } },
      body: { themeId: second?.[0] ?? '' },
    });
    expect(moved.response.status).toBe(200);
    await admin.POST('/api/v1/feedback/{id}/move', {
      params: { path: { id: firstItems[1] ?? '' } },
      body: { themeId: null },
    });
    // A merge, then a split of the merged theme.
    const merged = await admin.POST('/api/v1/feedback/themes/{id}/merge', {
      params: { path: { id: third?.[0] ?? '' } },
      body: { intoThemeId: second?.[0] ?? '' },
    });
    expect(merged.response.status).toBe(200);
    const split = await admin.POST('/api/v1/feedback/themes/{id}/split', {
      params: { path: { id: second?.[0] ?? '' } },
      body: { itemIds: secondItems.slice(0, 4) },
    });
    expect(split.response.status).toBe(201);
    // A kind corrected, a proposed item accepted and another dismissed.
    await admin.PATCH('/api/v1/feedback/{id}', {
      params: { path: { id: firstItems[2] ?? '' } },
      body: { type: 'bug' },
    });
    const proposed = await deps.db
      .selectFrom('feedback_items')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('review', '=', 'proposed')
      .where('theme_id', 'is not', null)
      .orderBy('given_at', 'desc')
      .limit(2)
      .execute();
    for (const [i, review] of (['accepted', 'dismissed'] as const).entries()) {
      const { response } = await admin.POST('/api/v1/feedback/{id}/review', {
        params: { path: { id: proposed[i]?.id ?? '' } },
        body: { review },
      });
      expect(response.status).toBe(200);
    }
    // New items, placed in their themes by the worker: one today, one a year ago to the hour.
    for (const givenAt of [now, new Date(now.getTime() - 365 * dayMs + hourMs)]) {
      const { response } = await admin.POST('/api/v1/feedback', {
        body: {
          accountId: accountIds[4] ?? '',
          text: 'Excel export of the whole report',
          givenAt: givenAt.toISOString(),
        },
      });
      expect(response.status).toBe(201);
    }
    await runJobs(deps, database.pool, clock);
    // One account archived (its history kept), one removed outright (its items go with it).
    expect(
      (
        await admin.DELETE('/api/v1/accounts/{id}', {
          params: { path: { id: accountIds[5] ?? '' } },
        })
      ).response.status,
    ).toBe(204);
    await deps.db
      .deleteFrom('accounts')
      .where('id', '=', accountIds[6] ?? '')
      .execute();

    expect(await themeOf(firstItems[0] ?? '')).toBe(second?.[0]);
    await expectSameAsFromScratch();

    // And a recomputation over all of it changes nothing the tallies cannot follow.
    await admin.POST('/api/v1/feedback/themes/recompute', {});
    await expectSameAsFromScratch();
  });

  it('keeps its tallies equal to a recount of the items', async () => {
    const { rows } = await sql<{ stale: number }>`select
        (select count(*) from (
          (select workspace_id, day, theme_id, type, review, items from feedback_theme_days
            except select workspace_id, (given_at at time zone 'UTC')::date, theme_id, type, review, count(*)::int
            from feedback_items where theme_id is not null and review <> 'dismissed' group by 1, 2, 3, 4, 5)
          union all
          (select workspace_id, (given_at at time zone 'UTC')::date, theme_id, type, review, count(*)::int
            from feedback_items where theme_id is not null and review <> 'dismissed' group by 1, 2, 3, 4, 5
            except select workspace_id, day, theme_id, type, review, items from feedback_theme_days)
        ) d)::int
        + (select count(*) from (
          (select workspace_id, month, theme_id, type, review, items from feedback_theme_months
            except select workspace_id, date_trunc('month', given_at at time zone 'UTC')::date, theme_id, type, review, count(*)::int
            from feedback_items where theme_id is not null and review <> 'dismissed' group by 1, 2, 3, 4, 5)
          union all
          (select workspace_id, date_trunc('month', given_at at time zone 'UTC')::date, theme_id, type, review, count(*)::int
            from feedback_items where theme_id is not null and review <> 'dismissed' group by 1, 2, 3, 4, 5
            except select workspace_id, month, theme_id, type, review, items from feedback_theme_months)
        ) m)::int
        + (select count(*) from (
          (select workspace_id, theme_id, account_id, last_asked_at from feedback_theme_accounts
            except select workspace_id, theme_id, account_id, max(given_at)
            from feedback_items where theme_id is not null and review = 'accepted' group by 1, 2, 3)
          union all
          (select workspace_id, theme_id, account_id, max(given_at)
            from feedback_items where theme_id is not null and review = 'accepted' group by 1, 2, 3
            except select workspace_id, theme_id, account_id, last_asked_at from feedback_theme_accounts)
        ) a)::int as stale`.execute(deps.db);
    expect(rows[0]?.stale).toBe(0);
  });
});
