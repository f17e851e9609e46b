// The hand-over package, shaped like FIT-Connect's metadata schema 1.x: contentStructure with the data's hash and
// its submission schema, the attachments with their hashes, authenticationInformation, paymentInformation and
// the reply channel; plus the data itself (JSON, valid against the service's JSON schema).
import { createHash } from 'node:crypto';

export type PackageInput = {
  submissionId: string;
  number: string;
  service: string;
  leikaKey?: string;
  schemaUri: string;
  data: Record<string, unknown>;
  attachments: { id: string; name: string; type: string; bytes: Buffer }[];
  trustLevel: string | null;
  payment?: { reference: string; method: string; status: string; amountCents: number };
  replyChannel?: { eMail?: string };
  submittedAt: Date;
};

const sha512 = (bytes: Buffer | string) => createHash('sha512').update(bytes).digest('hex');

export function buildPackage(input: PackageInput) {
  const data = JSON.stringify(input.data);
  return {
    metadata: {
      $schema: 'https://schema.fitko.de/fit-connect/metadata/1.2.0/metadata.schema.json',
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
      publicServiceType: { name: input.service, ...(input.leikaKey ? { identifier: `urn:de:fim:leika:leistung:${input.leikaKey}` } : {}) },
      authenticationInformation: input.trustLevel ? [{ type: 'trustLevel', version: '1.0', content: input.trustLevel }] : [],
      ...(input.payment
        ? {
            paymentInformation: {
              transactionReference: input.payment.reference,
              transactionId: input.payment.reference,
              paymentMethod: input.payment.method,
              status: input.payment.status,
              grossAmount: input.payment.amountCents / 100,
            },
          }
        : {}),
      replyChannel: input.replyChannel?.eMail ? { eMail: { address: input.replyChannel.eMail } } : {},
      additionalReferenceInfo: { applicationDate: input.submittedAt.toISOString(), senderReference: input.number },
    },
    data: input.data,
  };
}
