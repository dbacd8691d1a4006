// Support patterns (seeds/002: "identify patterns in support requests that indicate product
// problems"): tickets of the last 30 days whose subjects report the same problem as several
// customers' other tickets, or as a bug or complaint theme people already see, are proposed as
// feedback — one item per ticket, linked to it, waiting for a person to accept or dismiss it.
// Nothing is added silently: a proposed item shows in its theme as "to review" and counts only
// once accepted. Each ticket is proposed at most once (its item's origin is the ticket).
import type { Deps } from '../../context.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { daysAfter } from '../../lib/calendar.ts';
import { ticketsOpenedSince } from '../intake/support/index.ts';
import { readFeedback, writeFeedback } from './feedback.ts';
import * as feedbackStore from './store/feedback.ts';
import * as themeStore from './store/themes.ts';
import { guessFeedbackType } from './text/classify.ts';
import { groupFeatures, themeThreshold } from './text/group.ts';
import { dot, weigh } from './text/vectors.ts';

const windowDays = 30;

export async function proposeFromTickets(
  deps: Pick<Deps, 'db' | 'clock'>,
  workspaceId: WorkspaceId,
): Promise<number> {
  const { db, clock } = deps;
  const now = clock.now();
  const since = daysAfter(now, -windowDays);
  const tickets = await ticketsOpenedSince(db, workspaceId, since);
  const proposed = await feedbackStore.sourceRefsOf(
    db,
    workspaceId,
    'support',
    tickets.map((t) => `ticket:${t.id}`),
  );
  const candidates = tickets
    .filter((t) => !proposed.has(`ticket:${t.id}`))
    .map((t) => ({ ...t, type: guessFeedbackType(t.subject) }))
    .filter((t) => t.type === 'bug' || t.type === 'complaint' || t.type === 'feature_request');
  if (candidates.length === 0) return 0;
  const links = await feedbackStore.termLinksOf(db, workspaceId);
  const read = candidates.map((t) => readFeedback(t.subject, t.type, links).features);

  // The same problem from several customers: tickets that group together across accounts.
  const { groups } = groupFeatures({ features: read });
  const accountsOf = new Map<number, Set<string>>();
  groups.forEach((g, i) => {
    const set = accountsOf.get(g) ?? new Set<string>();
    set.add(candidates[i]?.accountId ?? '');
    accountsOf.set(g, set);
  });
  // Or a problem people already see as a bug or complaint theme.
  const state = await themeStore.voiceState(db, workspaceId);
  const themes = (await themeStore.themeCentroids(db, workspaceId)).filter((t) =>
    Object.keys(t.centroid).some((term) => term === 't:bug' || term === 't:complaint'),
  );
  const frequency = await themeStore.frequencies(db, workspaceId, [
    ...new Set(read.flatMap((f) => Object.keys(f))),
  ]);
  const vocabulary = { documents: Math.max(state?.documents ?? 0, 1), frequency };
  const matchesTheme = (features: Record<string, number>) => {
    const weighted = weigh(features, vocabulary);
    return themes.some((t) => dot(weighted, t.centroid) / t.item_count >= themeThreshold);
  };

  let count = 0;
  await db.transaction().execute(async (trx) => {
    for (const [i, ticket] of candidates.entries()) {
      const group = groups[i] ?? i;
      const pattern = (accountsOf.get(group)?.size ?? 0) >= 2;
      if (!pattern && !matchesTheme(read[i] ?? {})) continue;
      const { created } = await writeFeedback(trx, now, {
        workspaceId,
        accountId: ticket.accountId,
        contactId: null,
        type: ticket.type,
        priority: ticket.priority === 'urgent' || ticket.priority === 'high' ? 'high' : 'medium',
        text: ticket.subject.slice(0, 5000),
        source: 'support',
        sourceRef: `ticket:${ticket.id}`,
        givenAt: ticket.openedAt,
        loggedBy: null,
        review: 'proposed',
        ticketId: ticket.id,
      });
      if (created) count++;
    }
  });
  return count;
}
