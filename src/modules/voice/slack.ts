// `/steward feedback <account> <what the customer said>` in Slack: logs feedback on the account
// from wherever the CSM heard it. The account is the longest run of leading words that names
// one exactly ("Acme Corp asked for SSO" → Acme Corp), or a quoted name, or else the account
// whose name contains the first word. Its type is a first guess a person can change. It is
// logged by the person who linked the asking Slack member id, if anyone did.
import type { Deps } from '../../context.ts';
import { renderMessage } from '../../i18n/index.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import type { SlackSubcommand } from '../notify/index.ts';
import { writeFeedback } from './feedback.ts';
import { accountNamed } from './store/workspaces.ts';
import { guessFeedbackType } from './text/classify.ts';

/** Splits "<account> <text>" on the longest run of words naming an account exactly. */
export function candidateNames(text: string): { name: string; rest: string }[] {
  const quoted = /^["“«]([^"”»]+)["”»]\s*(.*)$/su.exec(text.trim());
  if (quoted) return [{ name: quoted[1] ?? '', rest: quoted[2] ?? '' }];
  const words = text.trim().split(/\s+/);
  const out: { name: string; rest: string }[] = [];
  for (let n = Math.min(words.length - 1, 6); n >= 1; n--) {
    out.push({ name: words.slice(0, n).join(' '), rest: words.slice(n).join(' ') });
  }
  return out;
}

export function slackFeedback({ db, clock }: Pick<Deps, 'db' | 'clock'>): SlackSubcommand {
  return async ({ workspaceId, text, userId, locale, timeZone }) => {
    const say = (
      key: Parameters<typeof renderMessage>[0]['key'],
      params?: Record<string, string>,
    ) => renderMessage({ key, ...(params ? { params } : {}) }, locale, timeZone);
    const candidates = candidateNames(text).filter((c) => c.rest.trim().length > 0);
    if (candidates.length === 0) return { text: say('voice.slack.usage') };
    const match = await accountNamed(
      db,
      workspaceId as WorkspaceId,
      candidates.map((c) => c.name),
    );
    const chosen = match
      ? candidates.find((c) => c.name.toLowerCase() === match.chosen)
      : undefined;
    if (!match || !chosen)
      return { text: say('voice.slack.noAccount', { name: candidates.at(-1)?.name ?? text }) };
    const said = chosen.rest.trim().slice(0, 5000);
    const at = clock.now();
    await db.transaction().execute((trx) =>
      writeFeedback(trx, at, {
        workspaceId: workspaceId as WorkspaceId,
        accountId: match.id,
        contactId: null,
        type: guessFeedbackType(said),
        priority: 'medium',
        text: said,
        source: 'slack',
        sourceRef: null,
        givenAt: at,
        loggedBy: userId,
      }),
    );
    return { text: say('voice.slack.logged', { account: match.name, text: said }) };
  };
}
