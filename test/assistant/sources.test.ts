// Ask Steward over HTTP for the intents other modules answer — revenue (renewals, metrics,
// expansion), voice (NPS, requests, roadmap) and meetings (the calendar, QBRs due, proposals to
// confirm) — on the same fixtures as api.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { ask, makePortfolio, type Portfolio } from './fixtures.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let p: Portfolio;
let jordan: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  p = await makePortfolio(deps, app);
  ({ jordan, admin } = p);
});

describe('revenue answers', () => {
  it('lists the renewals of the next 90 days with their ARR and forecast', async () => {
    const { data } = await ask(jordan, 'Show upcoming renewals in next 90 days');
    if (data?.widget !== 'renewal_pipeline') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => i.name)).toEqual(['Larkspur Logistics']);
    expect(data.data.totals.arrUp.amount).toBe(48_000_000);
    expect(data.answer).toMatch(/^1 client renews between .+: \$480,000 ARR up/);
    // Its forecast may still be likely; its slipping health is said apart.
    expect(data.data.items[0]?.category).toBe('critical');
    expect(data.answer).toMatch(/ 1 of them, \$480,000 ARR, has At Risk or Critical health\.$/);
  });

  it('answers renewals in Russian for next month, none of another CSM’s', async () => {
    const { data } = await ask(jordan, 'Какие продления в следующем месяце?');
    if (data?.widget !== 'renewal_pipeline') throw new Error(`widget ${data?.widget}`);
    expect(data.data.window).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(data.answer).toMatch(/продлевается 1 клиент/);
  });

  it('reports revenue metrics for a period with NRR and GRR', async () => {
    const { data } = await ask(admin, 'net revenue retention last quarter');
    if (data?.widget !== 'revenue_metrics') throw new Error(`widget ${data?.widget}`);
    expect(data.data.period.from).toBe('2026-07-01');
    expect(data.data.metrics.map((m) => m.key)).toContain('nrr');
    // The fixtures bill nothing: ARR is 0 and the ratios have no figure yet.
    expect(data.answer).toBe(
      'Jul 1, 2026 to Sep 30, 2026: ARR $0, NRR —, GRR —, expansion MRR $0.',
    );
    // Every movement of the bridge is there, so its lines add up to the end.
    const b = data.data.bridge;
    expect(b.startMrr + b.newMrr + b.expansionMrr + b.contractionMrr + b.churnedMrr).toBe(b.endMrr);
    const inRussian = await ask(admin, 'какой у нас ARR за прошлый квартал?');
    expect(inRussian.data?.answer).toMatch(
      /^С 1 июл\. 2026 г\. по 30 сент\. 2026 г\.: ARR 0\s\$, NRR —, GRR —, MRR расширения 0\s\$\.$/,
    );
  });

  it('answers expansion and premium questions from the revenue module', async () => {
    const expansion = await ask(jordan, 'Identify expansion opportunities across my portfolio');
    expect(expansion.data?.widget).toBe('upsell_opportunities');
    const premium = await ask(jordan, 'Show clients ready for premium tier upgrade');
    expect(premium.data?.widget).toBe('premium_upgrades');
  });
});

