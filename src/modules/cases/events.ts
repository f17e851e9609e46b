// What the cases module tells others: a case entered a state whose workflow names an automatic step (inform the
// citizen, issue the notice). The step belongs to the module that owns the case's source: its subscription
// checks `case.source_kind` and `action`. Delivered by the state-action job queued with the status change (the
// outbox), in the transaction that records the step, so a step is neither lost nor done twice.
import { domainEvent } from '../../platform/events.js';
import type { StateActionInput } from './state-actions.js';
import type { StateAction } from './workflow.js';

export const caseStateEntered = domainEvent<StateActionInput & { action: StateAction }>('case.state-entered');
