// The hand-over job: builds the package of a received submission (data, attachments, trust level, payment,
// reply channel, schema URI) and queues it for every consumer that takes the service.
import type { Deps } from '../../../platform/http/deps.js';
import { findUserById } from '../../../platform/auth/users-repo.js';
import { serviceReference } from '../../catalog/index.js';
import { queueHandover, type Identification } from '../../handover/index.js';
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

/** The login the application was made with: the account's identity provider, the level, the time of login. */
async function identificationOf(
  deps: Deps,
  tenantId: string,
  submission: { user_id: string | null; trust_level: string | null; submitted_at: Date },
): Promise<Identification | undefined> {
  const user = submission.user_id && submission.trust_level ? await findUserById(deps.db, tenantId, submission.user_id) : undefined;
  if (!user?.oidc_issuer || !submission.trust_level) return undefined;
  const loggedIn = user.last_login_at && user.last_login_at <= submission.submitted_at ? user.last_login_at : submission.submitted_at;
  return { issuer: user.oidc_issuer, trustLevel: submission.trust_level, identifiedAt: loggedIn };
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
  const service = await serviceReference(deps.db, tenantId, definition.catalog);
  await queueHandover(deps.db, deps.store, {
    tenantId,
    submissionId: submission.id,
    number: submission.number,
    service: definition.id,
    serviceName: service?.name ?? definition.title.de,
    leikaKey: service?.leikaKey,
    schemaUri: schemaUri(deps.baseUrl, definition),
    data: submission.answers,
    attachments: attachmentsOf(submission.answers),
    identification: await identificationOf(deps, tenantId, submission),
    payment: paid ? { reference: paid.reference, method: paid.method, amountCents: paid.amount_cents } : undefined,
    replyChannel: typeof email === 'string' ? { eMail: email } : undefined,
    submittedAt: submission.submitted_at,
  });
}
