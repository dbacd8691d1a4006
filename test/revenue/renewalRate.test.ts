// The renewal rate of a period counts the renewals decided in it. A customer who cancelled
// mid-contract left in the period it cancelled: that is churn then, and its old renewal date,
// later, is no lost renewal — whether that date falls in the same quarter or a later one, so a
// month and its quarter count it alike. A customer whose contract runs to its renewal date and
// does not renew is that period's lost renewal.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MrrMovementKind, Stage } from '../../src/db/schema.ts';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount } from '../support/factories.ts';
import { contractFor, makeTeam, type Team } from './support.ts';

// Early January: the fourth quarter of 2026 is over, each of its renewals judged.
const { deps } = await useTestDeps('2027-01-05T09:00:00Z');
const app = testApp(deps);

/** Cents: $1,000 a month is 100_000. */
const $ = (dollars: number) => dollars * 100;

async function metrics(client: ApiClient, period: string) {
  const { data, response, error } = await client.GET('/api/v1/metrics', {
    params: { query: { period } },
  });
  if (response.status !== 200 || !data) throw new Error(JSON.stringify(error));
  const byKey = new Map(data.metrics.map((m) => [m.key, m.value]));
  return { data, value: (key: string) => byKey.get(key as never) };
}

describe('renewal rate beside churn', () => {
  let team: Team;
  let ws: WorkspaceId;

  /**
   * A customer at `monthly` dollars since `since`, renewing on `renews` (the renewal Steward
   * recorded, at a year of that MRR); with `leftOn`, its only contract was cancelled and ended
   * that day, and billing churned its MRR then.
   */
  async function customer(
    name: string,
    spec: { monthly: number; since: string; renews: string; leftOn?: string },
  ) {
    const stage: Stage = spec.leftOn ? 'churned' : 'steady';
    const account = await makeAccount(deps.db, ws, {
      name,
      stage,
      renewal_date: spec.renews,
      arr_amount: spec.leftOn ? 0 : $(spec.monthly * 12),
      currency: 'USD',
    });
    const contractId = await contractFor(
      deps.db,
      ws,
      account.id,
      spec.leftOn
        ? { status: 'canceled', endedAt: new Date(`${spec.leftOn}T15:00:00Z`) }
        : { status: 'active' },
    );
    const moves: [MrrMovementKind, number, string][] = [
      ['new', $(spec.monthly), `${spec.since}T10:00:00Z`],
    ];
    if (spec.leftOn) moves.push(['churn', -$(spec.monthly), `${spec.leftOn}T15:00:00Z`]);
    await deps.db
      .insertInto('mrr_movements')
      .values(
        moves.map(([kind, amount, at], i) => ({
          workspace_id: ws,
          account_id: account.id,
          contract_id: contractId,
          kind,
          amount,
          currency: 'USD',
          occurred_at: new Date(at),
          source_event_id: `${name}-${i}`,
        })),
      )
      .execute();
    await deps.db
      .insertInto('renewals')
      .values({
        workspace_id: ws,
        account_id: account.id,
        renewal_date: spec.renews,
        arr_amount: $(spec.monthly * 12),
        currency: 'USD',
        seen_at: new Date('2026-06-01T00:00:00Z'),
      })
      .execute();
  }

  beforeAll(async () => {
    team = await makeTeam(deps.db, app);
    ws = team.workspaceId;
    // Renews on 1 October and keeps paying: renewed, $24,000.
    await customer('Renewer', { monthly: 2000, since: '2025-10-01', renews: '2026-10-01' });
    // Its contract runs to its renewal date on 10 November and is not renewed: lost, $6,000.
    await customer('Lets It Lapse', {
      monthly: 500,
      since: '2025-11-10',
      renews: '2026-11-10',
      leftOn: '2026-11-10',
    });
    // Cancels mid-contract on 14 August, its term running to 20 December: churn in Q3.
    await customer('Midterm Leaver', {
      monthly: 1000,
      since: '2025-12-20',
      renews: '2026-12-20',
      leftOn: '2026-08-14',
    });
    // Cancels mid-contract on 5 October, its renewal on 1 December: Q4's churn, and no renewal
    // of Q4 or of December, though both hold its renewal date. $3,000.
    await customer('October Leaver', {
      monthly: 250,
      since: '2025-12-01',
      renews: '2026-12-01',
      leftOn: '2026-10-05',
    });
  });

  it('shows a mid-contract cancellation as churn in the quarter it left', async () => {
    const { data, value } = await metrics(team.as.manager, '2026-Q3');
    expect(data.detail.cohort.churnedLogos).toBe(1);
    expect(value('churnedMrr')).toBe($(1000));
    // No renewal fell due in Q3.
    expect(data.detail.renewals).toMatchObject({ renewed: 0, lost: 0, pending: 0 });
    expect(value('renewalRate')).toBeNull();
  });

  it('does not lower a later quarter’s renewal rate with a customer who had already left', async () => {
    const { data, value } = await metrics(team.as.manager, '2026-Q4');
    // Renewed: Renewer 24,000. Lost: Lets It Lapse 6,000. Midterm Leaver left in August and
    // October Leaver in October, each before its renewal date: no renewal of Q4 (with both it
    // was 24,000 / 45,000 = 0.5333; with October Leaver alone, 24,000 / 33,000 = 0.7273).
    expect(data.detail.renewals).toMatchObject({
      renewed: 1,
      lost: 1,
      pending: 0,
      renewedArr: $(24_000),
      lostArr: $(6000),
    });
    expect(value('renewalRate')).toBe(0.8); // 24,000 / 30,000
    // Q4's churn is the two who left in it.
    expect(data.detail.cohort.churnedLogos).toBe(2);
    expect(value('churnedMrr')).toBe($(750));
  });

  it('still counts a contract that ran to its renewal date and was not renewed as lost', async () => {
    const { data, value } = await metrics(team.as.manager, '2026-11');
    expect(data.detail.renewals).toMatchObject({ renewed: 0, lost: 1, lostArr: $(6000) });
    expect(value('renewalRate')).toBe(0);
    // December: October Leaver's renewal, a month after it left, is no renewal of December
    // either; nor is Midterm Leaver's.
    const december = await metrics(team.as.manager, '2026-12');
    expect(december.data.detail.renewals).toMatchObject({ renewed: 0, lost: 0, pending: 0 });
    expect(december.value('renewalRate')).toBeNull();
  });

  it('counts a customer who cancelled before its renewal date the same way in the month and the quarter', async () => {
    // October Leaver cancelled on 5 October, its renewal on 1 December: the quarter holds
    // both days, its December does not hold the first. A CSM adding up October, November and
    // December must find the quarter's renewals.
    const months = await Promise.all(
      ['2026-10', '2026-11', '2026-12'].map((period) => metrics(team.as.manager, period)),
    );
    const quarter = await metrics(team.as.manager, '2026-Q4');
    const sum = (key: 'renewed' | 'lost' | 'renewedArr' | 'lostArr') =>
      months.reduce((total, month) => total + (month.data.detail.renewals[key] ?? 0), 0);
    expect(quarter.data.detail.renewals).toMatchObject({
      renewed: sum('renewed'),
      lost: sum('lost'),
      renewedArr: sum('renewedArr'),
      lostArr: sum('lostArr'),
    });
  });
});
