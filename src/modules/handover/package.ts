// The hand-over package, shaped like FIT-Connect's metadata schema 1.2.0: contentStructure with the data's hash and
// its submission schema, the attachments with their hashes, the applicant's identification report (from the
// citizen-account login), the public service by its LeiKa key, paymentInformation and the reply channel; plus the
// data itself (JSON, valid against the service's JSON schema). Optional parts are left out, never sent empty.
import { createHash, randomUUID } from 'node:crypto';
import { berlinDay } from '../../platform/i18n/index.js';

/** The applicant's login: which identity provider vouched for whom at which level, and when. */
export type Identification = { issuer: string; trustLevel: string; identifiedAt: Date };

export type PackageInput = {
  submissionId: string;
  number: string;
  service: string;
  serviceName: string;
  leikaKey?: string;
  schemaUri: string;
  data: Record<string, unknown>;
  attachments: { id: string; name: string; type: string; bytes: Buffer }[];
  identification?: Identification;
  payment?: { reference: string; method: string; amountCents: number };
  replyChannel?: { eMail?: string };
  submittedAt: Date;
};

export const METADATA_SCHEMA = 'https://schema.fitko.de/fit-connect/metadata/1.2.0/metadata.schema.json';
export const IDENTIFICATION_REPORT_VERSION = '2.0.0';

/** The eIDAS levels of assurance the trust levels of the citizen account stand for. */
const LEVEL_OF_ASSURANCE: Record<string, string> = {
  basic: 'http://eidas.europa.eu/LoA/low',
  substantial: 'http://eidas.europa.eu/LoA/substantial',
  high: 'http://eidas.europa.eu/LoA/high',
};

/** Our payment methods in FIT-Connect's vocabulary. */
const PAYMENT_METHOD: Record<string, string> = { giropay: 'GIROPAY', creditcard: 'CREDITCARD', paypal: 'PAYPAL' };

const sha512 = (bytes: Buffer | string) => createHash('sha512').update(bytes).digest('hex');

function identificationReport(identification: Identification, now: Date) {
  const report = {
    reportId: randomUUID(),
    serverIdentity: identification.issuer,
    reportTime: now.toISOString(),
    identificationTime: identification.identifiedAt.toISOString(),
    idStatus: 'success',
    levelOfAssurance: LEVEL_OF_ASSURANCE[identification.trustLevel] ?? LEVEL_OF_ASSURANCE.basic,
  };
  return { type: 'identificationReport', version: IDENTIFICATION_REPORT_VERSION, content: JSON.stringify(report) };
}

export function buildPackage(input: PackageInput, now = new Date()) {
  const data = JSON.stringify(input.data);
  const metadata = {
    $schema: METADATA_SCHEMA,
    contentStructure: {
      data: {
        hash: { type: 'sha512', content: sha512(data) },
        submissionSchema: { schemaUri: input.schemaUri, mimeType: 'application/json' },
      },
      attachments: input.attachments.map((attachment) => ({
        attachmentId: attachment.id,
        hash: { type: 'sha512', content: sha512(attachment.bytes) },
        filename: attachment.name,
        mimeType: attachment.type,
        purpose: 'attachment',
      })),
    },
    ...(input.leikaKey
      ? { publicServiceType: { name: input.serviceName, identifier: `urn:de:fim:leika:leistung:${input.leikaKey}` } }
      : {}),
    ...(input.identification ? { authenticationInformation: [identificationReport(input.identification, now)] } : {}),
    ...(input.payment
      ? {
          paymentInformation: {
            transactionReference: input.payment.reference,
            transactionId: input.payment.reference,
            paymentMethod: PAYMENT_METHOD[input.payment.method] ?? 'OTHER',
            status: 'BOOKED',
            grossAmount: input.payment.amountCents / 100,
          },
        }
      : {}),
    ...(input.replyChannel?.eMail ? { replyChannel: { eMail: { address: input.replyChannel.eMail } } } : {}),
    additionalReferenceInfo: { applicationDate: berlinDay(input.submittedAt), senderReference: input.number },
  };
  return { metadata, data: input.data };
}
