// Use cases of case processing: open a case for a received submission, change its status along the workflow,
// claim, assign and return it, automatic steps from other modules, and escalation of overdue cases. Every
// change by a clerk carries the version the clerk saw; a stale change is refused and nothing changes.
import { casesText } from './texts.js';
import { createHash } from 'node:crypto';
import { inTransaction, type Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { listRoleHolders, listUnits } from '../../platform/auth/users-repo.js';
import { listTenants } from '../../platform/tenancy/tenants.js';
import { enqueue } from '../../platform/jobs/queue.js';
import { formatDate, type Lang } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/mailer.js';
import {
  eventsOfCase,
  casesHeldFor,
  claimEscalation,
  deleteAbsence,
  findAbsence,
  findCase,
  findCaseOfSource,
  findWorkflow,
  insertCase,
  openCasesAssignedTo,
  overdueUnescalated,
  recordCaseEvent,
  saveAbsence,
  saveWorkflow,
  updateCase,
  type CaseRow,
} from './repo.js';
import { casePath, inboxPath } from './paths.js';
import {
  DEFAULT_WORKFLOW,
  findTransition,
  initialState,
  isOpenPhase,
  mayPerform,
  stateOf,
  workflowSchema,
  type CaseTrigger,
  type Workflow,
} from './workflow.js';

/** Who changes a case; `roles` is absent for automatic steps, which the workflow's role and field rules do not bind. */
export type CaseActor = { id: string | null; label: string; roles?: ReadonlySet<string> };

export class CaseConflict extends Error {
  constructor(
    readonly current: CaseRow | undefined,
    readonly reason: 'stale' | 'notAllowed' | 'roleMissing' | 'fieldsMissing',
    readonly missing: string[] = [],
  ) {
    super(`case change refused: ${reason}`);
  }
}

export const STATE_ACTION_JOB = 'cases.on-enter';
const DEFAULT_PROCESSING_DAYS = 14;

const knownWorkflows = new Map<string, Workflow>();
const workflowKey = (workflow: Workflow) => createHash('sha256').update(JSON.stringify(workflow)).digest('hex').slice(0, 32);

/** The workflow a case follows (stored by content hash when it opened; none stored = the default). */
export async function workflowOf(db: Db, id: string | null): Promise<Workflow> {
  if (!id) return DEFAULT_WORKFLOW;
  const known = knownWorkflows.get(id);
  if (known) return known;
  const row = await findWorkflow(db, id);
  const workflow = row ? workflowSchema.parse(row.definition) : DEFAULT_WORKFLOW;
  knownWorkflows.set(id, workflow);
  return workflow;
}

async function storedWorkflowId(db: Db, workflow: Workflow | undefined): Promise<string | null> {
  if (!workflow || workflow === DEFAULT_WORKFLOW) return null;
  const id = workflowKey(workflow);
  await saveWorkflow(db, id, workflow);
  knownWorkflows.set(id, workflow);
  return id;
}

export type OpenCaseInput = {
  tenantId: string;
  source: { kind: string; id: string };
  number: string;
  service: string;
  title: string;
  unit: string;
  processingDays?: number;
  workflow?: Workflow;
  searchText?: string;
  now?: Date;
};

export async function openCase(db: Db, input: OpenCaseInput) {
  const now = input.now ?? new Date();
  const workflow = input.workflow ?? DEFAULT_WORKFLOW;
  const initial = initialState(workflow);
  const created = await insertCase(db, {
    tenant_id: input.tenantId,
    number: input.number,
    source_kind: input.source.kind,
    source_id: input.source.id,
    service: input.service,
    title: input.title,
    unit: input.unit,
    status: initial.id,
    phase: initial.phase,
    workflow_id: await storedWorkflowId(db, input.workflow),
    searchText: `${input.number} ${input.title} ${input.searchText ?? ''}`,
    due_at: new Date(now.getTime() + (input.processingDays ?? DEFAULT_PROCESSING_DAYS) * 86_400_000),
  });
  if (created)
    await recordCaseEvent(db, {
      tenant_id: created.tenant_id,
      case_id: created.id,
      actor_id: null,
      actor_label: 'system',
      kind: 'created',
      to_status: initial.id,
      to_phase: initial.phase,
    });
  return created ?? (await findCaseOfSource(db, input.tenantId, input.source.kind, input.source.id));
}

/** The status change itself: the waiting time does not count against the deadline, closed phases close. */
function statusChanges(current: CaseRow, workflow: Workflow, to: string, now: Date): Parameters<typeof updateCase>[4] {
  const phase = stateOf(workflow, to).phase;
  const changes: Parameters<typeof updateCase>[4] = { status: to, phase };
  if (phase === 'waiting') changes.waiting_since = now;
  if (current.phase === 'waiting' && current.waiting_since && phase !== 'waiting') {
    changes.waiting_since = null;
    changes.due_at = new Date(current.due_at.getTime() + (now.getTime() - current.waiting_since.getTime()));
  }
  if (phase === 'closed') changes.closed_at = now;
  return changes;
}

/** Checks the transition against the workflow, the actor's roles and the required fields. */
function checkTransition(current: CaseRow, workflow: Workflow, to: string, actor: CaseActor, fields: Record<string, string>) {
  const transition = findTransition(workflow, current.status, to);
  if (!transition) throw new CaseConflict(current, 'notAllowed');
  if (!actor.roles) return transition;
  if (!mayPerform(transition, actor.roles)) throw new CaseConflict(current, 'roleMissing');
  const missing = transition.requires.filter((field) => !fields[field.name]?.trim()).map((field) => field.name);
  if (missing.length > 0) throw new CaseConflict(current, 'fieldsMissing', missing);
  return transition;
}

export async function changeStatus(
  db: Db,
  tenantId: string,
  caseId: string,
  seenVersion: number,
  to: string,
  actor: CaseActor,
  fields: Record<string, string> = {},
): Promise<CaseRow> {
  const current = await findCase(db, tenantId, caseId);
  if (!current || current.version !== seenVersion) throw new CaseConflict(current, 'stale');
  const workflow = await workflowOf(db, current.workflow_id);
  const transition = checkTransition(current, workflow, to, actor, fields);
  const given = Object.fromEntries(
    transition.requires.map((field) => [field.name, (fields[field.name] ?? '').trim().slice(0, 500)]).filter(([, value]) => value),
  );
  const target = stateOf(workflow, to);
  return inTransaction(db, async (trx) => {
    const updated = await updateCase(trx, tenantId, caseId, seenVersion, statusChanges(current, workflow, to, new Date()));
    if (!updated) throw new CaseConflict(await findCase(trx, tenantId, caseId), 'stale');
    await recordCaseEvent(trx, {
      tenant_id: tenantId,
      case_id: caseId,
      actor_id: actor.id,
      actor_label: actor.label,
      kind: 'status',
      from_status: current.status,
      to_status: to,
      to_phase: target.phase,
      detail: given,
    });
    for (const action of target.onEnter) {
      await enqueue(trx, {
        name: STATE_ACTION_JOB,
        tenantId,
        payload: { caseId, state: to, action, fields: given, actor: actor.label },
        dedupeKey: `${caseId}:${updated.version}:${action}`,
      });
    }
    return updated;
  });
}

/** Claim (assignee = the clerk), assign to a colleague, or return to the unit (assignee = null). An assignment
 * to an absent clerk goes to their deputy, marked so that it returns when they are back. */
export async function assign(
  db: Db,
  tenantId: string,
  caseId: string,
  seenVersion: number,
  assigneeId: string | null,
  actor: CaseActor,
  kind: 'claimed' | 'assigned' | 'returned',
): Promise<CaseRow> {
  return inTransaction(db, async (trx) => {
    const current = await findCase(trx, tenantId, caseId);
    if (!Number.isSafeInteger(seenVersion)) throw new CaseConflict(current, 'stale');
    const absence = assigneeId && kind === 'assigned' ? await findAbsence(trx, tenantId, assigneeId) : undefined;
    const changes = absence ? { assignee_id: absence.deputy_id, deputy_for: assigneeId } : { assignee_id: assigneeId, deputy_for: null };
    const updated = current && isOpenPhase(current.phase) ? await updateCase(trx, tenantId, caseId, seenVersion, changes) : undefined;
    if (!updated) throw new CaseConflict(current, current && !isOpenPhase(current.phase) ? 'notAllowed' : 'stale');
    await recordCaseEvent(trx, {
      tenant_id: tenantId,
      case_id: caseId,
      actor_id: actor.id,
      actor_label: actor.label,
      kind: absence ? 'deputy' : kind,
      detail: { assignee: changes.assignee_id, ...(absence ? { for: assigneeId } : {}) },
    });
    return updated;
  });
}

/** A clerk is away: their open cases go to the deputy (marked as held for them), and so do new assignments. */
export async function startAbsence(db: Db, tenantId: string, userId: string, deputyId: string, actor: CaseActor): Promise<number> {
  return inTransaction(db, async (trx) => {
    await saveAbsence(trx, tenantId, userId, deputyId);
    await recordAudit(trx, {
      tenantId,
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'cases.absence-started',
      objectType: 'user',
      objectId: userId,
      summary: { deputy: deputyId },
    });
    const open = await openCasesAssignedTo(trx, tenantId, userId);
    for (const row of open) {
      await updateCase(trx, tenantId, row.id, row.version, { assignee_id: deputyId, deputy_for: userId });
      await recordCaseEvent(trx, {
        tenant_id: row.tenant_id,
        case_id: row.id,
        actor_id: actor.id,
        actor_label: actor.label,
        kind: 'deputy',
        detail: { assignee: deputyId, for: userId },
      });
    }
    return open.length;
  });
}

/** Back again: the cases the deputy still holds for this clerk return to them. */
export async function endAbsence(db: Db, tenantId: string, userId: string, actor: CaseActor): Promise<number> {
  return inTransaction(db, async (trx) => {
    await deleteAbsence(trx, tenantId, userId);
    await recordAudit(trx, {
      tenantId,
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'cases.absence-ended',
      objectType: 'user',
      objectId: userId,
    });
    const held = await casesHeldFor(trx, tenantId, userId);
    for (const row of held) {
      await updateCase(trx, tenantId, row.id, row.version, { assignee_id: userId, deputy_for: null });
      await recordCaseEvent(trx, {
        tenant_id: row.tenant_id,
        case_id: row.id,
        actor_id: actor.id,
        actor_label: actor.label,
        kind: 'back',
        detail: { assignee: userId },
      });
    }
    return held.length;
  });
}

/** Automatic moves on events from other modules (a request waits, the citizen's answer resumes, a notice decides):
 * the case goes along the path its workflow gives for the event, as far as the transitions allow. */
export async function moveOnEvent(db: Db, tenantId: string, source: { kind: string; id: string }, trigger: CaseTrigger, label: string) {
  const start = await findCaseOfSource(db, tenantId, source.kind, source.id);
  if (!start) return undefined;
  const path = (await workflowOf(db, start.workflow_id)).automatic[trigger] ?? [];
  let current: CaseRow | undefined = start;
  for (const state of path) current = await advance(db, tenantId, source, state, label);
  return current;
}

async function advance(db: Db, tenantId: string, source: { kind: string; id: string }, to: string, label: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await findCaseOfSource(db, tenantId, source.kind, source.id);
    if (!current || !findTransition(await workflowOf(db, current.workflow_id), current.status, to)) return current;
    try {
      return await changeStatus(db, tenantId, current.id, current.version, to, { id: null, label });
    } catch (error) {
      if (!(error instanceof CaseConflict) || error.reason !== 'stale') throw error;
    }
  }
  return undefined;
}

