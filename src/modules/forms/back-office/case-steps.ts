// The automatic steps a workflow may take when a submission's case enters a state: inform the applicant (Postfach,
// or e-mail without an account) of the new state under its public label, with the reason when one was given; or
// issue the notice from the service's template. Both run as jobs queued with the status change.
import type { Deps } from '../../../platform/http/deps.js';
import { queueMail } from '../../../platform/mail/mailer.js';
import { findTenantById } from '../../../platform/tenancy/tenants.js';
import type { caseStateEntered } from '../../cases/index.js';
import type { Db } from '../../../platform/db/database.js';
import { deliver } from '../../mailbox/index.js';
import { noticesOfCase } from '../../notices/index.js';
import type { ServiceLibrary } from '../library/library.js';
import { findSubmission } from '../repo.js';
import { formsText } from '../texts.js';
import { issueSubmissionNotice } from './notice.js';

type Entered = NonNullable<(typeof caseStateEntered)['payload']>;

/** The step a submission's case takes on entering a state, by the action its workflow names there. */
export function submissionSteps(deps: Deps, library: ServiceLibrary) {
  const informCitizen = async (db: Db, input: Entered) => {
    const [submission, tenant] = await Promise.all([
      findSubmission(db, input.tenantId, input.case.source_id),
      findTenantById(db, input.tenantId),
    ]);
    if (!submission || !tenant) return;
    // The town writes to applicants in German (the language of the procedure, § 23 VwVfG).
    const t = formsText('de');
    const facts = { number: submission.number, title: input.case.title, state: input.label.de };
    const subject = t('steps.subject', facts);
    const body = [
      t('steps.changed', facts),
      input.fields.reason ? t('steps.reason', { reason: input.fields.reason }) : '',
      t('steps.questions', { unit: input.case.unit }),
    ]
      .filter(Boolean)
      .join('\n\n');
    if (submission.user_id) {
      await deliver(db, {
        tenantId: input.tenantId,
        userId: submission.user_id,
        kind: 'message',
        subject,
        body,
        case: { kind: 'submission', id: submission.id },
        senderLabel: tenant.name,
        notify: { baseUrl: deps.baseUrl, town: tenant.name, lang: 'de' },
      });
      return;
    }
    const email = submission.answers.email;
    if (typeof email === 'string' && email.includes('@')) await queueMail(db, { tenantId: input.tenantId, to: email, subject, text: body });
  };

  const notice = async (db: Db, input: Entered) => {
    const [submission, tenant, issued] = await Promise.all([
      findSubmission(db, input.tenantId, input.case.source_id),
      findTenantById(db, input.tenantId),
      noticesOfCase(db, input.tenantId, 'submission', input.case.source_id),
    ]);
    const definition = submission && library.entry(input.tenantId, submission.service)?.effective;
    if (!submission || !tenant || !definition || issued.length > 0 || submission.status !== 'received') return;
    await issueSubmissionNotice(
      { db, store: deps.store },
      { tenant, submission, definition, issuer: { id: null, name: input.actor }, baseUrl: deps.baseUrl },
    );
  };

  return async (db: Db, input: Entered) => {
    if (input.case.source_kind !== 'submission') return;
    if (input.action === 'informCitizen') await informCitizen(db, input);
    if (input.action === 'notice') await notice(db, input);
  };
}
