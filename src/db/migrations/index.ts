// The ordered list of migrations. Append only; a file here is never edited once released.
import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.ts';
import * as work from './0002_work.ts';
import * as usage from './0003_usage.ts';
import * as billingSupport from './0004_billing_support.ts';
import * as notify from './0005_notify.ts';
import * as health from './0006_health.ts';
import * as usageImport from './0007_usage_import.ts';
import * as accountChanges from './0008_account_changes.ts';
import * as messages from './0009_messages.ts';
import * as notifyMessages from './0010_notify_messages.ts';
import * as voice from './0011_voice.ts';
import * as revenue from './0012_revenue.ts';
import * as assistant from './0013_assistant.ts';
import * as healthScores from './0014_health_scores.ts';
import * as signIn from './0017_sign_in.ts';
import * as webhooks from './0016_webhooks.ts';
import * as oneOutbox from './0018_one_outbox.ts';
import * as usageRollupKeys from './0019_usage_rollup_keys.ts';
import * as renewalPipelineIndexes from './0020_renewal_pipeline_indexes.ts';
import * as portfolioIndexes from './0021_portfolio_indexes.ts';
import * as supportLatest from './0022_support_latest.ts';
import * as usageRollupAccountKeys from './0023_usage_rollup_account_keys.ts';
import * as importRejectionMessages from './0024_import_rejection_messages.ts';
import * as slackMemberIds from './0025_slack_member_ids.ts';
import * as reviewReasonMessages from './0026_review_reason_messages.ts';
import * as slackLinks from './0027_slack_links.ts';
import * as portfolioOwnerTierIndex from './0028_portfolio_owner_tier_index.ts';
import * as feedbackThemeTallies from './0029_feedback_theme_tallies.ts';
import * as healthScoresJson from './0030_health_scores_json.ts';
import * as digestUnreadItems from './0031_digest_unread_items.ts';
import * as accountRemovals from './0032_account_removals.ts';
import * as holidayListVersions from './0033_holiday_list_versions.ts';
import * as stageStartsInOrder from './0034_stage_starts_in_order.ts';
import * as usageMonthRollups from './0035_usage_month_rollups.ts';
import * as usageDaysMonth from './0036_usage_days_month.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_work': work,
  '0003_usage': usage,
  '0004_billing_support': billingSupport,
  '0005_notify': notify,
  '0006_health': health,
  '0007_usage_import': usageImport,
  '0008_account_changes': accountChanges,
  '0009_messages': messages,
  '0010_notify_messages': notifyMessages,
  '0011_voice': voice,
  '0012_revenue': revenue,
  '0013_assistant': assistant,
  '0014_health_scores': healthScores,
  '0017_sign_in': signIn,
  '0016_webhooks': webhooks,
  '0018_one_outbox': oneOutbox,
  '0019_usage_rollup_keys': usageRollupKeys,
  '0020_renewal_pipeline_indexes': renewalPipelineIndexes,
  '0021_portfolio_indexes': portfolioIndexes,
  '0022_support_latest': supportLatest,
  '0023_usage_rollup_account_keys': usageRollupAccountKeys,
  '0024_import_rejection_messages': importRejectionMessages,
  '0025_slack_member_ids': slackMemberIds,
  '0026_review_reason_messages': reviewReasonMessages,
  '0027_slack_links': slackLinks,
  '0028_portfolio_owner_tier_index': portfolioOwnerTierIndex,
  '0029_feedback_theme_tallies': feedbackThemeTallies,
  '0030_health_scores_json': healthScoresJson,
  '0031_digest_unread_items': digestUnreadItems,
  '0032_account_removals': accountRemovals,
  '0033_holiday_list_versions': holidayListVersions,
  '0034_stage_starts_in_order': stageStartsInOrder,
  '0035_usage_month_rollups': usageMonthRollups,
  '0036_usage_days_month': usageDaysMonth,
};