/** A note in the case's history from outside the back office (e.g. the reporter's comment when reopening). */
export async function noteOnCase(db: Db, tenantId: string, source: { kind: string; id: string }, label: string, text: string) {
  const current = await findCaseOfSource(db, tenantId, source.kind, source.id);
  if (current && text.trim())
    await recordCaseEvent(db, {
      tenant_id: current.tenant_id,
      case_id: current.id,
      actor_id: null,
      actor_label: label,
      kind: 'note',
      detail: { text: text.trim().slice(0, 2000) },
    });
}

/** Sends a case to another unit (e.g. a report re-categorised): it arrives there unassigned, as a new case would. */
export async function rerouteCase(
  db: Db,
  tenantId: string,
  source: { kind: string; id: string },
  target: { unit: string; title: string; service: string },
  label: string,
): Promise<CaseRow | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await findCaseOfSource(db, tenantId, source.kind, source.id);
    if (!current) return undefined;
    if (current.unit === target.unit && current.service === target.service) return current;
    const updated = await updateCase(db, tenantId, current.id, current.version, { ...target, assignee_id: null, deputy_for: null });
    if (!updated) continue;
    await recordCaseEvent(db, {
      tenant_id: current.tenant_id,
      case_id: current.id,
      actor_id: null,
      actor_label: label,
      kind: 'rerouted',
      detail: { unit: target.unit, from: current.unit },
    });
    return updated;
  }
  return undefined;
}

