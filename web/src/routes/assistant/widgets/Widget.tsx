// The widget an answer names, with its live data.
import { useTranslation } from 'react-i18next';
import type { AssistantAnswer } from '../../../api/assistant.ts';
import { AccountWidget } from './AccountWidget.tsx';
import { AdoptionMetricsWidget, DecliningWidget } from './AdoptionWidgets.tsx';
import { ChurnRiskWidget, EngagementWidget, HealthDashboardWidget } from './HealthWidgets.tsx';
import { MeetingSchedulerWidget, MeetingsWidget, QbrDueWidget } from './MeetingWidgets.tsx';
import { MetricsWidget, OpportunitiesWidget, RenewalsWidget } from './RevenueWidgets.tsx';
import {
  AccountFeedbackWidget,
  NpsWidget,
  RequestsWidget,
  RoadmapWidget,
} from './VoiceWidgets.tsx';
import {
  EscalationsWidget,
  MyTasksWidget,
  OnboardingWidget,
  TaskDraftWidget,
} from './WorkWidgets.tsx';

export function Widget({
  answer,
  onAsk,
}: {
  answer: AssistantAnswer;
  /** A suggestion asks its question. */
  onAsk: (question: string) => void;
}) {
  const { t } = useTranslation('assistant');
  switch (answer.widget) {
    case 'health_dashboard':
      return <HealthDashboardWidget data={answer.data} />;
    case 'churn_risk':
      return <ChurnRiskWidget data={answer.data} />;
    case 'engagement_trends':
      return <EngagementWidget data={answer.data} />;
    case 'declining_adoption':
      return <DecliningWidget data={answer.data} />;
    case 'adoption_metrics':
      return <AdoptionMetricsWidget data={answer.data} />;
    case 'account_card':
      return <AccountWidget data={answer.data} />;
    case 'my_tasks':
      return <MyTasksWidget data={answer.data} />;
    case 'task_draft':
      return <TaskDraftWidget data={answer.data} />;
    case 'escalations':
      return <EscalationsWidget data={answer.data} />;
    case 'onboarding':
      return <OnboardingWidget data={answer.data} />;
    case 'renewal_pipeline':
      return <RenewalsWidget data={answer.data} />;
    case 'upsell_opportunities':
      return <OpportunitiesWidget data={answer.data} label={t('widget.upsell_opportunities')} />;
    case 'premium_upgrades':
      return <OpportunitiesWidget data={answer.data} label={t('widget.premium_upgrades')} />;
    case 'revenue_metrics':
      return <MetricsWidget data={answer.data} />;
    case 'nps_dashboard':
      return <NpsWidget data={answer.data} />;
    case 'feature_requests':
      return <RequestsWidget data={answer.data} />;
    case 'account_feedback':
      return <AccountFeedbackWidget data={answer.data} />;
    case 'roadmap_timeline':
      return <RoadmapWidget data={answer.data} />;
    case 'qbr_due':
      return <QbrDueWidget data={answer.data} />;
    case 'meeting_scheduler':
      return <MeetingSchedulerWidget data={answer.data} />;
    case 'meetings':
      return <MeetingsWidget data={answer.data} />;
    case 'suggestions':
      return (
        <ul aria-label={t('tryAsking')} className="flex flex-col gap-2">
          {answer.data.suggestions.map((s) => (
            <li key={s.intent}>
              <button
                type="button"
                className="min-h-11 w-full rounded-lg border border-line px-3 text-left hover:bg-raised"
                onClick={() => onAsk(s.question)}
              >
                {s.question}
              </button>
            </li>
          ))}
        </ul>
      );
    case 'not_allowed':
    case 'unavailable':
      return null;
  }
}
