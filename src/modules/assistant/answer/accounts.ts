// One account, found by name (or the biggest by ARR): the card the portfolio row shows, with a
// link to its 360.
import { inTier, ownerOf, say, type Answered, type Question } from './context.ts';

/** The biggest account by ARR among those asked about (mine, a tier…). */
function largestOf(question: Question) {
  const owner = ownerOf(question);
  return inTier(
    question,
    question.accounts.filter((a) => owner === null || a.ownerId === owner),
  ).reduce<Question['accounts'][number] | undefined>(
    (biggest, a) => (biggest && biggest.arr.amount >= a.arr.amount ? biggest : a),
    undefined,
  );
}

export function accountLookup(question: Question): Answered | null {
  const { accountId, largest } = question.params;
  const account = accountId
    ? question.accounts.find((a) => a.id === accountId)
    : largest
      ? largestOf(question)
      : undefined;
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
