// The understanding step on its own: time windows in the asker's zone, scope and tier, names
// found despite typos and Cyrillic spelling, meetings and reminders placed in time, follow-ups.
import { describe, expect, it } from 'vitest';
import { prepareNames, understandQuestion } from '../../src/modules/assistant/index.ts';

// Thursday 5 November 2026, 22:30 in New York — already Friday 6 November in UTC.
const now = new Date('2026-11-06T03:30:00Z');
const around = {
  now,
  timeZone: 'America/New_York',
  locale: 'en' as 'en' | 'ru',
  accounts: prepareNames([
    { id: 'acme', name: 'Acme Corp' },
    { id: 'larkspur', name: 'Larkspur Logistics' },
    { id: 'kestrel', name: 'Kestrel Health' },
    { id: 'northmere', name: 'Northmere Capital' },
  ]),
  people: prepareNames([
    { id: 'morgan', name: 'Morgan Lee' },
    { id: 'priya', name: 'Priya Shah' },
  ]),
};
const ask = (q: string, extra: Partial<typeof around> & { previous?: never } = {}) =>
  understandQuestion(q, { ...around, ...extra });

describe('time windows', () => {
  it("reads 'next 90 days' from the asker's own today, not the server's", () => {
    expect(ask('renewals in the next 90 days').params.window).toEqual({
      from: '2026-11-05',
      to: '2027-02-03',
    });
  });

  it('reads this quarter, last month and since March as calendar periods', () => {
    expect(ask('churn risk this quarter').params.window).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(ask('NRR last month').params.window).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(ask('engagement trend since March').params.window).toEqual({
      from: '2026-03-01',
      to: '2026-11-05',
    });
  });

  it('reads Russian windows: в следующем месяце, за прошлый квартал, в ближайшие 60 дней', () => {
    expect(ask('продления в следующем месяце').params.window).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(ask('NRR за прошлый квартал').params.window).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(ask('контракты в ближайшие 60 дней').params.window).toEqual({
      from: '2026-11-05',
      to: '2027-01-04',
    });
  });
});

describe('scope, tier and people', () => {
  it('tells my clients from the team and from everyone', () => {
    expect(ask('health of my clients').params.scope).toBe('mine');
    expect(ask('health across the team').params.scope).toBe('team');
    expect(ask('churn risk for everyone').params.scope).toBe('all');
    expect(ask('здоровье моих клиентов').params.scope).toBe('mine');
  });

  it('finds a tier in either language', () => {
    expect(ask('renewals for mid-market').params.tier).toBe('mid_market');
    expect(ask('риск оттока у энтерпрайз клиентов').params.tier).toBe('enterprise');
    expect(ask('upsell in smb').params.tier).toBe('smb');
  });

  it("finds a CSM by name, also declined in Russian ('клиенты Моргана')", () => {
    expect(ask("Morgan's renewals").params.ownerId).toBe('morgan');
    expect(ask('здоровье клиентов Моргана').params.ownerId).toBe('morgan');
  });
});

describe('account names', () => {
  it('finds an account despite a typo, a part of its name, or mixed case', () => {
    expect(ask('larksupr').params.accountId).toBe('larkspur');
    expect(ask('how is NORTHMERE doing').params.accountId).toBe('northmere');
    expect(ask('tell me about kestrel').params.accountId).toBe('kestrel');
  });

  it('finds a Latin name written in Cyrillic, with a case ending', () => {
    expect(ask('Расскажи про Ларкспур').params.accountId).toBe('larkspur');
    expect(ask('встреча с Ларкспуром').params.accountId).toBe('larkspur');
    expect(ask('что с Акме').params.accountId).toBe('acme');
  });

  it('takes no account from a word that only looks like part of one', () => {
    expect(ask('logistics renewals').params.accountId).toBeUndefined();
    expect(ask('show health scores').params.accountId).toBeUndefined();
  });
});

