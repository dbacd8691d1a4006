// Rescoring with its consequences: category moves on the timeline and to the people concerned,
// and the plays they trigger. The job after accounts change, the daily job and the CLI all come
// here.
import type { Deps } from '../../context.ts';
import { message } from '../../i18n/index.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { isoDay } from '../../lib/calendar.ts';
import {
  addTimelineEvents,
  finishChangedPass,
  markAccountsChanged,
  recordActivities,
  takeChangedAccounts,
} from '../accounts/index.ts';
import { runPlaysForMoves, runRenewalPlays } from './plays.ts';
import { rescoreAccounts } from './recompute.ts';
import { workspaceIds, type Move, type RiskRise } from './store/scores.ts';

/**
 * Moves announced per transaction, their timeline events in one statement and their activity
 * in two: a first scoring of 5,000 accounts took 6.4 s with a transaction and a statement for
 * each move (ten times the scoring itself), and takes 1.1 s so; 5,000 accounts moving between
 * categories at once (a scorecard changed) took 17.8 s with two statements for each move's
 * activity, and take 2.8 s.
 */
const movesPerTransaction = 500;

const moveSummary = (move: Move) =>
  message('health.timeline.moved', {
    from: { term: move.from ? `health.category.${move.from}` : 'health.category.unscored' },
    to: { term: `health.category.${move.to}` },
    score: move.score ?? '—',
  });

/** Each move on the account's timeline and to its CSM (notify's "health changed"). */
async function announceMoves(
  deps: Pick<Deps, 'db'>,
  workspaceId: WorkspaceId,
  moves: Move[],
  at: Date,
) {
  for (let from = 0; from < moves.length; from += movesPerTransaction) {
    const chunk = moves
      .slice(from, from + movesPerTransaction)
      .map((move) => ({ move, summary: moveSummary(move) }));
    await deps.db.transaction().execute(async (trx) => {
      await addTimelineEvents(
        trx,
        chunk.map(({ move, summary }) => ({
          workspaceId,
          accountId: move.accountId,
          kind: 'system',
          title: summary,
          occurredAt: at,
          source: 'health',
          sourceId: `move:${move.id}`,
          data: { from: move.from, to: move.to, score: move.score },
          // The move is this score's result, not news that should score the account again.
          announce: false,
        })),
      );
      // The first scoring of an account is not news; a move between categories is.
      await recordActivities(
        trx,
        chunk
          .filter(({ move }) => move.from !== null)
          .map(({ move, summary }) => ({
            workspaceId,
            kind: 'health_changed',
            actorId: null,
            accountId: move.accountId,
            data: { summary, from: move.from, to: move.to, score: move.score },
            at,
          })),
      );
    });
  }
}

/**
 * Each rise in churn risk, for integrations (webhooks' `account.churn_risk_raised`): people
 * hear of the account through its health move and plays, so notify routes it to nobody.
 */
async function announceRiskRises(
  deps: Pick<Deps, 'db'>,
  workspaceId: WorkspaceId,
  rises: RiskRise[],
  at: Date,
) {
  // Most rescores raise no risk: no transaction for them.
  if (rises.length === 0) return;
  await deps.db.transaction().execute((trx) =>
    recordActivities(
      trx,
      rises.map((rise) => ({
        workspaceId,
        kind: 'churn_risk_raised',
        actorId: null,
        accountId: rise.accountId,
        data: { from: rise.from, to: rise.to },
        at,
      })),
    ),
  );
}

export type RescoreOutcome = { scored: number; moves: number; playsRun: number };

/** Today's scores for some or all of a workspace's accounts, with moves announced and plays run. */
export async function rescore(
  deps: Pick<Deps, 'db' | 'clock'>,
  workspaceId: WorkspaceId,
  accountIds?: readonly string[],
): Promise<RescoreOutcome> {
  const now = deps.clock.now();
  const { scored, moves, riskRises } = await rescoreAccounts(deps.db, {
    workspaceId,
    day: isoDay(now),
    accountIds,
    mode: 'current',
    now,
  });
  await announceMoves(deps, workspaceId, moves, now);
  await announceRiskRises(deps, workspaceId, riskRises, now);
  const playsRun =
    (await runPlaysForMoves(deps, workspaceId, moves)) +
    (await runRenewalPlays(deps, workspaceId, accountIds));
  return { scored: scored.length, moves: moves.length, playsRun };
}

/** Accounts per pass: one set-based rescore each. */
const changedPerPass = 5_000;

/**
 * The accounts whose data changed since they were last scored (the accounts module's changed
 * set), taken and rescored a pass at a time until none are left.
 */
export async function rescoreChanged(
  deps: Pick<Deps, 'db' | 'clock'>,
  workspaceId: WorkspaceId,
): Promise<RescoreOutcome> {
  const outcome: RescoreOutcome = { scored: 0, moves: 0, playsRun: 0 };
  for (;;) {
    // The machine's time, not the clock's: how long the pass kept the database busy.
    const started = performance.now();
    const accountIds = await takeChangedAccounts(deps.db, workspaceId, changedPerPass);
    if (accountIds.length === 0) return outcome;
    try {
      const pass = await rescore(deps, workspaceId, accountIds);
      outcome.scored += pass.scored;
      outcome.moves += pass.moves;
      outcome.playsRun += pass.playsRun;
    } catch (error) {
      // Taken but not scored: back into the set, with a wake-up of its own.
      await markAccountsChanged(deps.db, workspaceId, accountIds);
      throw error;
    }
    await finishChangedPass(deps.db, workspaceId, (performance.now() - started) / 1000);
    if (accountIds.length < changedPerPass) return outcome;
  }
}

/** Every workspace's accounts, as the daily job and `steward health recompute` do. */
export async function rescoreEverything(deps: Pick<Deps, 'db' | 'clock'>) {
  const outcome: RescoreOutcome = { scored: 0, moves: 0, playsRun: 0 };
  for (const id of await workspaceIds(deps.db)) {
    const one = await rescore(deps, id);
    outcome.scored += one.scored;
    outcome.moves += one.moves;
    outcome.playsRun += one.playsRun;
  }
  return outcome;
}
