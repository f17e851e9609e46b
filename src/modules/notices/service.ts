// Issuing a notice: fill the template, render the PDF with the tenant's letterhead and a verification mark
// (QR + short code), store it encrypted with its SHA-256, and deliver it: into the Postfach for account holders,
// or by an e-mailed one-time link plus a separately mailed code for applicants without an account.
import { noticesText } from './texts.js';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { inTransaction, type Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import type { Tenant } from '../../platform/http/context.js';
import { queueMail } from '../../platform/mail/mailer.js';
import { renderTextPdf } from '../../platform/pdf/text-document.js';
import { storeUpload, type BlobStore } from '../../platform/storage/storage.js';
import { deliver } from '../mailbox/index.js';
import { DEFAULT_BODY, DEFAULT_LEGAL_REMEDY, emptyPlaceholders, fillPlaceholders, type NoticeValues } from './placeholders.js';
import { findTemplate, insertNotice, insertPickup, linkMailboxItem, nextNoticeNumber, nextRunningNumber, type NoticeRow } from './repo.js';

/** Notices and their mails are written in German, the language of the procedure (§ 23 VwVfG). */
const letter = noticesText('de');

const PICKUP_DAYS = 14;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const sha256 = (bytes: Uint8Array | Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A short code people can type: 12 characters without look-alikes, in groups of four (about 59 bits). */
function verifyCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return chars.replace(/(.{4})(?=.)/g, '$1-');
}

export async function templateFor(db: Db, tenantId: string, service: string, defaultBody = DEFAULT_BODY) {
  const stored = await findTemplate(db, tenantId, service);
  return { body: stored?.body ?? defaultBody, legalRemedy: stored?.legal_remedy ?? DEFAULT_LEGAL_REMEDY, custom: Boolean(stored) };
}

/** The values the notice gets when it is issued: its number, date, running number, payment date and terms. */
type AssignedAtIssue = 'bescheiddatum' | 'bescheidnummer' | 'laufnummer' | 'zahlungsfrist' | 'zahlungsweise';

export type NoticeRequest = {
  tenant: Tenant;
  case: { kind: string; id: string };
  service: string;
  subject: string;
  /** The service's own template, used until the town writes one. */
  defaultBody?: string;
  values: Omit<NoticeValues, AssignedAtIssue>;
  /** The applicant's IBAN when they pay by direct debit; otherwise the notice names the town's account. */
  directDebitIban?: string;
  issuedBy: { id: string | null; name: string; function: string; unit: string };
  recipient: { userId: string } | { email: string } | undefined;
  baseUrl: string;
};

/** A notice whose template names data this case does not have: it is not issued until that is fixed. */
export class NoticeIncomplete extends Error {
  constructor(readonly missing: string[]) {
    super(`notice placeholders without a value: ${missing.join(', ')}`);
  }
}

export type NoticeDraft = { subject: string; address: string[]; body: string; legal: string; signature: string[]; missing: string[] };

const longDate = (date: Date) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date);
const PREVIEW_NUMBER = '(wird beim Erlass vergeben)';

/** The notice as it will read, for the clerk's preview (numbers not yet assigned) and for issuing. */
export async function draftNotice(
  db: Db,
  request: NoticeRequest,
  assigned?: { number: string; running: string; at: Date },
): Promise<NoticeDraft> {
  const template = await templateFor(db, request.tenant.id, request.service, request.defaultBody);
  const at = assigned?.at ?? new Date();
  const number = assigned?.number ?? PREVIEW_NUMBER;
  const due = longDate(new Date(at.getTime() + 30 * 86_400_000));
  const values: NoticeValues = {
    ...request.values,
    bescheiddatum: longDate(at),
    bescheidnummer: number,
    laufnummer: assigned?.running ?? PREVIEW_NUMBER,
    zahlungsfrist: due,
    zahlungsweise: paymentTerms(request, number, due),
  };
  const missing = [...new Set([...emptyPlaceholders(template.body, values), ...emptyPlaceholders(template.legalRemedy, values)])];
  return {
    subject: request.subject,
    address: [request.values.name, ...request.values.anschrift.split(', ')].filter(Boolean),
    body: fillPlaceholders(template.body, values),
    legal: fillPlaceholders(template.legalRemedy, values),
    signature: [
      letter('letter.closing'),
      letter('letter.onBehalf'),
      request.issuedBy.name,
      request.issuedBy.function,
      request.issuedBy.unit,
    ],
    missing,
  };
}

/** How to pay: by the direct debit the applicant gave, or by transfer to the town's account with the notice number. */
function paymentTerms(request: NoticeRequest, number: string, due: string): string {
  if (request.directDebitIban) return letter('letter.directDebit', { iban: maskedIban(request.directDebitIban) });
  const account = request.tenant.settings.cashAccount;
  if (!account) return '';
  return letter('letter.transfer', { due, bank: account.bank, iban: account.iban, bic: account.bic, number });
}

