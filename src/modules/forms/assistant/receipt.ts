// The Eingangsbestätigung as PDF: service, number, date, the answers as submitted and what happens next.
import type { Lang } from '../../../platform/i18n/index.js';
import { formatDateTime } from '../../../platform/i18n/index.js';
import { renderTextPdf } from '../../../platform/pdf/text-document.js';
import type { TenantSettings } from '../../../platform/db/tables.js';
import type { ServiceDefinition } from '../definition.js';
import type { Answers } from '../expressions.js';
import { answerRows } from '../present.js';
import { paidText, type Paid } from '../paid.js';
import { formsText } from '../texts.js';
import { visibleSteps } from '../validate.js';

export function receiptPdf(
  tenant: { name: string; settings: TenantSettings },
  definition: ServiceDefinition,
  submission: { number: string; submitted_at: Date; answers: Answers },
  lang: Lang,
  paid?: Paid,
): Promise<Uint8Array> {
  const t = formsText(lang);
  return renderTextPdf({
    title: `${t('receipt.pdfTitle')} ${submission.number}`,
    lang,
    letterhead: `${tenant.name}${tenant.settings.contact ? ` · ${tenant.settings.contact.address}` : ''}`,
    sections: [
      {
        lines: [
          `${t('receipt.service')}: ${definition.title[lang]}`,
          `${t('receipt.number')}: ${submission.number}`,
          `${t('receipt.date')}: ${formatDateTime(lang, submission.submitted_at)}`,
          ...(paid ? [`${t('receipt.paid')}: ${paidText(lang, paid)}`] : []),
        ],
      },
      ...answerRows(visibleSteps(definition, submission.answers), submission.answers, lang, t).map((section) => ({
        heading: section.title,
        lines: section.rows.map((row) => `${row.label}: ${row.text}`),
      })),
      { lines: [t('receipt.next')] },
    ],
    footer: t('receipt.pdfFooter'),
  });
}