describe('voice answers', () => {
  beforeAll(async () => {
    for (const [accountId, text] of [
      [p.larkspurId, 'We need a dark mode for the dashboard, the night shift struggles'],
      [p.acmeId, 'Please add dark mode, our team works late'],
      [p.acmeId, 'Export to Excel would save us hours'],
    ] as const) {
      await admin.POST('/api/v1/feedback', {
        body: { accountId, text, type: 'feature_request' },
      });
    }
    await admin.POST('/api/v1/feedback/themes/recompute', {});
    await admin.POST('/api/v1/surveys/responses', {
      body: { accountId: p.larkspurId, score: 3, comment: 'Too slow since the last release' },
    });
    await admin.POST('/api/v1/surveys/responses', { body: { accountId: p.acmeId, score: 10 } });
    await admin.POST('/api/v1/roadmap-items', {
      body: { title: 'Dark mode', targetQuarter: '2027-Q1', status: 'planned' },
    });
  });

  it('shows NPS by client with what detractors wrote, lowest first', async () => {
    const { data } = await ask(jordan, 'Show recent NPS survey results by client');
    if (data?.widget !== 'nps_dashboard') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => i.name)).toEqual(['Larkspur Logistics', 'Acme Corp']);
    expect(data.data.verbatims[0]?.comment).toBe('Too slow since the last release');
    expect(data.answer).toContain('NPS 0 from 2 responses');
    expect(data.answer).toContain('Larkspur Logistics scores lowest (-100)');
  });

  it('ranks feature requests by how many customers asked', async () => {
    const { data } = await ask(jordan, 'what do customers ask for the most');
    if (data?.widget !== 'feature_requests') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items[0]?.accountCount).toBe(2);
    expect(data.answer).toMatch(
      /is the most requested in the last 30 days: 2 customers asked for it/,
    );
  });

  it('shows the roadmap with what is planned next, in Russian when asked in Russian', async () => {
    const { data } = await ask(jordan, 'Дорожная карта продукта');
    if (data?.widget !== 'roadmap_timeline') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => i.title)).toEqual(['Dark mode']);
    // Nobody's request is linked to it yet, so no "0 customers" either.
    expect(data.answer).toBe('В дорожной карте 1 пункт. Следующий — Dark mode.');
  });

  it('says how many customers wait for the next item, in the singular for one', async () => {
    const { data: feedback } = await admin.GET('/api/v1/feedback', { params: { query: {} } });
    const excel = feedback?.items.find((f) => f.text.startsWith('Export to Excel'));
    await admin.POST('/api/v1/roadmap-items', {
      body: {
        title: 'Excel export',
        targetQuarter: '2026-Q4',
        status: 'in_progress',
        feedbackIds: [excel?.id ?? ''],
      },
    });
    const { data } = await ask(jordan, 'show the roadmap');
    expect(data?.answer).toBe(
      '2 items on the roadmap. Next up: Excel export, asked for by 1 customer.',
    );
  });
});

describe('business reviews', () => {
  it('lists the clients overdue for a QBR, most overdue first', async () => {
    const { data } = await ask(jordan, 'Which clients need business review meetings?');
    if (data?.widget !== 'qbr_due') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => i.name)).toContain('Larkspur Logistics');
    expect(data.answer).toMatch(/need(s)? a business review/);
  });

  it("proposes a QBR with Acme next Tuesday at 10 in the asker's zone, and books nothing", async () => {
    const before = await deps.db.selectFrom('meetings').select('id').execute();
    const { data } = await ask(jordan, 'Schedule a QBR with Acme next Tuesday at 10');
    if (data?.widget !== 'meeting_scheduler') throw new Error(`widget ${data?.widget}`);
    // Monday 2 November 2026 → Tuesday 3 November, 10:00 in New York (EST) = 15:00 UTC.
    expect(data.data.proposals).toEqual([
      expect.objectContaining({
        accountId: p.acmeId,
        kind: 'qbr',
        title: 'QBR with Acme Corp',
        startsAt: '2026-11-03T15:00:00.000Z',
        endsAt: '2026-11-03T16:00:00.000Z',
        timeZone: 'America/New_York',
      }),
    ]);
    expect(data.answer).toContain('Nothing is booked until you confirm');
    expect(await deps.db.selectFrom('meetings').select('id').execute()).toHaveLength(before.length);
    const proposal = data.data.proposals[0];
    const { response } = await jordan.POST('/api/v1/meetings', {
      body: {
        accountId: proposal?.accountId ?? '',
        kind: 'qbr',
        title: proposal?.title ?? '',
        startsAt: proposal?.startsAt ?? '',
        endsAt: proposal?.endsAt ?? '',
      },
    });
    expect(response.status).toBe(201);
  });

  it('proposes QBRs for the top accounts that need one, on working days', async () => {
    const { data } = await ask(jordan, 'Schedule quarterly business reviews for top accounts');
    if (data?.widget !== 'meeting_scheduler') throw new Error(`widget ${data?.widget}`);
    expect(data.data.proposals.map((p) => p.name)).toContain('Larkspur Logistics');
    for (const p of data.data.proposals) {
      expect([0, 6]).not.toContain(new Date(p.startsAt).getUTCDay());
    }
  });
});

