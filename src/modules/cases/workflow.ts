// A case's workflow: its states, each with a phase (what the inbox views and deadlines make of it), an internal
// label and the public label the citizen sees (or none: the citizen does not see that step), the transitions
// clerks may make with the roles allowed and the fields required, the automatic moves on events from other
// modules, and the automatic steps on entering a state. Services may define their own in their definition.
import { z } from 'zod';
import { staffRoles } from '../../platform/auth/roles.js';
import type { Lang } from '../../platform/i18n/index.js';

const text = z.object({ de: z.string().min(1), en: z.string().min(1) });
const stateId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** received: new, not yet touched · open: being processed · waiting: for the citizen, the deadline pauses ·
 * decided: finished, not yet filed · closed: final. */
export const PHASES = ['received', 'open', 'waiting', 'decided', 'closed'] as const;
export type Phase = (typeof PHASES)[number];
export const OPEN_PHASES: readonly Phase[] = ['received', 'open', 'waiting'];
export const RUNNING_PHASES: readonly Phase[] = ['received', 'open'];
export const isOpenPhase = (phase: Phase) => OPEN_PHASES.includes(phase);

/** Automatic steps on entering a state, run by a job queued in the same transaction as the change. */
export const STATE_ACTIONS = ['informCitizen', 'notice'] as const;
export type StateAction = (typeof STATE_ACTIONS)[number];

/** Events from other modules that move a case: a request to the citizen, the citizen's reply, an issued notice. */
export const CASE_TRIGGERS = ['request', 'reply', 'notice'] as const;
export type CaseTrigger = (typeof CASE_TRIGGERS)[number];

const transitionField = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9]{0,39}$/)
      .refine((name) => !['version', 'to'].includes(name), 'reserved name'),
    label: text,
  })
  .strict();

export const workflowSchema = z
  .object({
    states: z
      .array(
        z
          .object({
            id: stateId,
            phase: z.enum(PHASES),
            label: text,
            public: text.nullable(),
            onEnter: z.array(z.enum(STATE_ACTIONS)).default([]),
          })
          .strict(),
      )
      .min(2),
    transitions: z
      .array(
        z
          .object({
            from: z.array(stateId).min(1),
            to: stateId,
            label: text,
            roles: z.array(z.enum(staffRoles)).optional(),
            requires: z.array(transitionField).default([]),
          })
          .strict(),
      )
      .min(1),
    /** The path of states an event from another module moves the case along, as far as the transitions allow. */
    automatic: z
      .object({ request: z.array(stateId), reply: z.array(stateId), notice: z.array(stateId) })
      .partial()
      .default({}),
  })
  .strict()
  .superRefine((workflow, check) => {
    const ids = workflow.states.map((state) => state.id);
    const problem = (message: string, path: (string | number)[]) => check.addIssue({ code: z.ZodIssueCode.custom, message, path });
    if (new Set(ids).size !== ids.length) problem('state ids must be unique', ['states']);
    if (workflow.states.filter((state) => state.phase === 'received').length !== 1)
      problem('exactly one state must have the phase "received" (the initial state)', ['states']);
    workflow.transitions.forEach((transition, index) => {
      for (const id of [...transition.from, transition.to]) if (!ids.includes(id)) problem(`unknown state "${id}"`, ['transitions', index]);
    });
    for (const [trigger, path] of Object.entries(workflow.automatic)) {
      for (const id of path ?? []) if (!ids.includes(id)) problem(`unknown state "${id}"`, ['automatic', trigger]);
    }
  });

export type Workflow = z.output<typeof workflowSchema>;
export type WorkflowInput = z.input<typeof workflowSchema>;
export type WorkflowState = Workflow['states'][number];
export type Transition = Workflow['transitions'][number];