/** Escalates overdue cases to the unit lead, once per case and level, however many processes run this. Each
 * escalation, its history event and its mails are one transaction: a crash leaves the case unescalated, and the
 * next run escalates it, instead of an escalation whose mail never left. */
export async function escalateOverdue(db: Db, baseUrl: string, level = 1, now = new Date()): Promise<number> {
  let escalated = 0;
  for (const tenant of await listTenants(db)) {
    const overdue = await overdueUnescalated(db, tenant.id, level, now);
    if (overdue.length === 0) continue;
    const [leads, units] = await Promise.all([listRoleHolders(db, tenant.id, 'unit_lead'), listUnits(db, tenant.id)]);
    for (const row of overdue) {
      const unit = units.find((candidate) => (candidate.short_name ?? candidate.name) === row.unit);
      const responsible = leads.filter((lead) => lead.email && unit && (lead.unit_id === unit.id || lead.unit_id === unit.parent_id));
      const claimed = await inTransaction(db, async (trx) => {
        if (!(await claimEscalation(trx, tenant.id, row.id, level))) return false;
        await recordCaseEvent(trx, {
          tenant_id: tenant.id,
          case_id: row.id,
          actor_id: null,
          actor_label: 'system',
          kind: 'escalated',
          detail: { level },
        });
        for (const lead of responsible) await queueMail(trx, escalationMail(tenant.id, lead.email!, row, baseUrl));
        return true;
      });
      if (claimed) escalated++;
    }
  }
  return escalated;
}

