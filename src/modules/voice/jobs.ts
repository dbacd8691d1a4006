// The voice module's background jobs; each payload is parsed with zod (jobs/registry.ts).
//   feedback__place            a new item joins its theme (queued with the item, within seconds)
//   feedback__recompute_themes one workspace's themes from all its feedback
//   voice__nightly             every workspace's themes recomputed from all its feedback
//   voice__scan_tickets        tickets that report the same problem, proposed as feedback
//   voice__weekly_digest       the top themes e-mailed to the product people
//   survey__send_invitation    the survey link e-mailed to a contact
//   survey__follow_up          a detractor's response runs health's detractor play
import { z } from 'zod';
import { cronPayload, type JobDefinition } from '../../jobs/registry.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { placeItem, recomputeThemes } from './themes/recompute.ts';
import {
  allWorkspaces,
  workspacesWithFeedback,
  workspacesWithTickets,
} from './store/workspaces.ts';
import { sendProductDigest } from './digest.ts';
import { proposeFromTickets } from './supportPatterns.ts';
import { followUpDetractor } from './surveys/followUp.ts';
import { sendInvitation } from './surveys/invite.ts';

const payloads = {
  feedback__place: z.object({ workspaceId: z.uuid(), itemId: z.uuid() }),
  feedback__recompute_themes: z.object({ workspaceId: z.uuid() }),
  survey__send_invitation: z.object({ invitationId: z.uuid() }),
  survey__follow_up: z.object({ workspaceId: z.uuid(), accountId: z.uuid(), responseId: z.uuid() }),
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      feedback__place: z.infer<typeof payloads.feedback__place>;
      feedback__recompute_themes: z.infer<typeof payloads.feedback__recompute_themes>;
      voice__nightly: z.infer<typeof cronPayload>;
      survey__send_invitation: z.infer<typeof payloads.survey__send_invitation>;
      survey__follow_up: z.infer<typeof payloads.survey__follow_up>;
      voice__scan_tickets: z.infer<typeof cronPayload>;
      voice__weekly_digest: z.infer<typeof cronPayload>;
    }
  }
}

export const voiceJobs: {
  feedback__place: JobDefinition<'feedback__place'>;
  feedback__recompute_themes: JobDefinition<'feedback__recompute_themes'>;
  voice__nightly: JobDefinition<'voice__nightly'>;
  survey__send_invitation: JobDefinition<'survey__send_invitation'>;
  survey__follow_up: JobDefinition<'survey__follow_up'>;
  voice__scan_tickets: JobDefinition<'voice__scan_tickets'>;
  voice__weekly_digest: JobDefinition<'voice__weekly_digest'>;
} = {
  feedback__place: {
    payload: payloads.feedback__place,
    run: async (deps, { workspaceId, itemId }) => {
      await placeItem(deps, workspaceId as WorkspaceId, itemId);
    },
  },
  feedback__recompute_themes: {
    payload: payloads.feedback__recompute_themes,
    run: async (deps, { workspaceId }) => {
      await recomputeThemes(deps, workspaceId as WorkspaceId);
    },
  },
  voice__nightly: {
    payload: cronPayload,
    run: async (deps) => {
      for (const workspaceId of await workspacesWithFeedback(deps.db)) {
        await recomputeThemes(deps, workspaceId);
      }
    },
  },
  survey__send_invitation: {
    payload: payloads.survey__send_invitation,
    run: sendInvitation,
  },
  survey__follow_up: {
    payload: payloads.survey__follow_up,
    run: followUpDetractor,
  },
  voice__scan_tickets: {
    payload: cronPayload,
    run: async (deps) => {
      for (const workspaceId of await workspacesWithTickets(deps.db)) {
        await proposeFromTickets(deps, workspaceId);
      }
    },
  },
  voice__weekly_digest: {
    payload: cronPayload,
    run: async (deps) => {
      for (const workspaceId of await allWorkspaces(deps.db)) {
        await sendProductDigest(deps, workspaceId);
      }
    },
  },
};

/**
 * Nightly at 01:20 UTC, after health's daily rescore; support tickets every 15 minutes; the
 * product digest on Mondays at 08:00 UTC.
 */
export const voiceCrontab = [
  '20 1 * * * voice__nightly',
  '*/15 * * * * voice__scan_tickets',
  '0 8 * * 1 voice__weekly_digest',
].join('\n');