describe('meetings and reminders', () => {
  it("places 'next Tuesday at 10' at 10:00 in the asker's zone", () => {
    const u = ask('Schedule a QBR with Acme next Tuesday at 10');
    expect(u.intent).toBe('schedule_qbr');
    expect(u.params.accountId).toBe('acme');
    // Tuesday 10 November 2026, 10:00 EST = 15:00 UTC.
    expect(u.params.at).toBe('2026-11-10T15:00:00.000Z');
  });

  it("places 'завтра в 15:00' and '3pm Friday' in the asker's zone", () => {
    expect(ask('назначь встречу с Acme завтра в 15:00').params.at).toBe('2026-11-06T20:00:00.000Z');
    expect(ask('set up a meeting with Kestrel on Friday at 3pm').params.at).toBe(
      '2026-11-06T20:00:00.000Z',
    );
  });

  it('proposes a reminder with what to do and when', () => {
    const u = ask('remind me to call Larkspur tomorrow');
    expect(u.intent).toBe('my_tasks');
    expect(u.params.taskTitle).toBe('Call Larkspur');
    expect(u.params.accountId).toBe('larkspur');
    expect(u.params.at).toBe('2026-11-06T14:00:00.000Z');
  });

  it("reads 'overdue' as a filter on tasks, tasks at an account and what to do today as tasks", () => {
    for (const q of [
      'my overdue tasks',
      'tasks that are past due',
      "what's overdue?",
      'anything late?',
      'мои просроченные задачи',
    ]) {
      const u = ask(q);
      expect([q, u.intent, u.params.overdue]).toEqual([q, 'my_tasks', true]);
    }
    expect(ask('what are my tasks this week').params.overdue).toBeUndefined();
    expect(ask('which QBRs are overdue?').intent).toBe('qbr_due');
    for (const q of ['what should I do today?', 'чем заняться сегодня?']) {
      const u = ask(q);
      expect([q, u.intent, u.params.window]).toEqual([
        q,
        'my_tasks',
        { from: '2026-11-05', to: '2026-11-05' },
      ]);
    }
    const atAccount = ask('tasks at Larkspur');
    expect([atAccount.intent, atAccount.params.accountId]).toEqual(['my_tasks', 'larkspur']);
  });
});

describe('follow-ups and doubt', () => {
  it("answers 'and for enterprise only?' with the previous question's intent", () => {
    const first = ask('renewals in the next 90 days');
    const next = understandQuestion('and for enterprise only?', {
      ...around,
      previous: { intent: first.intent, params: first.params },
    });
    expect(next.intent).toBe('renewal_pipeline');
    expect(next.followUp).toBe(true);
    expect(next.params.tier).toBe('enterprise');
    expect(next.params.window).toEqual(first.params.window);
  });

  it('says it is not sure, with the closest intents, when two are equally likely', () => {
    const u = ask('feature usage roadmap');
    expect(u.intent).toBe('unknown');
    expect(u.closest).toContain('product_roadmap');
  });

  it('answers in the language of the question, whatever the person’s own', () => {
    expect(ask('кто уходит?').language).toBe('ru');
    expect(ask('churn risk', { locale: 'ru' }).language).toBe('en');
    expect(ask('🙂', { locale: 'ru' }).language).toBe('ru');
  });
});

describe('words in their setting', () => {
  it("reads 'как идут дела' as asking how things are, not as a question about tasks", () => {
    expect(ask('как идут дела у моих клиентов?').intent).toBe('client_health');
    expect(ask('мои дела на сегодня').intent).toBe('my_tasks');
  });

  it('reads premium features in use, or an upsell to premium, as a premium upgrade', () => {
    expect(ask('basic plan accounts that use premium features').intent).toBe('premium_upgrades');
    expect(ask('upsell to premium for smb').intent).toBe('premium_upgrades');
    expect(ask('upsell candidates').intent).toBe('expansion_opportunities');
  });

  it('reads metrics with no other subject as the CS metrics, and with one as that subject', () => {
    expect(ask('show me the metrics').intent).toBe('revenue_metrics');
    expect(ask('adoption metrics').intent).toBe('product_adoption');
  });

  it('knows a Russian verb in its other forms and an English word in its plural', () => {
    expect(ask('кто перестал пользоваться продуктом').intent).toBe('declining_adoption');
    expect(ask('usage of the apps').intent).toBe('product_adoption');
  });
});
