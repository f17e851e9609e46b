// What happens to a report when its case changes state: the report takes the state and the public answer, a
// duplicate adds its reporter's support to the original, and the reporter and the supporters who left an e-mail
// address are told what the state means, with the answer.
import type { caseStateEntered } from '../cases/index.js';
import type { Db } from '../../platform/db/database.js';
import { queueMail } from '../../platform/mail/mailer.js';
import { reportsText } from './texts.js';
import { REPORT_STATUSES, type ReportStatus } from './tables.js';
import { addSupporter, findReport, findReportByNumber, supporterEmails, updateReportStatus } from './repo.js';

type Entered = NonNullable<(typeof caseStateEntered)['payload']>;

export function reportSteps(baseUrl: string) {
  return async (db: Db, input: Entered) => {
    if (input.case.source_kind !== 'report' || input.action !== 'informCitizen') return;
    // The town writes to reporters in German (the language its answers are given in).
    const t = reportsText('de');
    const report = await findReport(db, input.tenantId, input.case.source_id);
    if (!report || !(REPORT_STATUSES as readonly string[]).includes(input.state)) return;
    let answer = input.fields.answer;
    if (input.state === 'duplicate') {
      const original = await findReportByNumber(db, input.tenantId, (input.fields.original ?? '').trim());
      if (original && original.id !== report.id) await addSupporter(db, input.tenantId, original.id);
      answer = t('steps.duplicate', { original: original?.number ?? input.fields.original ?? '' });
    }
    await updateReportStatus(db, input.tenantId, report.id, input.state as ReportStatus, answer);
    const link = `${baseUrl}/maengelmelder/meldung/${report.id}`;
    const recipients = [
      ...new Set(
        [report.reporter_email, ...(await supporterEmails(db, input.tenantId, report.id))].filter((email): email is string =>
          Boolean(email),
        ),
      ),
    ];
    for (const to of recipients) {
      await queueMail(db, {
        tenantId: input.tenantId,
        to,
        subject: t('steps.mail.subject', { number: report.number, state: input.label.de }),
        text: [
          t('steps.mail.state', { number: report.number, state: input.label.de }),
          answer ? t('steps.mail.answer', { answer }) : '',
          t('steps.mail.link', { link }),
        ]
          .filter(Boolean)
          .join('\n\n'),
      });
    }
  };
}