describe('the calendar', () => {
  // Monday 2 November 2026, 04:00 in New York (Jordan's zone).
  const meeting = async (
    as: ApiClient,
    accountId: string,
    title: string,
    startsAt: string,
    kind: 'qbr' | 'check_in' = 'check_in',
  ) => {
    const end = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
    const { data } = await as.POST('/api/v1/meetings', {
      body: { accountId, kind, title, startsAt, endsAt: end },
    });
    if (!data) throw new Error(`could not schedule ${title}`);
    return data.id;
  };

  beforeAll(async () => {
    await meeting(jordan, p.larkspurId, 'Adoption check', '2026-11-04T15:00:00.000Z');
    await meeting(jordan, p.acmeId, 'Business review', '2026-11-10T15:00:00.000Z', 'qbr');
    const called = await meeting(jordan, p.acmeId, 'Called off', '2026-11-05T15:00:00.000Z');
    await jordan.POST('/api/v1/meetings/{id}/cancel', { params: { path: { id: called } } });
    // Another CSM's client, on an admin's calendar: not Jordan's to see.
    await meeting(admin, p.kestrelId, 'Kickoff prep', '2026-11-04T17:00:00.000Z');
  });

  it("lists the CSM's meetings this week, earliest first, without the cancelled one", async () => {
    const { data } = await ask(jordan, 'What meetings do I have this week?');
    expect(data?.intent).toBe('upcoming_meetings');
    // "Coming up" is the calendar's here, not renewals coming up.
    const comingUp = await ask(jordan, 'What meetings do I have coming up?');
    expect(comingUp.data?.intent).toBe('upcoming_meetings');
    if (data?.widget !== 'meetings') throw new Error(`widget ${data?.widget}`);
    expect(data.data.window).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    // Tuesday's QBR is the one booked from a proposal above.
    expect(data.data.items.map((m) => [m.title, m.accountName, m.status])).toEqual([
      ['QBR with Acme Corp', 'Acme Corp', 'scheduled'],
      ['Adoption check', 'Larkspur Logistics', 'scheduled'],
    ]);
    expect(data.answer).toMatch(
      /^2 meetings between Nov 2, 2026 and Nov 8, 2026\. First: “QBR with Acme Corp” with Acme Corp, Nov 3, 2026/,
    );
    expect(data.link).toBe('/meetings');
  });

  it('answers in Russian for next week', async () => {
    const { data } = await ask(jordan, 'Какие у меня встречи на следующей неделе?');
    if (data?.widget !== 'meetings') throw new Error(`widget ${data?.widget}`);
    expect(data.data.window).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(data.data.items.map((m) => [m.title, m.kind])).toEqual([['Business review', 'qbr']]);
    expect(data.answer).toMatch(/ — 1 встреча\. Первая — «Business review» с Acme Corp, /);
  });

  it("shows a day's meetings across the team to someone who sees every account", async () => {
    const { data } = await ask(admin, 'meetings on Wednesday');
    if (data?.widget !== 'meetings') throw new Error(`widget ${data?.widget}`);
    expect(data.data.window).toEqual({ from: '2026-11-04', to: '2026-11-04' });
    expect(data.data.items.map((m) => m.title)).toEqual(['Adoption check', 'Kickoff prep']);
    expect(data.answer).toMatch(/^2 meetings on Nov 4, 2026\./);
  });

  it('says so when the calendar is empty', async () => {
    const { data } = await ask(jordan, 'meetings on Saturday');
    if (data?.widget !== 'meetings') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items).toEqual([]);
    expect(data.answer).toBe('No meetings on Nov 7, 2026.');
  });
});
