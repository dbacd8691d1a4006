// Creating, changing and removing SLA policies; a saved policy arms its timers in a job,
// because a workspace may have a hundred thousand open tasks.
import type { Db } from '../../../db/connect.ts';
import type { Deps } from '../../../context.ts';
import { enqueue } from '../../../jobs/registry.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import {
  checkChainPeople,
  findPolicy,
  policyRow,
  slaPolicyBody,
  type SlaPolicy,
  type SlaPolicyInput,
} from './policy.ts';
import * as store from './store.ts';

type By = { workspaceId: WorkspaceId };

const publicShape = ({ thresholdSeconds: _, ...policy }: SlaPolicy) => policy;

export async function createSlaPolicy(deps: Deps, by: By, input: SlaPolicyInput) {
  return deps.db.transaction().execute(async (trx) => {
    await checkChainPeople(trx, by.workspaceId, input);
    const now = deps.clock.now();
    const id = await store.insertPolicy(trx, by.workspaceId, policyRow(input), now);
    await enqueue(
      trx,
      'sla_policy__arm_timers',
      { workspaceId: by.workspaceId, policyId: id },
      {
        runAt: now,
      },
    );
    return publicShape(await findPolicy(trx, by.workspaceId, id));
  });
}

export async function updateSlaPolicy(deps: Deps, by: By, id: string, input: SlaPolicyInput) {
  return deps.db.transaction().execute(async (trx) => {
    await findPolicy(trx, by.workspaceId, id);
    await checkChainPeople(trx, by.workspaceId, input);
    const now = deps.clock.now();
    await store.updatePolicy(trx, by.workspaceId, id, policyRow(input), now);
    await enqueue(
      trx,
      'sla_policy__arm_timers',
      { workspaceId: by.workspaceId, policyId: id },
      {
        runAt: now,
      },
    );
    return publicShape(await findPolicy(trx, by.workspaceId, id));
  });
}

export async function deleteSlaPolicy(db: Db, by: By, id: string) {
  await findPolicy(db, by.workspaceId, id);
  // Its timers find no policy when they fire and stop; escalations it raised go with it.
  await store.deletePolicy(db, by.workspaceId, id);
}

export { publicShape };

/**
 * The demo's policy, from the CSM interview (seeds/000): "if a P0 customer task hasn't been
 * touched in 2 hours, automatically notify my manager".
 */
export async function createDemoSlaPolicy(deps: Deps, workspaceId: WorkspaceId) {
  return createSlaPolicy(
    deps,
    { workspaceId },
    slaPolicyBody.parse({
      name: 'P0 account task untouched for 2 hours',
      match: { accountPriority: ['P0'] },
      metric: 'untouchedFor',
      threshold: 'PT2H',
      warnAt: 0.75,
      chain: [{ notify: 'manager' }],
    }),
  );
}
