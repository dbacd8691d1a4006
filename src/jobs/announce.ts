// Announcements: a module says once what happened, and every module that cares hears it as a
// job of its own, queued in the announcer's transaction — so the reaction exists exactly when
// the change does, and the announcer (lower down) never imports the modules that react (above
// it). This file is below the modules and imports none: the topics and their subscribers are
// written here as job names, typed against the jobs the modules declare (registry.ts).
//
// How a module subscribes to a topic:
//  1. declare a job in the module's jobs file whose payload *is* the topic's schema, e.g.
//     `webhook__fan_out: topicPayloads.activity__recorded` (and in `GraphileWorker.Tasks`,
//     `webhook__fan_out: TopicPayload<'activity__recorded'>`), with its handler;
//  2. register its definition in the composition root, src/jobs/tasks.ts (`satisfies
//     JobDefinitions` refuses a declared job without a handler);
//  3. add the job's name to the topic's list in `subscribers` below. A name whose payload is
//     not exactly the topic's does not compile.
// Each subscriber gets its own job (own retries, own failures): one slow or failing subscriber
// never holds up another. A handler re-reads what it needs by the payload's ids, and must be
// idempotent (a job may run more than once).
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { enqueueMany, type TaskName } from './registry.ts';

/** Each topic's payload: ids to re-read by, never the facts themselves (they may change). */
export const topicPayloads = {
  /**
   * An activity event was recorded (accounts' `recordActivity`, in the transaction of the
   * change): read it with accounts' `findActivityEvent`.
   */
  activity__recorded: z.object({ eventId: z.uuid() }),
  /**
   * Someone asked for a password reset link (auth's `requestPasswordReset`): read what to send
   * with auth's `passwordResetLetter`.
   */
  password_reset__requested: z.object({ resetId: z.uuid() }),
};

export type Topic = keyof typeof topicPayloads;
export type TopicPayload<T extends Topic> = z.infer<(typeof topicPayloads)[T]>;

/** The jobs whose payload is exactly the topic's: those that may subscribe to it. */
export type SubscriberOf<T extends Topic> = {
  [K in TaskName]: [GraphileWorker.Tasks[K]] extends [TopicPayload<T>]
    ? [TopicPayload<T>] extends [GraphileWorker.Tasks[K]]
      ? K
      : never
    : never;
}[TaskName];

/** Who hears each topic: one job each, queued by `announce`. */
export const subscribers: { readonly [T in Topic]: readonly SubscriberOf<T>[] } = {
  activity__recorded: [
    // notify: SLA clocks and mention escalations, then the people to tell (notify/activity.ts).
    'notification__route',
    // webhooks: the events integrations subscribed to, delivered signed (webhooks/fanOut.ts).
    'webhook__fan_out',
  ],
  password_reset__requested: [
    // notify: the e-mail with the link, in the person's language (notify/passwordReset.ts).
    'password_reset__send',
  ],
};

export type AnnounceOptions = {
  /** When the subscribers' jobs are due (the caller's clock: when it happened); now if absent. */
  runAt?: Date;
  /** How often each subscriber's job is tried before it is left failed. */
  maxAttempts?: number;
};

/**
 * Announces `topic` in the caller's transaction: one job per subscriber, each with `payload`,
 * in one statement. Returns how many jobs were queued.
 */
export function announce<T extends Topic>(
  db: Db,
  topic: T,
  payload: TopicPayload<T>,
  options: AnnounceOptions = {},
): Promise<number> {
  return announceEach(db, topic, [{ payload, ...options }]);
}

/**
 * Announces `topic` once for each of `announcements` in the caller's transaction, still in one
 * statement (a rescore's category moves, hundreds at a time). Returns how many jobs were queued.
 */
export async function announceEach<T extends Topic>(
  db: Db,
  topic: T,
  announcements: readonly (AnnounceOptions & { payload: TopicPayload<T> })[],
): Promise<number> {
  const schema = topicPayloads[topic];
  const jobs = announcements.map((a) => ({ ...a, payload: schema.parse(a.payload) }));
  // Each name's payload type is the topic's (SubscriberOf), which a mapped union cannot see.
  const names: readonly TaskName[] = subscribers[topic];
  return enqueueMany(db, names, jobs as Parameters<typeof enqueueMany>[2]);
}
