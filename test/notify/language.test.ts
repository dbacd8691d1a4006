// A Russian CSM reads Steward in Russian: the inbox, the SLA notices (times in their zone) and
// the morning digest e-mail carry no English sentence the server wrote. Names and titles the
// team typed are theirs, so this workspace types them in Russian too.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import {
  closeEmailTransports,
  composeDigestNow,
  createSlaPolicy,
  sendDelivery,
} from '../../src/modules/notify/index.ts';
import { commentOnTask, createTask } from '../../src/modules/work/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { runJobs, startSmtpServer, type MailCatcher } from './support.ts';

// Wednesday 2 December 2026, 09:00 UTC (12:00 in Moscow).
const { deps, clock, database } = await useTestDeps('2026-12-02T09:00:00Z');
const smtp: MailCatcher = await startSmtpServer();
deps.config = { ...deps.config, smtpUrl: smtp.url };
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);

let workspaceId: WorkspaceId;
let managerId: UserId;
let csmId: UserId;
let csmEmail: string;
let csm: ApiClient;
const scope = () => ({ workspaceId, onlyOwner: null });

/**
 * Latin words the server might have written: the product's name, "SLA" and the @handles
 * people typed are not English sentences.
 */
const english = (text: string) =>
  (text.replace(/@\S+/g, '').match(/[A-Za-z]{2,}/g) ?? []).filter(
    (w) => w !== 'Steward' && w !== 'SLA',
  );

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  workspaceId = (await makeWorkspace(deps.db)).id;
  const manager = await makeUser(deps.db, workspaceId, { role: 'manager', name: 'Ольга Петрова' });
  const person = await makeUser(deps.db, workspaceId, {
    name: 'Иван Смирнов',
    managerId: manager.id,
    locale: 'ru',
    timezone: 'Europe/Moscow',
    email: `ivan.${workspaceId.slice(0, 8)}@example.test`,
  });
  managerId = manager.id;
  csmId = person.id;
  csmEmail = person.email;
  csm = await signedIn(app, person.email, testPassword);
  const vip = await makeAccount(deps.db, workspaceId, {
    name: 'Ромашка',
    priority: 'P0',
    tier: 'smb',
    owner_id: csmId,
  });
  const regular = await makeAccount(deps.db, workspaceId, { name: 'Василёк', owner_id: csmId });
  await createSlaPolicy(
    deps,
    { workspaceId },
    {
      name: 'Важный клиент без движения',
      match: { accountPriority: ['P0'], taskPriority: [], tags: [], tier: [], projectKind: [] },
      metric: 'untouchedFor',
      threshold: 'PT2H',
      warnAt: 0.75,
      chain: [{ notify: 'manager' }],
      businessHours: null,
      enabled: true,
    },
  );
  await run();
  const as = { workspaceId, userId: managerId };
  // Now: an urgent task on the P0 client, and a question with an @mention.
  const urgent = await createTask(deps.db, clock, as, scope(), {
    title: 'Позвонить спонсору',
    accountId: vip.id,
    assigneeId: csmId,
    tags: ['urgent'],
  });
  await commentOnTask(deps.db, clock, as, scope(), urgent.id, `@ivan.${workspaceId.slice(0, 8)} ?`);
  // For the digest: new work and comments on the regular client.
  const later = await createTask(deps.db, clock, as, scope(), {
    title: 'Подготовить квартальный обзор',
    accountId: regular.id,
    assigneeId: csmId,
  });
  for (const words of ['Первый черновик готов', 'Добавила цифры']) {
    await commentOnTask(deps.db, clock, as, scope(), later.id, words);
  }
  await run();
  // 90 minutes on, the urgent task's SLA warns (breach due at 11:00 UTC, 14:00 in Moscow).
  clock.set('2026-12-02T10:30:00Z');
  await run();
  clock.set('2026-12-02T10:36:00Z');
  await run();
});

afterAll(async () => {
  vi.useRealTimers();
  closeEmailTransports();
  await smtp.close();
});

describe("a Russian CSM's notifications", () => {
  it('shows the inbox in Russian, with the breach time in Moscow time', async () => {
    const { data } = await csm.GET('/api/v1/notifications', { params: { query: {} } });
    const items = data?.items ?? [];
    expect(items.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['sla_warning', 'mentioned', 'task_created']),
    );
    for (const n of items) {
      expect(english(n.title), n.title).toEqual([]);
      expect(english(n.body ?? ''), n.body ?? '').toEqual([]);
    }
    const warning = items.find((n) => n.kind === 'sla_warning');
    expect(warning?.title).toBe(
      'Скоро нарушение SLA: «Позвонить спонсору» (Ромашка), правило «Важный клиент без движения»',
    );
    expect(warning?.body).toMatch(/^Нарушение наступит 2 дек\. 2026 г\., 14:00$/);
  });

  it('writes the e-mails and the digest e-mail in Russian', async () => {
    const sent = smtp.mails.length;
    const digest = await composeDigestNow(deps, csmEmail);
    for (const id of digest?.deliveryIds ?? []) await sendDelivery(deps, { deliveryId: id });
    expect(smtp.mails.length).toBe(sent + 1);
    const mail = smtp.mails.at(-1);
    expect(mail?.subject).toMatch(/^Сводка Steward за 2 дек\. 2026 г\.: \d+ /);
    expect(mail?.text).toContain('Доброе утро, Иван Смирнов.');
    expect(mail?.text).toContain('2 комментария к «Подготовить квартальный обзор»');
    // Every e-mail Ivan got — the urgent ones at once, then the digest — is Russian.
    const his = smtp.mails.filter((m) => m.to && 'text' in m.to && m.to.text === csmEmail);
    expect(his.length).toBeGreaterThan(1);
    for (const m of his) {
      expect(english(m.subject ?? ''), m.subject).toEqual([]);
      expect(english(m.text ?? ''), m.text).toEqual([]);
    }
  });
});
