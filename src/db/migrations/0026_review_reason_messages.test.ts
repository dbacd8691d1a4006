// Migration 0026 on a review list the English-writing webhooks left: each stored reason reads
// back word for word in English from its key, and in Russian for a Russian reader; a sentence
// no pattern knows says no account matched, and that its reason predates the reader's language.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../lib/ids.ts';
import { itemsForReview } from '../../modules/intake/billing/review.ts';
import { useMigratingDatabase } from '../../../test/support/db.ts';

const database = await useMigratingDatabase();
let workspaceId: WorkspaceId;

// As the webhooks wrote them before 0026, newest first (the list's order).
const oldReasons = [
  'No account matches Stripe customer cus_Q1: set metadata.steward_account_id or metadata.external_id on the customer or subscription, or give exactly one account the domain mail.acme.com.',
  'No account matches Stripe customer cus_Q2: set metadata.steward_account_id or metadata.external_id on the customer or subscription.',
  'No account matches Stripe customer (none): set metadata.steward_account_id or metadata.external_id on the customer or subscription.',
  'No account matches ticket 901 (external id crm-nobody).',
  'No account matches ticket T-404 (domain nowhere.test).',
  'No account matches ticket 77 (external id crm-9) (domain globex.test).',
];
const unknown = 'Customer unknown.';

beforeAll(async () => {
  await database.migrateTo('0025_slack_member_ids');
  const reasons = [...oldReasons, unknown].map((reason, i) => ({
    reason,
    sourceId: `evt_${i}`,
    // One minute apart, the first newest.
    receivedAt: new Date(Date.UTC(2026, 10, 2, 9, 59 - i)).toISOString(),
  }));
  const { rows } = await sql<{ id: string }>`
    with w as (insert into workspaces (name, slug) values ('Old', 'old') returning id),
      ins as (
        insert into intake_review (workspace_id, source, source_id, reason, payload, received_at)
        select w.id, 'stripe', r."sourceId", r.reason, '{}'::jsonb, r."receivedAt"
        from w, jsonb_to_recordset(${JSON.stringify(reasons)}::jsonb)
          as r("sourceId" text, reason text, "receivedAt" timestamptz)
      )
    select id from w`.execute(database.db);
  workspaceId = (rows[0]?.id ?? '') as WorkspaceId;
  await database.migrateTo('0026_review_reason_messages');
});

async function reasons(locale: 'en' | 'ru') {
  const page = await itemsForReview(
    database.db,
    workspaceId,
    { limit: 50 },
    { locale, timeZone: 'UTC' },
  );
  return page.items.map((item) => item.reason);
}

describe('migration 0026: review reasons stored in English', () => {
  it('reads every reason the webhooks wrote back word for word in English', async () => {
    expect((await reasons('en')).slice(0, oldReasons.length)).toEqual(oldReasons);
  });

  it('shows the same list to a Russian reader in Russian', async () => {
    const russian = await reasons('ru');
    expect(russian.slice(0, oldReasons.length)).toEqual([
      'Ни один аккаунт не соответствует клиенту Stripe cus_Q1: укажите metadata.steward_account_id или metadata.external_id у клиента или подписки либо задайте домен mail.acme.com ровно одному аккаунту.',
      'Ни один аккаунт не соответствует клиенту Stripe cus_Q2: укажите metadata.steward_account_id или metadata.external_id у клиента или подписки.',
      'Ни один аккаунт не соответствует клиенту Stripe (не указан): укажите metadata.steward_account_id или metadata.external_id у клиента или подписки.',
      'Ни один аккаунт не соответствует тикету 901 (внешний идентификатор crm-nobody).',
      'Ни один аккаунт не соответствует тикету T-404 (домен nowhere.test).',
      'Ни один аккаунт не соответствует тикету 77 (внешний идентификатор crm-9, домен globex.test).',
    ]);
  });

  it('says a sentence it does not know was recorded before it could be shown in your language', async () => {
    expect([(await reasons('en')).at(-1), (await reasons('ru')).at(-1)]).toEqual([
      'No account matches this delivery. Its reason was recorded before it could be shown in your language.',
      'Ни один аккаунт не соответствует этой доставке. Причина записана до того, как причины стали показываться на вашем языке.',
    ]);
  });
});