const maskedIban = (iban: string) => {
  const compact = iban.replace(/\s/g, '');
  return `${compact.slice(0, 4)} **** **** **** ${compact.slice(-4)}`;
};

export async function issueNotice(deps: { db: Db; store: BlobStore }, request: NoticeRequest): Promise<NoticeRow> {
  const { db } = deps;
  const preview = await draftNotice(db, request);
  if (preview.missing.length > 0) throw new NoticeIncomplete(preview.missing);
  const now = new Date();
  const number = await nextNoticeNumber(db, now.getFullYear());
  const running = await nextRunningNumber(db, request.tenant.id, request.service, now.getFullYear());
  const draft = await draftNotice(db, request, { number, running, at: now });
  const code = verifyCode();
  const pdf = await renderTextPdf({
    title: letter('letter.title', { number, subject: request.subject }),
    lang: 'de',
    letterhead: `${request.tenant.name}${request.tenant.settings.contact ? ` · ${request.tenant.settings.contact.address}` : ''}`,
    verification: {
      url: `${request.baseUrl}/verify/${code}`,
      code,
      label: letter('letter.verify', { address: `${request.baseUrl.replace(/^https?:\/\//, '')}/verify` }),
      alt: letter('letter.verifyAlt', { link: `${request.baseUrl}/verify/${code}` }),
    },
    sections: [
      {
        lines: [
          ...draft.address,
          '',
          letter('letter.reference', { number, date: longDate(now) }),
          letter('letter.submission', { number: request.values.eingangsnummer }),
        ],
      },
      { heading: request.subject, lines: draft.body.split('\n') },
      { lines: draft.legal.split('\n') },
      { lines: draft.signature },
    ],
    footer: letter('letter.footer', { link: `${request.baseUrl}/verify/${code}` }),
  });
  const bytes = Buffer.from(pdf);
  const file = await storeUpload(
    { db, store: deps.store, maxBytes: 20 * 1024 * 1024 },
    { tenantId: request.tenant.id, bytes, originalName: `bescheid-${number}.pdf`, allowed: ['application/pdf'] },
  );
  return inTransaction(db, async (trx) => {
    const notice = await insertNotice(trx, {
      tenant_id: request.tenant.id,
      number,
      case_kind: request.case.kind,
      case_id: request.case.id,
      service: request.service,
      subject: request.subject,
      issued_by: request.issuedBy.id,
      issued_by_name: request.issuedBy.name,
      file_id: file.id,
      sha256: sha256(bytes),
      verify_code: code,
      recipient_user_id: request.recipient && 'userId' in request.recipient ? request.recipient.userId : null,
      delivered_via: !request.recipient ? 'none' : 'userId' in request.recipient ? 'postfach' : 'email',
      delivered_at: request.recipient ? now : null,
      mailbox_item_id: null,
    });
    if (request.recipient && 'userId' in request.recipient) {
      const item = await deliver(trx, {
        tenantId: request.tenant.id,
        userId: request.recipient.userId,
        kind: 'notice',
        subject: letter('letter.title', { number, subject: request.subject }),
        body: letter('letter.mailboxBody', { number: request.values.eingangsnummer, link: `${request.baseUrl}/verify/${code}` }),
        case: request.case,
        senderLabel: `${request.tenant.name}, ${request.issuedBy.unit}`,
        attachments: [{ file: file.id, name: file.original_name, size: Number(file.size_bytes), type: file.media_type }],
        notify: { baseUrl: request.baseUrl, town: request.tenant.name, lang: 'de' },
      });
      await linkMailboxItem(trx, notice.id, item.id);
    } else if (request.recipient) {
      await mailPickup(trx, notice, request.recipient.email, request.tenant, request.baseUrl);
    }
    await recordAudit(trx, {
      tenantId: request.tenant.id,
      actorId: request.issuedBy.id,
      actorLabel: request.issuedBy.name,
      action: 'notices.issued',
      objectType: request.case.kind,
      objectId: request.case.id,
      summary: { number, via: notice.delivered_via },
    });
    return notice;
  });
}

/** Two e-mails: the link, and separately the code; together they open the notice once, for 14 days. */
async function mailPickup(db: Db, notice: NoticeRow, email: string, tenant: Tenant, baseUrl: string) {
  const token = randomBytes(24).toString('base64url');
  const code = String(randomInt(100000, 1000000));
  await insertPickup(db, {
    notice_id: notice.id,
    token_hash: sha256(token),
    code_hash: sha256(`${notice.id}:${code}`),
    expires_at: new Date(Date.now() + PICKUP_DAYS * 86_400_000),
  });
  await queueMail(db, {
    tenantId: tenant.id,
    to: email,
    subject: letter('pickup.mail.subject', { town: tenant.name }),
    text: letter('pickup.mail.body', { days: PICKUP_DAYS, link: `${baseUrl}/bescheid/abholen/${token}` }),
  });
  await queueMail(db, {
    tenantId: tenant.id,
    to: email,
    subject: letter('pickup.code.subject', { town: tenant.name }),
    text: letter('pickup.code.body', { code }),
  });
}
