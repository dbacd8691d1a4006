// What the health API answers, in the asker's language: each measure's reason, each churn-risk
// factor and action rendered from its message (with the key beside it for clients that need one).
import type { Actor } from '../../context.ts';
import { renderMessage, type Message } from '../../i18n/index.ts';
import type { ChurnRiskAssessment } from './churnRisk.ts';
import type { WeightedMeasure } from './scorecard.ts';

export type Reader = Pick<Actor, 'locale' | 'timeZone'>;

const say = (message: Message, reader: Reader) =>
  renderMessage(message, reader.locale, reader.timeZone);

export function renderMeasure(measure: WeightedMeasure, reader: Reader) {
  return {
    key: measure.key,
    score: measure.score,
    weight: measure.weight,
    effectiveWeight: measure.effectiveWeight,
    reason: say(measure.reason, reader),
    reasonKey: measure.reason.key,
    inputs: measure.inputs,
    lastDataAt: measure.lastDataAt,
  };
}

export function renderRisk<T extends ChurnRiskAssessment>(risk: T, reader: Reader) {
  return {
    ...risk,
    factors: risk.factors.map((factor) => ({
      source: factor.source,
      description: say(factor.description, reader),
      key: factor.description.key,
      impact: factor.impact,
    })),
    recommendedActions: risk.recommendedActions.map((action) => ({
      action: say(action.action, reader),
      key: action.action.key,
      factor: action.factor,
      dueInDays: action.dueInDays,
    })),
  };
}

/** A reason that may be missing (an unscored account's weakest measure). */
export function renderReason(reason: Message | null, reader: Reader): string | null {
  return reason === null ? null : say(reason, reader);
}
