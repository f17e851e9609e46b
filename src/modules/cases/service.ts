// Use cases of case processing: open a case for a received submission, change its status along the workflow,
// claim, assign and return it, automatic steps from other modules, and escalation of overdue cases. Every
// change by a clerk carries the version the clerk saw; a stale change is refused and nothing changes.
import { inTransaction, type Db } from '../../platform/db/database.js';
import { listRoleHolders, listUnits } from '../../platform/auth/users-repo.js';
import { queueMail } from '../../platform/mail/mailer.js';
import { eventsOfCase, casesHeldFor, claimEscalation, deleteAbsence, findAbsence, findCase, findCaseOfSource, insertCase, openCasesAssignedTo, overdueUnescalated, recordCaseEvent, saveAbsence, updateCase, type CaseRow } from './repo.js';
import { findTransition, isOpen, type CaseState } from './workflow.js';

export type CaseActor = { id: string | null; label: string };

export class CaseConflict extends Error {
  constructor(readonly current: CaseRow | undefined, readonly reason: 'stale' | 'notAllowed' | 'reasonMissing') {
    super(`case change refused: ${reason}`);
  }
}

const DEFAULT_PROCESSING_DAYS = 14;

export async function openCase(db: Db, input: { tenantId: string; source: { kind: string; id: string }; number: string; service: string; title: string; unit: string; processingDays?: number; now?: Date }) {
  const now = input.now ?? new Date();
  const created = await insertCase(db, {
    tenant_id: input.tenantId, number: input.number, source_kind: input.source.kind, source_id: input.source.id, service: input.service, title: input.title, unit: input.unit,
    due_at: new Date(now.getTime() + (input.processingDays ?? DEFAULT_PROCESSING_DAYS) * 86_400_000),
  });
  if (created) await recordCaseEvent(db, { case_id: created.id, actor_id: null, actor_label: 'system', kind: 'created', to_status: 'received' });
  return created ?? (await findCaseOfSource(db, input.tenantId, input.source.kind, input.source.id));
}

/** The status change itself: the waiting time does not count against the deadline, final states close. */
function statusChanges(current: CaseRow, to: CaseState, now: Date): Parameters<typeof updateCase>[4] {
  const changes: Parameters<typeof updateCase>[4] = { status: to };
  if (to === 'waiting') changes.waiting_since = now;
  if (current.status === 'waiting' && current.waiting_since) {
    changes.waiting_since = null;
    changes.due_at = new Date(current.due_at.getTime() + (now.getTime() - current.waiting_since.getTime()));
  }
  if (!isOpen(to) && to !== 'decided') changes.closed_at = now;
  return changes;
}

export async function changeStatus(db: Db, tenantId: string, caseId: string, seenVersion: number, to: CaseState, actor: CaseActor, reason?: string): Promise<CaseRow> {
  const current = await findCase(db, tenantId, caseId);
  if (!current || current.version !== seenVersion) throw new CaseConflict(current, 'stale');
  const transition = findTransition(current.status, to);
  if (!transition) throw new CaseConflict(current, 'notAllowed');
  if (transition.requires === 'reason' && !reason?.trim()) throw new CaseConflict(current, 'reasonMissing');
  return inTransaction(db, async (trx) => {
    const updated = await updateCase(trx, tenantId, caseId, seenVersion, statusChanges(current, to, new Date()));
    if (!updated) throw new CaseConflict(await findCase(trx, tenantId, caseId), 'stale');
    await recordCaseEvent(trx, { case_id: caseId, actor_id: actor.id, actor_label: actor.label, kind: 'status', from_status: current.status, to_status: to, detail: reason ? { reason: reason.slice(0, 500) } : {} });
    return updated;
  });
}

/** Claim (assignee = the clerk), assign to a colleague, or return to the unit (assignee = null). An assignment
 * to an absent clerk goes to their deputy, marked so that it returns when they are back. */
export async function assign(db: Db, tenantId: string, caseId: string, seenVersion: number, assigneeId: string | null, actor: CaseActor, kind: 'claimed' | 'assigned' | 'returned'): Promise<CaseRow> {
  return inTransaction(db, async (trx) => {
    const current = await findCase(trx, tenantId, caseId);
    const absence = assigneeId && kind === 'assigned' ? await findAbsence(trx, tenantId, assigneeId) : undefined;
    const changes = absence ? { assignee_id: absence.deputy_id, deputy_for: assigneeId } : { assignee_id: assigneeId, deputy_for: null };
    const updated = current && isOpen(current.status) ? await updateCase(trx, tenantId, caseId, seenVersion, changes) : undefined;
    if (!updated) throw new CaseConflict(current, current && !isOpen(current.status) ? 'notAllowed' : 'stale');
    await recordCaseEvent(trx, { case_id: caseId, actor_id: actor.id, actor_label: actor.label, kind: absence ? 'deputy' : kind, detail: { assignee: changes.assignee_id, ...(absence ? { for: assigneeId } : {}) } });
    return updated;
  });
}

