// `survey__follow_up`: a detractor answered (NPS 0–6). The voice module announces it to health's
// plays, which open the follow-up — by default a task for the account's CSM due within 24
// hours — once per response. A workspace that has no detractor play yet gets that default one,
// named in the CSM's language, so no detractor goes unanswered; people may change or disable it
// like any play (Settings → Health → Plays).
import { renderMessage } from '../../../i18n/index.ts';
import type { JobHandler } from '../../../jobs/registry.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { createPlay, runDetractorPlays } from '../../health/index.ts';
import * as store from '../store/surveys.ts';

export const followUpDetractor: JobHandler<'survey__follow_up'> = async (deps, payload) => {
  const workspaceId = payload.workspaceId as WorkspaceId;
  const response = { accountId: payload.accountId, responseId: payload.responseId };
  const outcome = await runDetractorPlays(deps, workspaceId, response);
  if (outcome.configured) return;
  // One connection holds a lock while the default play is added: two detractors at once add one.
  await deps.db.connection().execute(async (db) => {
    await store.lockDefaultPlay(db, workspaceId);
    try {
      const again = await runDetractorPlays({ db, clock: deps.clock }, workspaceId, response);
      if (again.configured) return;
      const locale = (await store.ownerLocale(db, workspaceId, payload.accountId)) ?? 'en';
      await createPlay(
        db,
        { workspaceId, userId: null },
        {
          name: renderMessage({ key: 'voice.play.detractorName' }, locale),
          trigger: 'nps_detractor',
          daysBeforeRenewal: null,
          templateId: null,
          taskTitle: renderMessage({ key: 'voice.play.detractorTask' }, locale),
          assigneeRole: 'owner',
          dueInHours: 24,
          enabled: true,
        },
        deps.clock.now(),
      );
      await runDetractorPlays({ db, clock: deps.clock }, workspaceId, response);
    } finally {
      await store.unlockDefaultPlay(db, workspaceId);
    }
  });
};
