// A person's call on a renewal: a category (and probability) with the note that explains it.
// Every call is kept — the latest counts — and written to the audit log with what Steward
// itself forecast at the time.
import type { Db } from '../../db/connect.ts';
import type { ForecastCategory } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { fieldProblem, invalid } from '../../lib/errors.ts';
import { getAccount, recordActivity, type AccountScope } from '../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import { categoryProbability } from './forecast.ts';
import { describeRenewals, renewalsWithFacts } from './renewalPipeline.ts';
import { insertOverride, overridesOf } from './store/renewals.ts';

export type OverrideInput = { category: ForecastCategory; probability?: number; note: string };

/** The account's coming renewal with its forecast, and every call made on its renewals. */
export async function accountForecast(
  db: Db,
  clock: Clock,
  scope: AccountScope,
  accountId: string,
) {
  const account = await getAccount(db, scope, accountId);
  const now = clock.now();
  const [rows, history] = await Promise.all([
    account.renewal_date
      ? renewalsWithFacts(db, scope, {
          from: account.renewal_date,
          to: account.renewal_date,
          owner: null,
          accountId: account.id,
          now,
        })
      : Promise.resolve([]),
    overridesOf(db, scope.workspaceId, account.id),
  ]);
  const [renewal] = await describeRenewals(db, scope.workspaceId, rows.slice(0, 1));
  return {
    accountId: account.id,
    renewal: renewal ?? null,
    history: history.map((h) => ({
      id: h.id,
      renewalDate: h.renewal_date,
      category: h.category,
      probability: h.probability,
      note: h.note,
      byId: h.created_by,
      byName: h.created_by_name,
      at: h.created_at.toISOString(),
    })),
  };
}

export async function overrideForecast(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  scope: AccountScope,
  accountId: string,
  input: OverrideInput,
) {
  const note = input.note.trim();
  if (!note) throw invalid([fieldProblem('note', 'revenue.field.noteRequired')]);
  const before = await accountForecast(db, clock, scope, accountId);
  const renewal = before.renewal;
  if (!renewal) {
    throw invalid([fieldProblem('accountId', 'revenue.field.noRenewalDate')]);
  }
  // Lost means not renewing: whatever probability came with it, nothing is forecast to stay.
  const probability =
    input.category === 'lost' ? 0 : (input.probability ?? categoryProbability[input.category]);
  await db.transaction().execute(async (trx) => {
    const { id } = await insertOverride(trx, {
      workspaceId: by.workspaceId,
      accountId: renewal.accountId,
      renewalDate: renewal.renewalDate,
      category: input.category,
      probability,
      note,
      createdBy: by.userId,
      createdAt: clock.now(),
    });
    await recordAudit(trx, by, {
      action: 'renewal.forecast_overridden',
      entityType: 'account',
      entityId: renewal.accountId,
      changes: {
        overrideId: String(id),
        renewalDate: renewal.renewalDate,
        category: { from: renewal.forecast.category, to: input.category },
        probability: { from: renewal.forecast.probability, to: probability },
        steward: renewal.forecast.steward,
        note,
      },
    });
    // Integrations hear of a new category (webhooks' `renewal.forecast_changed`).
    if (input.category !== renewal.forecast.category) {
      await recordActivity(trx, {
        workspaceId: by.workspaceId,
        kind: 'renewal_forecast_changed',
        actorId: by.userId,
        accountId: renewal.accountId,
        data: {
          renewalDate: renewal.renewalDate,
          from: renewal.forecast.category,
          to: input.category,
        },
        at: clock.now(),
      });
    }
  });
  return accountForecast(db, clock, scope, accountId);
}
