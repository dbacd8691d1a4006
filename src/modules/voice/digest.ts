// The weekly product digest: the themes customers raised most in the last seven days — accounts
// and ARR behind each — e-mailed through notify's outbox to the people whose role receives it
// (receive_product_digest: the product people among viewers, managers and admins). One event
// per language, so each person reads the theme names in their own.
import type { Deps } from '../../context.ts';
import { message, renderMessage, type Locale } from '../../i18n/index.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { rolePermissions } from '../auth/index.ts';
import { recordActivity } from '../accounts/index.ts';
import { digestRecipients } from './store/workspaces.ts';
import { listThemes } from './themes/ranking.ts';

const topThemes = 5;

export async function sendProductDigest(
  deps: Pick<Deps, 'db' | 'clock'>,
  workspaceId: WorkspaceId,
): Promise<number> {
  const { db, clock } = deps;
  const now = clock.now();
  const roles = Object.entries(rolePermissions)
    .filter(([, granted]) => granted.includes('receive_product_digest'))
    .map(([role]) => role);
  const people = await digestRecipients(db, workspaceId, roles);
  const byLocale = new Map<Locale, string[]>();
  for (const person of people)
    byLocale.set(person.locale, [...(byLocale.get(person.locale) ?? []), person.id]);
  for (const [locale, recipientIds] of byLocale) {
    const themes = await listThemes(
      db,
      { workspaceId, onlyOwner: null },
      { since: '7d', limit: topThemes, items: 0 },
      now,
      locale,
    );
    const lines = themes
      .filter((t) => t.accountCount > 0)
      .map((t) =>
        renderMessage(
          {
            key: 'voice.digest.line',
            params: { label: t.label, count: t.accountCount, arr: { money: t.arr } },
          },
          locale,
        ),
      );
    await recordActivity(db, {
      workspaceId,
      kind: 'product_digest',
      actorId: null,
      data: {
        summary: message('voice.digest.subject'),
        detail:
          lines.length === 0
            ? message('voice.digest.none')
            : message('voice.digest.body', { count: lines.length, lines: lines.join('\n') }),
        recipientIds,
      },
      at: now,
    });
  }
  return people.length;
}
