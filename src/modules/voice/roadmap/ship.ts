// Shipping a roadmap item closes the loop with every customer who asked for it (seeds/002:
// "ensure users know when their input led to product improvements"). Each requesting account's
// CSM gets one "tell the customer" task — which is also their one notification — with a drafted
// message listing what that customer asked for, and the linked feedback becomes shipped.
//
// Once per account: the account's notice row is claimed before its task is opened, so shipping
// twice (or a retried request) tells nobody twice; if opening the task fails, the claim is
// released so the next attempt tells them.
//
// The task's title and draft are written in the CSM's language when the task is opened, not
// stored as a message key: a task is the CSM's own editable text (they will change the draft
// before sending it), like any task a person writes.
import type { Deps } from '../../../context.ts';
import { renderMessage, type Locale, type MessageParam } from '../../../i18n/index.ts';
import { AppError } from '../../../lib/errors.ts';
import type { UserId } from '../../../lib/ids.ts';
import { hourMs, isoDay } from '../../../lib/calendar.ts';
import { recordActivity, type AccountScope } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { createTask } from '../../work/index.ts';
import * as store from '../store/roadmap.ts';
import { getRoadmapItem } from './items.ts';

/** The CSM has three days to tell the customer. */
const tellWithinHours = 72;

export type Draft = { title: string; description: string };

/** The task a CSM gets: its title and the message to send, in the CSM's language. */
export function draftClosingMessage(input: {
  locale: Locale;
  timeZone: string;
  account: string;
  contact: string | null;
  title: string;
  link: string | null;
  asked: { text: string; givenAt: Date }[];
}): Draft {
  const say = (
    key: Parameters<typeof renderMessage>[0]['key'],
    params?: Record<string, MessageParam>,
  ) => renderMessage({ key, ...(params ? { params } : {}) }, input.locale, input.timeZone);
  const lines = [
    input.contact
      ? say('voice.ship.draftGreeting', { contact: input.contact })
      : say('voice.ship.draftGreetingTeam', { account: input.account }),
    '',
    say('voice.ship.draftShipped', { title: input.title }),
    say('voice.ship.draftAsked', { count: input.asked.length }),
    ...input.asked.map(
      (a) =>
        `• “${a.text}” (${say('voice.ship.draftWhen', { date: { date: isoDay(a.givenAt) } })})`,
    ),
    ...(input.link ? ['', say('voice.ship.draftLink', { link: input.link })] : []),
    '',
    say('voice.ship.draftThanks'),
  ];
  return {
    title: say('voice.ship.taskTitle', { account: input.account, title: input.title }),
    description: lines.join('\n'),
  };
}

export async function shipRoadmapItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor & { userId: UserId | null; locale: Locale },
  scope: AccountScope,
  id: string,
) {
  const { db, clock } = deps;
  const at = clock.now();
  const { item, requests, claimed, shipped } = await db.transaction().execute(async (trx) => {
    const [item] = await store.roadmapRows(trx, by.workspaceId, { ids: [id] });
    if (!item) throw new AppError('roadmap_item.not_found', { key: 'voice.problem.noRoadmapItem' });
    if (item.status !== 'shipped') {
      await store.updateRoadmapRow(
        trx,
        by.workspaceId,
        id,
        { status: 'shipped', shipped_at: at },
        at,
      );
    }
    const requests = await store.requestsToClose(trx, by.workspaceId, id);
    const shipped = await store.markFeedbackShipped(
      trx,
      by.workspaceId,
      requests.map((r) => r.feedback_id),
      at,
    );
    const accountIds = [...new Set(requests.map((r) => r.account_id))];
    const claimed = await store.claimShipNotices(trx, by.workspaceId, id, accountIds, at);
    // Integrations hear of the first shipping (webhooks' `roadmap_item.shipped`).
    if (item.status !== 'shipped') {
      await recordActivity(trx, {
        workspaceId: by.workspaceId,
        kind: 'roadmap_item_shipped',
        actorId: by.userId,
        data: { roadmapItemId: id, title: item.title, accountIds },
        at,
      });
    }
    await recordAudit(trx, by, {
      action: 'roadmap_item.shipped',
      entityType: 'roadmap_item',
      entityId: id,
      changes: { feedback: shipped, accounts: claimed.size },
    });
    return { item, requests, claimed, shipped };
  });

  const told: { accountId: string; ownerId: string | null; taskId: string | null }[] = [];
  for (const accountId of claimed) {
    const asked = requests.filter((r) => r.account_id === accountId);
    const first = asked[0];
    if (!first) continue;
    if (!first.owner_id) {
      // Nobody owns the account: nobody to tell, and the claim records that it was looked at.
      told.push({ accountId, ownerId: null, taskId: null });
      continue;
    }
    try {
      const draft = draftClosingMessage({
        locale: first.owner_locale ?? 'en',
        timeZone: first.owner_time_zone ?? 'UTC',
        account: first.account_name,
        contact: asked.find((r) => r.contact_name)?.contact_name ?? null,
        title: item.title,
        link: item.link,
        asked: asked.map((r) => ({ text: r.text, givenAt: r.given_at })),
      });
      const task = await createTask(
        db,
        clock,
        { workspaceId: by.workspaceId, userId: by.userId, automation: true },
        { workspaceId: by.workspaceId, onlyOwner: null },
        {
          title: draft.title.slice(0, 300),
          description: draft.description,
          accountId,
          assigneeId: first.owner_id,
          priority: 'P2',
          tags: ['close-the-loop'],
          dueAt: new Date(at.getTime() + tellWithinHours * hourMs).toISOString(),
        },
      );
      await store.recordNoticeTask(db, id, accountId, task.id);
      told.push({ accountId, ownerId: first.owner_id, taskId: task.id });
    } catch (error) {
      await store.releaseNotice(db, id, accountId);
      throw error;
    }
  }
  return {
    item: await getRoadmapItem(db, scope, id, by.locale),
    toldAccounts: told,
    shippedFeedback: shipped,
  };
}
