// The persona guide's twelve demo scenarios (seeds/003, "Demo scenarios"), in its three groups,
// each with the intent and widget it must open, and one Russian question per group.
import type { Intent } from '../../src/modules/assistant/index.ts';

export type Scenario = { q: string; intent: Intent; widget: string };

export const scenarioGroups: { group: string; scenarios: Scenario[]; russian: Scenario }[] = [
  {
    group: 'client health',
    scenarios: [
      {
        q: 'Show me health scores for all my assigned clients',
        intent: 'client_health',
        widget: 'health_dashboard',
      },
      {
        q: 'Which clients have declining product adoption?',
        intent: 'declining_adoption',
        widget: 'declining_adoption',
      },
      {
        q: 'Show me clients at risk of churn this quarter',
        intent: 'churn_risk',
        widget: 'churn_risk',
      },
      {
        q: 'Compare client engagement trends month-over-month',
        intent: 'engagement_trends',
        widget: 'engagement_trends',
      },
    ],
    russian: {
      q: 'Какие клиенты под риском оттока в этом квартале?',
      intent: 'churn_risk',
      widget: 'churn_risk',
    },
  },
  {
    group: 'revenue growth',
    scenarios: [
      {
        q: 'Show upcoming renewals in next 90 days',
        intent: 'renewal_pipeline',
        widget: 'renewal_pipeline',
      },
      {
        q: 'Identify expansion opportunities across my portfolio',
        intent: 'expansion_opportunities',
        widget: 'upsell_opportunities',
      },
      {
        q: 'Show clients ready for premium tier upgrade',
        intent: 'premium_upgrades',
        widget: 'premium_upgrades',
      },
      {
        q: 'Analyze revenue retention and expansion metrics',
        intent: 'revenue_metrics',
        widget: 'revenue_metrics',
      },
    ],
    russian: {
      q: 'Какие продления в ближайшие 90 дней?',
      intent: 'renewal_pipeline',
      widget: 'renewal_pipeline',
    },
  },
  {
    group: 'client engagement',
    scenarios: [
      {
        q: 'Show recent NPS survey results by client',
        intent: 'nps_feedback',
        widget: 'nps_dashboard',
      },
      { q: 'Which clients need business review meetings?', intent: 'qbr_due', widget: 'qbr_due' },
      {
        q: 'Show product roadmap items most requested by clients',
        intent: 'top_feature_requests',
        widget: 'feature_requests',
      },
      {
        q: 'Schedule quarterly business reviews for top accounts',
        intent: 'schedule_qbr',
        widget: 'meeting_scheduler',
      },
    ],
    russian: {
      q: 'Какие функции клиенты запрашивают чаще всего?',
      intent: 'top_feature_requests',
      widget: 'feature_requests',
    },
  },
];

export const allScenarios = scenarioGroups.flatMap((g) => [...g.scenarios, g.russian]);