function escalationMail(tenantId: string, to: string, row: CaseRow, baseUrl: string) {
  const t = casesText('de');
  return {
    tenantId,
    to,
    subject: t('mail.overdue.subject', { number: row.number }),
    text: t('mail.overdue.body', {
      number: row.number,
      title: row.title,
      since: formatDate('de', row.due_at),
      escalated: `${baseUrl}${inboxPath('escalated')}`,
      link: `${baseUrl}${casePath(row.id)}`,
    }),
  };
}

/** What the citizen sees of their case: each status change with its date under the state's public label; steps
 * without a public label are left out, and a repeated label is shown once. */
export async function publicTimeline(
  db: Db,
  tenantId: string,
  source: { kind: string; id: string },
  lang: Lang,
): Promise<{ at: Date; label: string }[]> {
  const row = await findCaseOfSource(db, tenantId, source.kind, source.id);
  if (!row) return [];
  const workflow = await workflowOf(db, row.workflow_id);
  const timeline: { at: Date; label: string }[] = [];
  for (const event of await eventsOfCase(db, tenantId, row.id)) {
    const label = event.to_status ? stateOf(workflow, event.to_status).public?.[lang] : undefined;
    if (label && timeline.at(-1)?.label !== label) timeline.push({ at: event.at, label });
  }
  return timeline;
}
