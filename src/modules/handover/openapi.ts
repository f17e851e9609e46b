// The OpenAPI description of the pull API: answers as zod schemas of what `api.ts` sends and `package.ts` builds,
// parameters from the schemas the routes parse with. The hand-over test validates live answers against it.
import { z } from 'zod';
import { parametersOf } from '../../platform/http/openapi.js';
import { recordParams } from '../../platform/validation/rules.js';
import { attachmentParams } from './schema.js';

const hash = z.object({ type: z.literal('sha512'), content: z.string().regex(/^[0-9a-f]{128}$/) });

const handoverList = z.object({
  submissions: z.array(
    z.object({
      submissionId: z.uuid(),
      service: z.string(),
      state: z.string(),
      receivedAt: z.iso.datetime({ offset: true }),
      href: z.string(),
    }),
  ),
});

/** The metadata as `buildPackage` writes it (FIT-Connect metadata schema 1.2.0); optional parts are left out. */
const metadata = z.object({
  $schema: z.string(),
  contentStructure: z.object({
    data: z.object({
      hash,
      submissionSchema: z.object({ schemaUri: z.url(), mimeType: z.literal('application/json') }),
    }),
    attachments: z.array(
      z.object({ attachmentId: z.uuid(), hash, filename: z.string(), mimeType: z.string(), purpose: z.literal('attachment') }),
    ),
  }),
  publicServiceType: z.object({ name: z.string(), identifier: z.string().regex(/^urn:de:fim:leika:leistung:\d{14}$/) }).optional(),
  authenticationInformation: z
    .array(z.object({ type: z.literal('identificationReport'), version: z.string(), content: z.string() }))
    .min(1)
    .optional(),
  paymentInformation: z
    .object({
      transactionReference: z.string(),
      transactionId: z.string(),
      paymentMethod: z.enum(['CREDITCARD', 'PAYPAL', 'GIROPAY', 'OTHER']),
      status: z.literal('BOOKED'),
      grossAmount: z.number(),
    })
    .optional(),
  replyChannel: z.object({ eMail: z.object({ address: z.string() }) }).optional(),
  additionalReferenceInfo: z.object({ applicationDate: z.iso.date(), senderReference: z.string() }),
});

const handoverPackage = z.object({ metadata, data: z.record(z.string(), z.unknown()) });
const acknowledged = z.object({ submissionId: z.uuid(), state: z.literal('acknowledged') });
const problem = z.object({ error: z.string() });

const schemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
const json = (name: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
const keyed = { security: [{ bearer: [] }] };
const unauthorized = { 401: { description: 'Missing or unknown key', ...json('HandoverProblem') } };
const unknown = { 404: { description: 'Unknown or not for this consumer', ...json('HandoverProblem') } };

export const handoverOpenApi = {
  paths: {
    '/api/handover/v1/submissions': {
      get: {
        summary: 'New submissions for this consumer',
        ...keyed,
        responses: { 200: { description: 'Submissions not yet acknowledged', ...json('HandoverList') }, ...unauthorized },
      },
    },
    '/api/handover/v1/submissions/{id}': {
      get: {
        summary: 'The FIT-Connect-style package (metadata and data)',
        ...keyed,
        parameters: parametersOf(recordParams, 'path'),
        responses: {
          200: { description: 'Package; the header idempotency-key identifies the delivery', ...json('HandoverPackage') },
          ...unauthorized,
          ...unknown,
        },
      },
    },
    '/api/handover/v1/submissions/{id}/attachments/{attachment}': {
      get: {
        summary: 'One attachment',
        ...keyed,
        parameters: parametersOf(attachmentParams, 'path'),
        responses: {
          200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          ...unauthorized,
          ...unknown,
        },
      },
    },
    '/api/handover/v1/submissions/{id}/ack': {
      post: {
        summary: 'Acknowledge receipt (idempotent)',
        ...keyed,
        parameters: parametersOf(recordParams, 'path'),
        responses: { 200: { description: 'Acknowledged', ...json('HandoverAcknowledged') }, ...unauthorized, ...unknown },
      },
    },
    '/api/schemas/{service}/v{version}.json': {
      get: {
        summary: 'JSON schema of a service’s submission data',
        responses: {
          200: {
            description: 'JSON schema (draft 2020-12)',
            content: {
              'application/schema+json': {
                schema: {
                  type: 'object',
                  required: ['$schema', '$id', 'type', 'properties'],
                  properties: {
                    $schema: { const: 'https://json-schema.org/draft/2020-12/schema' },
                    $id: { type: 'string', format: 'uri' },
                    type: { const: 'object' },
                    properties: { type: 'object' },
                  },
                },
              },
            },
          },
          404: { description: 'Unknown service or version' },
        },
      },
    },
  },
  schemas: {
    HandoverList: schemaOf(handoverList),
    HandoverPackage: schemaOf(handoverPackage),
    HandoverAcknowledged: schemaOf(acknowledged),
    HandoverProblem: schemaOf(problem),
  },
};
