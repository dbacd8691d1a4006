// One account, found by name: the card the portfolio row shows, with a link to its 360.
import { say, type Answered, type Question } from './context.ts';

export function accountLookup(question: Question): Answered | null {
  const account = question.accounts.find((a) => a.id === question.params.accountId);
  if (!account) return null;
  const arr = { money: account.arr };
  const score = account.health.score;
  const category = account.health.category;
  const answer =
    score === null || category === null
      ? say('assistant.account.unscored', { name: account.name, arr })
      : account.renewalDate
        ? say('assistant.account.summary', {
            name: account.name,
            score,
            category: { term: `health.category.${category}` },
            arr,
            date: { date: account.renewalDate },
          })
        : say('assistant.account.summaryNoRenewal', {
            name: account.name,
            score,
            category: { term: `health.category.${category}` },
            arr,
          });
  return {
    widget: 'account_card',
    data: {
      accountId: account.id,
      name: account.name,
      tier: account.tier,
      ownerName: account.ownerName,
      stage: account.stage,
      priority: account.priority,
      arr: account.arr,
      renewalDate: account.renewalDate,
      healthScore: score,
      category,
      riskLevel: account.churnRisk.level,
    },
    answer: [answer],
    link: `/accounts/${account.id}`,
  };
}
