// Each person's notification preferences: rules per kind, digest hour, quiet hours, channels,
// Slack webhook and mutes, and (read only) the Slack member they linked from Slack
// (slackLink.ts). People who never saved any get the interview's defaults.
import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { fieldProblem, invalid, type FieldError } from '../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { slackWebhookUrlProblem, type SlackWebhookRules } from './channels/slack.ts';
import { activityKindSchema, channelSchema } from './kinds.ts';
import { defaultPreferences, type Preferences, type Rule } from './routing.ts';
import { preferenceRows, upsertPreferences } from './store/preferences.ts';

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'notify.field.quietTime' satisfies MessageKey);

export const preferencesSchema = z
  .object({
    rules: z.partialRecord(activityKindSchema, z.enum(['now', 'digest', 'off'])),
    digestHour: z.number().int().min(0).max(23),
    quietHours: z.object({ start: clockTime, end: clockTime }).nullable(),
    quietAllow: z.array(activityKindSchema),
    channels: z.object({ now: z.array(channelSchema), digest: z.array(channelSchema) }),
    slackWebhookUrl: z.url().nullable(),
    slackMemberId: z
      .string()
      .nullable()
      .openapi({
        description:
          'The Slack member you linked, so `/steward` answers you in your language and time ' +
          'zone. Read only: a link is proven from Slack (`POST /me/slack-link`, then ' +
          '`/steward link <code>`) and removed with `DELETE /me/slack-link`.',
        example: 'U012AB3CD',
        readOnly: true,
      }),
    mutedProjects: z.array(z.uuid()),
    mutedAccounts: z.array(z.uuid()),
    timezone: z.string().openapi({ description: 'Your time zone (change it with PATCH /me)' }),
  })
  .openapi('NotificationPreferences');

export const updatePreferencesBody = preferencesSchema
  .omit({ timezone: true, slackMemberId: true })
  .partial()
  .extend({
    // A member id typed by hand proves nothing: refused by name rather than ignored, so a
    // script written for the old field learns why.
    slackMemberId: z
      .unknown()
      .refine((value) => value === undefined, {
        error: 'notify.field.slackMemberLinkOnly' satisfies MessageKey,
      })
      .optional()
      .openapi({
        description:
          'Not accepted: a Slack member is linked from Slack with `/steward link <code>` ' +
          '(`POST /me/slack-link`), never typed.',
        deprecated: true,
      }),
  })
  .openapi('UpdateNotificationPreferences');

export type PreferencesUpdate = z.infer<typeof updatePreferencesBody>;

const hhmm = (time: string | null) => (time ? time.slice(0, 5) : null);

/** Preferences for several people in one query (defaults for those who saved none). */
export async function loadPreferences(
  db: Db,
  workspaceId: string,
  userIds: string[],
): Promise<Map<string, Preferences>> {
  if (userIds.length === 0) return new Map();
  const rows = await preferenceRows(db, workspaceId, userIds);
  return new Map(
    rows.map((row) => {
      const defaults = defaultPreferences(row.timezone);
      const quietStart = hhmm(row.quiet_start);
      const quietEnd = hhmm(row.quiet_end);
      const prefs: Preferences = {
        ...defaults,
        rules: (row.rules ?? {}) as Partial<Record<string, Rule>>,
        digestHour: row.digest_hour ?? defaults.digestHour,
        quietHours: quietStart && quietEnd ? { start: quietStart, end: quietEnd } : null,
        quietAllow: (row.quiet_allow ?? defaults.quietAllow) as Preferences['quietAllow'],
        channels: (row.channels ?? defaults.channels) as Preferences['channels'],
        slackWebhookUrl: row.slack_webhook_url ?? null,
        slackMemberId: row.slack_member_id ?? null,
        mutedProjects: row.muted_projects ?? [],
        mutedAccounts: row.muted_accounts ?? [],
      };
      return [row.id, prefs];
    }),
  );
}

export async function preferencesOf(db: Db, workspaceId: WorkspaceId, userId: UserId) {
  const prefs = (await loadPreferences(db, workspaceId, [userId])).get(userId);
  if (!prefs) throw new Error('a signed-in person exists');
  return prefs;
}

/** Rules the schema cannot express: quiet hours must span time, webhooks must be Slack's. */
function checkPreferences(update: PreferencesUpdate, slackRules: SlackWebhookRules) {
  const errors: FieldError[] = [];
  if (update.quietHours && update.quietHours.start === update.quietHours.end) {
    errors.push(fieldProblem('quietHours.end', 'notify.field.quietHours'));
  }
  const problem = update.slackWebhookUrl
    ? slackWebhookUrlProblem(update.slackWebhookUrl, slackRules)
    : null;
  if (problem) errors.push(fieldProblem('slackWebhookUrl', problem.key, problem.params));
  if (errors.length > 0) throw invalid(errors);
}

export async function savePreferences(
  db: Db,
  by: { workspaceId: WorkspaceId; userId: UserId },
  update: PreferencesUpdate,
  options: { slackRules: SlackWebhookRules; now: Date },
): Promise<Preferences> {
  checkPreferences(update, options.slackRules);
  const merged = { ...(await preferencesOf(db, by.workspaceId, by.userId)), ...update };
  const row = {
    rules: JSON.stringify(merged.rules),
    digest_hour: merged.digestHour,
    quiet_start: merged.quietHours?.start ?? null,
    quiet_end: merged.quietHours?.end ?? null,
    quiet_allow: merged.quietAllow,
    channels: JSON.stringify(merged.channels),
    slack_webhook_url: merged.slackWebhookUrl,
    muted_projects: merged.mutedProjects,
    muted_accounts: merged.mutedAccounts,
    updated_at: options.now,
  };
  await upsertPreferences(db, by, row);
  return preferencesOf(db, by.workspaceId, by.userId);
}
