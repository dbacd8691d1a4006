// One account, found by name (or the biggest by ARR): the card the portfolio row shows, the
// people a CSM calls there (its champion, its executive sponsor), and a link to its 360.
import { contactsOf } from '../../accounts/index.ts';
import { inTier, ownerOf, say, type Answered, type Question } from './context.ts';

/** The roles a CSM asks "who is … at X?" about, in the order they are said. */
const keyRoles = ['champion', 'executive_sponsor'] as const;

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

/** The account a question is about: the one it names, or the largest when it asks so. */
export function accountAskedAbout(question: Question) {
  const { accountId, largest } = question.params;
  return accountId
    ? question.accounts.find((a) => a.id === accountId)
    : largest
      ? largestOf(question)
      : undefined;
}

export async function accountLookup(question: Question): Promise<Answered | null> {
  const account = accountAskedAbout(question);
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
  const contacts = await contactsOf(question.deps.db, question.asker.workspaceId, account.id);
  const people = keyRoles.flatMap((role) => {
    const first = contacts.find((c) => c.role === role);
    return first ? [{ name: first.name, role, title: first.title, email: first.email }] : [];
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
      people,
    },
    answer: [answer, ...people.map((p) => say(`assistant.account.${p.role}`, { name: p.name }))],
    link: `/accounts/${account.id}`,
  };
}
