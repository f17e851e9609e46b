// What the application assistant's routes accept: the service, draft, step and submission in the path, and the
// form bodies (answers are checked against the service's own definition by validate.ts, not here).
import { z } from 'zod';
import { PAYMENT_METHODS } from '../payments/index.js';

const serviceId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const stepId = z.string().regex(/^[a-z][a-z0-9-]*$/);

export const serviceParams = z.object({ service: serviceId });
export const draftParams = serviceParams.extend({ draft: z.uuid() });
export const stepParams = draftParams.extend({ step: stepId });
export const submissionParams = serviceParams.extend({ submission: z.uuid() });
/** A token of the wrong shape is an expired link (410, with the way to start again), not an unknown page. */
export const resumeParams = z.object({ token: z.string().max(200) });

/** A posted step: every field a text or a list of texts (checkboxes, repeated groups); the controls apart. */
export const answersBody = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]).optional())
  .default({})
  .transform((posted) => {
    const { _csrf, action, ...values } = posted;
    return { action: [action ?? 'next'].flat()[0] ?? 'next', values: values as Record<string, string | string[]> };
  });

export const declarationsBody = z.record(z.string(), z.unknown()).default({});
export const resumeBody = z.object({
  resumeEmail: z.string().trim().max(1000).default(''),
  step: z.string().optional(),
});
/** An unknown method falls back to the first (the form offers only known ones). */
export const payBody = z.object({ method: z.enum(PAYMENT_METHODS).catch(PAYMENT_METHODS[0]) }).default({ method: PAYMENT_METHODS[0] });

/** A file of a submission in the back office; `?ansicht=vorschau` shows it inside the case page. */
export const attachmentParams = z.object({ id: z.uuid(), file: z.uuid() });
export const attachmentQuery = z.object({ ansicht: z.string().optional() });

/** A clerk's message or request for documents to the applicant's Postfach. */
export const messageBody = z.object({
  kind: z.enum(['request', 'message']).catch('request'),
  subject: z
    .string()
    .default('')
    .transform((text) => text.trim().slice(0, 200)),
  body: z
    .string()
    .default('')
    .transform((text) => text.trim().slice(0, 8000)),
});
export const correspondenceFileParams = z.object({ id: z.uuid(), item: z.uuid(), index: z.coerce.number().int().min(0).max(50) });

/** A service of the library (its definition id). */
export const libraryServiceParams = z.object({ id: serviceId });
/** The adjustments form: every field one text (a repeated field counts with its first value). */
export const adjustBody = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]).optional())
  .default({})
  .transform((posted) => Object.fromEntries(Object.entries(posted).map(([key, value]) => [key, [value ?? ''].flat()[0] ?? ''])));
/** Two versions to compare; one that is not a number is an unknown version (the page says so). */
export const versionsQuery = z.object({
  von: z.coerce.number().int().catch(-1).optional(),
  bis: z.coerce.number().int().catch(-1).optional(),
});
/** `/api/schemas/{service}/v{version}.json` */
export const schemaParams = z.object({
  service: serviceId,
  version: z
    .string()
    .regex(/^v\d{1,4}\.json$/)
    .transform((file) => Number(file.slice(1, -5))),
});