/** A clerk is away: their open cases go to the deputy (marked as held for them), and so do new assignments. */
export async function startAbsence(db: Db, tenantId: string, userId: string, deputyId: string, actor: CaseActor): Promise<number> {
  return inTransaction(db, async (trx) => {
    await saveAbsence(trx, tenantId, userId, deputyId);
    const open = await openCasesAssignedTo(trx, tenantId, userId);
    for (const row of open) {
      await updateCase(trx, tenantId, row.id, row.version, { assignee_id: deputyId, deputy_for: userId });
      await recordCaseEvent(trx, { case_id: row.id, actor_id: actor.id, actor_label: actor.label, kind: 'deputy', detail: { assignee: deputyId, for: userId } });
    }
    return open.length;
  });
}

/** Back again: the cases the deputy still holds for this clerk return to them. */
export async function endAbsence(db: Db, tenantId: string, userId: string, actor: CaseActor): Promise<number> {
  return inTransaction(db, async (trx) => {
    await deleteAbsence(trx, tenantId, userId);
    const held = await casesHeldFor(trx, tenantId, userId);
    for (const row of held) {
      await updateCase(trx, tenantId, row.id, row.version, { assignee_id: userId, deputy_for: null });
      await recordCaseEvent(trx, { case_id: row.id, actor_id: actor.id, actor_label: actor.label, kind: 'back', detail: { assignee: userId } });
    }
    return held.length;
  });
}

/** Automatic steps (a notice decides, a request waits, the citizen's answer resumes): applied when the
 * workflow allows the move from the current state, otherwise left alone. */
export async function advanceBySource(db: Db, tenantId: string, source: { kind: string; id: string }, to: CaseState, label: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await findCaseOfSource(db, tenantId, source.kind, source.id);
    if (!current || !findTransition(current.status, to)) return current;
    try {
      return await changeStatus(db, tenantId, current.id, current.version, to, { id: null, label });
    } catch (error) {
      if (!(error instanceof CaseConflict) || error.reason !== 'stale') throw error;
    }
  }
  return undefined;
}

/** Escalates overdue cases to the unit lead, once per case and level, however many processes run this. */
export async function escalateOverdue(db: Db, baseUrl: string, level = 1, now = new Date()): Promise<number> {
  let escalated = 0;
  const overdue = await overdueUnescalated(db, level, now);
  const leads = new Map<string, Awaited<ReturnType<typeof listRoleHolders>>>();
  const unitsOf = new Map<string, Awaited<ReturnType<typeof listUnits>>>();
  for (const row of overdue) {
    if (!(await claimEscalation(db, row.id, level))) continue;
    escalated++;
    await recordCaseEvent(db, { case_id: row.id, actor_id: null, actor_label: 'system', kind: 'escalated', detail: { level } });
    if (!leads.has(row.tenant_id)) leads.set(row.tenant_id, await listRoleHolders(db, row.tenant_id, 'unit_lead'));
    if (!unitsOf.has(row.tenant_id)) unitsOf.set(row.tenant_id, await listUnits(db, row.tenant_id));
    const units = unitsOf.get(row.tenant_id)!;
    const unit = units.find((candidate) => (candidate.short_name ?? candidate.name) === row.unit);
    const responsible = (leads.get(row.tenant_id) ?? []).filter((lead) => unit && (lead.unit_id === unit.id || lead.unit_id === unit.parent_id));
    for (const lead of responsible) {
      if (!lead.email) continue;
      await queueMail(db, { tenantId: row.tenant_id, to: lead.email, subject: `Überfälliger Vorgang ${row.number}`, text: `Der Vorgang ${row.number} („${row.title}“) ist seit ${row.due_at.toISOString().slice(0, 10)} überfällig.\n\nEskalationsübersicht: ${baseUrl}/bo/vorgaenge?ansicht=eskaliert` });
    }
  }
  return escalated;
}

/** What the citizen sees of their case: each status change with its date, under the state's public label. */
export async function publicTimeline(db: Db, tenantId: string, source: { kind: string; id: string }): Promise<{ at: Date; state: CaseState }[]> {
  const row = await findCaseOfSource(db, tenantId, source.kind, source.id);
  if (!row) return [];
  return (await eventsOfCase(db, row.id)).filter((event) => event.to_status).map((event) => ({ at: event.at, state: event.to_status as CaseState }));
}
