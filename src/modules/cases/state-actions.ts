// Automatic steps on entering a state (inform the citizen, issue the notice), carried out by the module that
// owns the case's source (it subscribes to `case.state-entered`), since only it knows the citizen and the data. They run as a job queued in the same
// transaction as the status change, so a step is never lost and never half-done with the change.
import { inTransaction, type Db } from '../../platform/db/database.js';
import type { EventBus } from '../../platform/events.js';
import { caseStateEntered } from './events.js';
import type { Lang } from '../../platform/i18n/index.js';
import { eventsOfCase, findCase, recordCaseEvent, type CaseRow } from './repo.js';
import { workflowOf } from './service.js';
import { stateOf, type StateAction } from './workflow.js';

export type StateActionInput = {
  tenantId: string;
  case: CaseRow;
  /** The state entered (the case may have moved on by the time the step runs). */
  state: string;
  /** The state's public label in both languages (the internal one when the state has none). */
  label: Record<Lang, string>;
  fields: Record<string, string>;
  actor: string;
};

/** Runs a step once: what it changes and sends, and the history event naming its job, are one transaction, and a
 * job run again (its process died after the commit) finds that event and does nothing. */
export async function runStateAction(
  db: Db,
  events: EventBus,
  jobId: string,
  payload: { tenantId: string; caseId: string; state: string; action: StateAction; fields: Record<string, string>; actor: string },
) {
  await inTransaction(db, async (trx) => {
    const row = await findCase(trx, payload.tenantId, payload.caseId);
    if (!row) return;
    const kind = `action.${payload.action}`;
    if ((await eventsOfCase(trx, row.tenant_id, row.id)).some((event) => event.kind === kind && event.detail.job === jobId)) return;
    const state = stateOf(await workflowOf(trx, row.workflow_id), payload.state);
    await events.publish(trx, caseStateEntered, {
      tenantId: payload.tenantId,
      case: row,
      state: payload.state,
      label: state.public ?? state.label,
      fields: payload.fields,
      actor: payload.actor,
      action: payload.action,
    });
    await recordCaseEvent(trx, {
      tenant_id: row.tenant_id,
      case_id: row.id,
      actor_id: null,
      actor_label: 'system',
      kind,
      detail: { state: payload.state, job: jobId },
    });
  });
}
