// What every answer needs: who asks (their permissions, zone and the question's language), what
// the question said, the accounts and people it may name, and how to say a sentence to them.
import type { Actor, Deps } from '../../../context.ts';
import {
  message,
  messageSchema,
  renderMessage,
  type Message,
  type MessageKey,
  type MessageParam,
} from '../../../i18n/index.ts';
import type { UserId } from '../../../lib/ids.ts';
import { localParts } from '../../notify/index.ts';
import type { ChurnRiskLevel, HealthCategory, Tier } from '../../../lib/vocabulary.ts';
import type { Params, Understanding } from '../understand/index.ts';
import type { Widget, WidgetData } from '../schema.ts';
import type { z } from '@hono/zod-openapi';

export type Asker = Pick<Actor, 'workspaceId' | 'userId' | 'permissions' | 'timeZone' | 'locale'>;

export type DirectoryAccount = {
  id: string;
  name: string;
  tier: Tier;
  ownerId: string | null;
  ownerName: string | null;
  stage: string;
  priority: string;
  arr: { amount: number; currency: string };
  renewalDate: string | null;
  health: { score: number | null; category: HealthCategory | null };
  churnRisk: { level: ChurnRiskLevel | null };
};

export type Question = {
  deps: Deps;
  asker: Asker;
  understanding: Understanding;
  params: Params;
  accounts: DirectoryAccount[];
  people: { id: string; name: string }[];
  /** Sentences already due before the answer's own (e.g. "you see only your clients"). */
  notes: Message[];
};

export type Answered = {
  [W in Widget]: {
    widget: W;
    data: z.infer<WidgetData[W]>;
    answer: Message[];
    link: string | null;
  };
}[Widget];

export const say = (key: MessageKey, params?: Record<string, MessageParam>): Message =>
  message(key, params);

/** A sentence in the question's language, for data the widget shows as text (reasons). */
export function render(question: Question, text: unknown): string | null {
  if (typeof text === 'string') return text;
  const parsed = messageSchema.safeParse(text);
  if (!parsed.success) return null;
  return renderMessage(
    parsed.data as Message,
    question.understanding.language,
    question.asker.timeZone,
  );
}

/** Whose accounts: one owner, or everyone the asker may see (null). */
export function ownerOf(question: Question): UserId | null {
  const { params, asker } = question;
  if (params.ownerId) return params.ownerId as UserId;
  if (params.scope === 'mine') return asker.userId;
  return null;
}

export const seesEveryone = (asker: Asker) => asker.permissions.has('view_all_accounts');

export function inTier<T extends { tier: string }>(question: Question, items: T[]): T[] {
  const tier = question.params.tier;
  return tier ? items.filter((i) => i.tier === tier) : items;
}

/** Only the named account, when the question names one. */
export function forAccount<T extends { accountId: string }>(question: Question, items: T[]): T[] {
  const id = question.params.accountId;
  return id ? items.filter((i) => i.accountId === id) : items;
}

/** The asker's today (their own time zone), as `YYYY-MM-DD`. */
export function todayOf(question: Question): string {
  return localParts(question.deps.clock.now(), question.asker.timeZone).date;
}

export const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? 0 : Math.abs(Math.round(value));
