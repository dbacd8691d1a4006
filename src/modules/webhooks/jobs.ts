// The webhooks module's background jobs; each payload is parsed with zod (jobs/registry.ts).
//   webhook__fan_out   an activity recorded (`activity__recorded`, jobs/announce.ts) becomes a
//                      delivery per subscription that wants its event
//   webhook__deliver   one delivery sent and its attempt recorded; retries queue themselves
import { z } from 'zod';
import { topicPayloads, type TopicPayload } from '../../jobs/announce.ts';
import type { JobDefinition } from '../../jobs/registry.ts';
import { deliverWebhook } from './deliver.ts';
import { fanOutActivity } from './fanOut.ts';

const payloads = {
  /** Webhooks' subscription to `activity__recorded`. */
  webhook__fan_out: topicPayloads.activity__recorded,
  webhook__deliver: z.object({ deliveryId: z.uuid() }),
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      webhook__fan_out: TopicPayload<'activity__recorded'>;
      webhook__deliver: z.infer<typeof payloads.webhook__deliver>;
    }
  }
}

export const webhookJobs: {
  webhook__fan_out: JobDefinition<'webhook__fan_out'>;
  webhook__deliver: JobDefinition<'webhook__deliver'>;
} = {
  webhook__fan_out: { payload: payloads.webhook__fan_out, run: fanOutActivity },
  webhook__deliver: { payload: payloads.webhook__deliver, run: deliverWebhook },
};
