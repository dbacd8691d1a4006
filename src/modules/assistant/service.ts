// Ask Steward: a plain question in, the right live widget and a sentence or two out, in the
// question's language. Understanding is offline (understand/); the data comes from the module
// that owns it (answer/), and only what the asker may see, saying so when something is held back.
import type { Actor, Deps } from '../../context.ts';
import { renderMessage, type Message } from '../../i18n/index.ts';
import { portfolio, portfolioQuery } from '../accounts/index.ts';
import { listUsers } from '../auth/index.ts';
import { answerFor, type Answered, type DirectoryAccount, type Question } from './answer/index.ts';
import { say, seesEveryone } from './answer/context.ts';
import { intentPermission, quickActions, type Intent, type KnownIntent } from './intents.ts';
import type { z } from '@hono/zod-openapi';
import type { answerSchema, queryBody } from './schema.ts';
import * as store from './store.ts';
import { widenWithModel } from './widen.ts';
import { prepareNames, understandQuestion, type Params } from './understand/index.ts';

export type AssistantAnswer = z.infer<typeof answerSchema>;
type Body = z.infer<typeof queryBody>;

/** Pages of the workspace's accounts read for names: far beyond any real book of business. */
const directoryPages = 20;

/**
 * Every account of the workspace, not only the asker's: a question naming another CSM's client
 * must be told plainly that it is not theirs to see, rather than taken for something else.
 */
async function accountDirectory(deps: Deps, actor: Actor): Promise<DirectoryAccount[]> {
  const all: DirectoryAccount[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < directoryPages; page++) {
    const query = portfolioQuery.parse({ limit: 500, ...(cursor ? { cursor } : {}) });
    const result = await portfolio(
      deps.db,
      deps.clock,
      { scope: { workspaceId: actor.workspaceId, onlyOwner: null }, userId: actor.userId },
      { query, custom: {} },
    );
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

function suggestionsFor(closest: KnownIntent[]): KnownIntent[] {
  const picked = [...closest];
  for (const intent of quickActions)
    if (picked.length < 3 && !picked.includes(intent)) picked.push(intent);
  return picked.slice(0, 3);
}

/** Held back before any data is read: a permission, someone else's client, another CSM's book. */
function refusal(intent: KnownIntent, question: Question): Answered | null {
  const { asker, params } = question;
  const permission = intentPermission[intent];
  if (!asker.permissions.has(permission)) {
    return {
      widget: 'not_allowed',
      data: { permission },
      answer: [
        say('assistant.notAllowed', { topic: { term: `assistant.topics.${intent}` }, permission }),
      ],
      link: null,
    };
  }
  const account = question.accounts.find((a) => a.id === params.accountId);
  if (account && !seesEveryone(asker) && account.ownerId !== asker.userId) {
    return {
      widget: 'not_allowed',
      data: { permission: null },
      answer: [say('assistant.accountNotVisible')],
      link: null,
    };
  }
  if (params.ownerId && params.ownerId !== asker.userId && !seesEveryone(asker)) {
    const name = question.people.find((p) => p.id === params.ownerId)?.name ?? '';
    return {
      widget: 'not_allowed',
      data: { permission: 'view_all_accounts' },
      answer: [say('assistant.otherOwner', { name })],
      link: null,
    };
  }
  return null;
}

export async function askSteward(deps: Deps, actor: Actor, body: Body): Promise<AssistantAnswer> {
  const [accounts, users] = await Promise.all([
    accountDirectory(deps, actor),
    listUsers(deps.db, actor.workspaceId),
  ]);
  const people = users.filter((u) => !u.deactivated).map((u) => ({ id: u.id, name: u.name }));
  const understanding = understandQuestion(body.q, {
    now: deps.clock.now(),
    timeZone: actor.timeZone,
    locale: actor.locale,
    // The asker's own clients first: a name two accounts share ("Hallowell") is theirs.
    accounts: prepareNames([
      ...accounts.filter((a) => a.ownerId === actor.userId),
      ...accounts.filter((a) => a.ownerId !== actor.userId),
    ]),
    people: prepareNames(people),
    previous: body.context as { intent: Intent; params: Params } | undefined,
  });
  // A question the lexicon cannot place may be placed by the optional model (widen.ts).
  if (understanding.intent === 'unknown' && deps.config.assistantModel) {
    const placed = await widenWithModel(deps.config.assistantModel, body.q, deps.logger);
    // An account's card or feedback needs an account Steward itself found in the question.
    const aboutOne = placed === 'account_lookup' || placed === 'account_feedback';
    const usable = placed && (!aboutOne || understanding.params.accountId);
    if (usable) Object.assign(understanding, { intent: placed, confidence: 0.5, closest: [] });
  }
  const { intent, language, params } = understanding;
  const render = (messages: Message[]) =>
    messages.map((m) => renderMessage(m, language, actor.timeZone)).join(' ');
  const base = {
    intent,
    params,
    confidence: understanding.confidence,
    language,
    followUp: understanding.followUp,
  };

  if (intent === 'unknown') {
    const suggestions = suggestionsFor(understanding.closest).map((i) => ({
      intent: i,
      question: renderMessage({ key: `assistant.examples.${i}` }, language),
    }));
    return {
      ...base,
      widget: 'suggestions',
      data: { suggestions },
      answer: render([say('assistant.unknown')]),
      link: null,
    };
  }

  // Remembered while the answer is read: the two do not wait for each other.
  const remembered = store.rememberQuestion(deps.db, actor, {
    text: body.q,
    intent,
    at: deps.clock.now(),
  });
  const notes: Message[] = [];
  if ((params.scope === 'team' || params.scope === 'all') && !seesEveryone(actor)) {
    notes.push(say('assistant.ownOnly'));
  }
  const question: Question = { deps, asker: actor, understanding, params, accounts, people, notes };
  const refused = refusal(intent, question);
  if (refused) {
    await remembered;
    // Not even the id of an account the asker may not see goes back to them.
    const shown = { ...params };
    delete shown.accountId;
    return {
      ...base,
      params: shown,
      ...refused,
      answer: render(refused.answer),
    } as AssistantAnswer;
  }
  const [answered] = await Promise.all([answerFor(intent, question), remembered]);
  return {
    ...base,
    ...answered,
    answer: render([...answered.answer, ...notes]),
  } as AssistantAnswer;
}

export async function recentQuestions(deps: Deps, actor: Actor, limit = 8) {
  const rows = await store.recentQuestions(deps.db, actor, limit);
  return {
    items: rows.map((r) => ({
      question: r.question,
      intent: r.intent as Intent,
      askedAt: r.asked_at.toISOString(),
    })),
  };
}
