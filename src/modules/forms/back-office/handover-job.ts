// The hand-over job: builds the package of a received submission (data, attachments, trust level, payment,
// reply channel, schema URI) and queues it for every consumer that takes the service.
import type { Deps } from '../../../platform/http/deps.js';
import { queueHandover } from '../../handover/index.js';
import { paymentsOf } from '../../payments/index.js';
import type { Answers } from '../expressions.js';
import { schemaUri } from '../library/json-schema.js';
import type { ServiceLibrary } from '../library/library.js';
import { findSubmission } from '../repo.js';
import { definitionAt } from '../library/versions.js';

function attachmentsOf(answers: Answers) {
  return Object.values(answers)
    .flatMap((value) => (Array.isArray(value) ? (value as Answers[]).filter((item) => typeof item === 'object' && 'file' in item) : []))
    .map((item) => ({ id: String(item.file), name: String(item.name), type: String(item.type) }));
}

export async function handOverSubmission(deps: Deps, library: ServiceLibrary, tenantId: string, submissionId: string) {
  const submission = await findSubmission(deps.db, tenantId, submissionId);
  const current = submission && library.entry(tenantId, submission.service)?.effective;
  if (!submission || !current) return;
  const definition = await definitionAt(deps.db, current, submission.version);
  const paid = (await paymentsOf(deps.db, tenantId, { kind: 'submission', id: submission.id })).find(
    (payment) => payment.status === 'success',
  );
  const email = submission.answers.email;
  await queueHandover(deps.db, deps.store, {
    tenantId,
    submissionId: submission.id,
    number: submission.number,
    service: definition.id,
    schemaUri: schemaUri(deps.baseUrl, definition),
    data: submission.answers,
    attachments: attachmentsOf(submission.answers),
    trustLevel: submission.trust_level,
    payment: paid ? { reference: paid.reference, method: paid.method, status: 'BOOKED', amountCents: paid.amount_cents } : undefined,
    replyChannel: typeof email === 'string' ? { eMail: email } : undefined,
    submittedAt: submission.submitted_at,
  });
}