export const DEFAULT_WORKFLOW: Workflow = workflowSchema.parse({
  states: [
    { id: 'received', phase: 'received', label: { de: 'Eingegangen', en: 'Received' }, public: { de: 'Eingegangen', en: 'Received' } },
    {
      id: 'in_progress',
      phase: 'open',
      label: { de: 'In Bearbeitung', en: 'In progress' },
      public: { de: 'In Bearbeitung', en: 'Being processed' },
    },
    {
      id: 'waiting',
      phase: 'waiting',
      label: { de: 'Wartet auf Rückmeldung', en: 'Waiting for reply' },
      public: { de: 'Wir warten auf Ihre Rückmeldung', en: 'We are waiting for your reply' },
    },
    {
      id: 'decided',
      phase: 'decided',
      label: { de: 'Entschieden', en: 'Decided' },
      public: { de: 'Entschieden – der Bescheid liegt in Ihrem Postfach', en: 'Decided – the notice is in your mailbox' },
    },
    { id: 'closed', phase: 'closed', label: { de: 'Abgeschlossen', en: 'Closed' }, public: { de: 'Abgeschlossen', en: 'Closed' } },
    {
      id: 'rejected',
      phase: 'closed',
      label: { de: 'Abgelehnt', en: 'Rejected' },
      public: { de: 'Abgelehnt', en: 'Rejected' },
      onEnter: ['informCitizen'],
    },
    { id: 'withdrawn', phase: 'closed', label: { de: 'Zurückgezogen', en: 'Withdrawn' }, public: { de: 'Zurückgezogen', en: 'Withdrawn' } },
  ],
  transitions: [
    { from: ['received', 'waiting'], to: 'in_progress', label: { de: 'In Bearbeitung nehmen', en: 'Start processing' } },
    { from: ['in_progress'], to: 'waiting', label: { de: 'Auf Rückmeldung warten', en: 'Wait for reply' } },
    // Deciding normally issues the notice, which moves the case itself; marking it by hand needs the reason why none is issued.
    {
      from: ['in_progress'],
      to: 'decided',
      label: { de: 'Ohne Bescheid als entschieden markieren', en: 'Mark as decided without a notice' },
      requires: [{ name: 'reason', label: { de: 'Warum ergeht kein Bescheid?', en: 'Why is no notice issued?' } }],
    },
    { from: ['decided'], to: 'closed', label: { de: 'Abschließen', en: 'Close' } },
    {
      from: ['received', 'in_progress', 'waiting'],
      to: 'rejected',
      label: { de: 'Ablehnen', en: 'Reject' },
      requires: [{ name: 'reason', label: { de: 'Begründung der Ablehnung', en: 'Reason for the rejection' } }],
    },
    {
      from: ['received', 'in_progress', 'waiting'],
      to: 'withdrawn',
      label: { de: 'Als zurückgezogen markieren', en: 'Mark as withdrawn' },
      requires: [{ name: 'reason', label: { de: 'Wie wurde der Antrag zurückgezogen?', en: 'How was the application withdrawn?' } }],
    },
  ],
  automatic: { request: ['in_progress', 'waiting'], reply: ['in_progress'], notice: ['in_progress', 'decided'] },
});

export const initialState = (workflow: Workflow) => workflow.states.find((state) => state.phase === 'received')!;

export function stateOf(workflow: Workflow, id: string): WorkflowState {
  return workflow.states.find((state) => state.id === id) ?? { id, phase: 'open', label: { de: id, en: id }, public: null, onEnter: [] };
}

export const stateLabel = (workflow: Workflow, id: string, lang: Lang) => stateOf(workflow, id).label[lang];

export function transitionsFrom(workflow: Workflow, state: string): Transition[] {
  return workflow.transitions.filter((transition) => transition.from.includes(state));
}

export function findTransition(workflow: Workflow, from: string, to: string): Transition | undefined {
  return workflow.transitions.find((transition) => transition.from.includes(from) && transition.to === to);
}

/** Whether holders of these roles may make the transition; without a role list every case worker may. */
export const mayPerform = (transition: Transition, roles: ReadonlySet<string> | undefined) =>
  !transition.roles || !roles || transition.roles.some((role) => roles.has(role));
