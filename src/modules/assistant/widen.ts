// Optional: an OpenAI-compatible chat endpoint (STEWARD_ASSISTANT_MODEL_URL) asked to place a
// question the offline understanding could not. Off by default and never needed: the model only
// names one of Steward's intents — the parameters still come from Steward's own parsers, the
// data from its own services — and any failure, slowness or made-up answer leaves the question
// "unknown", as it was. Only the question's text is sent.
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Logger } from '../../lib/logger.ts';
import { knownIntents, type KnownIntent } from './intents.ts';

/** A model slower than this is not worth the wait: the person gets the suggestions instead. */
const timeoutMs = 4000;

const descriptions: Record<KnownIntent, string> = {
  client_health: 'health scores of clients, who is healthy, at risk or critical',
  declining_adoption: 'clients whose product usage or logins are falling',
  churn_risk: 'clients at risk of churning or not renewing',
  engagement_trends: 'engagement compared month over month',
  product_adoption: 'feature usage, active users, seat utilization, time to value',
  renewal_pipeline: 'upcoming renewals and contracts ending',
  expansion_opportunities: 'upsell, cross-sell, seat expansion opportunities',
  premium_upgrades: 'clients ready to move to a premium or higher tier',
  revenue_metrics: 'NRR, GRR, MRR, churn and expansion rates, CS metrics',
  nps_feedback: 'NPS, CSAT, surveys, what customers say about us',
  account_feedback: 'what one named client said lately: its feedback, requests, complaints',
  qbr_due: 'which clients need or are overdue for a business review (QBR)',
  top_feature_requests: 'the features customers ask for most',
  schedule_qbr: 'schedule or book a QBR or meeting with a client',
  upcoming_meetings: 'meetings already on the calendar, coming up or in a given week or day',
  product_roadmap: 'the product roadmap, planned and shipped features',
  account_lookup: 'one named account: its summary',
  my_tasks: "the person's tasks, to-dos, reminders",
  escalations: 'escalations and SLA breaches',
  onboarding_progress: 'onboarding projects: their progress, which are behind schedule',
};

const completion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});
const verdict = z.object({ intent: z.string() });

export async function widenWithModel(
  model: NonNullable<Config['assistantModel']>,
  question: string,
  logger: Logger,
): Promise<KnownIntent | null> {
  const list = knownIntents.map((i) => `- ${i}: ${descriptions[i]}`).join('\n');
  try {
    const response = await fetch(`${model.url.replace(/\/$/, '')}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(model.key ? { authorization: `Bearer ${model.key}` } : {}),
      },
      body: JSON.stringify({
        model: model.model,
        temperature: 0,
        messages: [
          {
            role: 'system',
            content: `You route questions from customer success managers (English or Russian) to one intent. Intents:\n${list}\n- unknown: anything else\nAnswer only with JSON: {"intent": "<name>"}.`,
          },
          { role: 'user', content: question },
        ],
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`the model answered ${response.status}`);
    const content = completion.parse(await response.json()).choices[0]?.message.content ?? '';
    const json = /\{[\s\S]*\}/.exec(content)?.[0] ?? '';
    const { intent } = verdict.parse(JSON.parse(json));
    return knownIntents.find((i) => i === intent) ?? null;
  } catch (error) {
    logger.warn({ err: error }, 'assistant model not used');
    return null;
  }
}
