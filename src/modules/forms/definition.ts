// The shape of an online-service definition: data, not code. Steps hold fields; conditions and computed values
// are small JSON expressions evaluated the same way for every request. Validated at start-up (see registry.ts).
import { z } from 'zod';
import { workflowSchema } from '../cases/index.js';

const text = z.object({ de: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof text>;

export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number)[] }
  | { field: string; greaterThan: number }
  | { field: string; filled: boolean }
  | { field: string; before: string }
  | { more: [Expression, Expression] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ field: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
    z.object({ field: z.string(), in: z.array(z.union([z.string(), z.number()])) }).strict(),
    z.object({ field: z.string(), greaterThan: z.number() }).strict(),
    z.object({ field: z.string(), filled: z.boolean() }).strict(),
    /** A date answer lies before another date answer (e.g. the end before the start). */
    z.object({ field: z.string(), before: z.string() }).strict(),
    /** The first value is greater than the second (e.g. the requested amount above the costs). */
    z.object({ more: z.tuple([expression, expression]) }).strict(),
    z.object({ all: z.array(condition) }).strict(),
    z.object({ any: z.array(condition) }).strict(),
    z.object({ not: condition }).strict(),
  ]),
);

/** Arithmetic over answers: numbers, the town's rates, fields, sums, products, counts of a repeated group, per-item
 * sums, choices. Inside `sumOver`, `{ field: 'position' }` is the item's place in the group (1 for the first dog). */
export type Expression =
  | number
  | { rate: string }
  | { field: string }
  | { sum: Expression[] }
  | { times: [Expression, Expression] }
  | { count: string }
  | { sumOver: string; of: Expression }
  | { if: Condition; then: Expression; else: Expression };

export const expression: z.ZodType<Expression> = z.lazy(() =>
  z.union([
    z.number(),
    z.object({ rate: z.string() }).strict(),
    z.object({ field: z.string() }).strict(),
    z.object({ sum: z.array(expression) }).strict(),
    z.object({ times: z.tuple([expression, expression]) }).strict(),
    z.object({ count: z.string() }).strict(),
    z.object({ sumOver: z.string(), of: expression }).strict(),
    z.object({ if: condition, then: expression, else: expression }).strict(),
  ]),
);

const name = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'field names are camelCase letters and digits');
const option = z.object({ value: z.string().min(1), label: text });
const relativeDays = z.object({ days: z.number().int() });

const common = {
  name,
  label: text,
  hint: text.optional(),
  required: z.union([z.boolean(), condition]).default(true),
  visibleIf: condition.optional(),
  /** Identity claim this answer is taken from (once-only); shown read-only with its source. */
  prefill: z
    .enum(['given_name', 'family_name', 'name', 'birthdate', 'email', 'street_address', 'postal_code', 'locality', 'organization'])
    .optional(),
};

const scalarField = z.discriminatedUnion('type', [
  z
    .object({
      ...common,
      type: z.literal('text'),
      maxLength: z.number().int().positive().max(2000).default(200),
      pattern: z.string().optional(),
    })
    .strict(),
  z.object({ ...common, type: z.literal('textarea'), maxLength: z.number().int().positive().max(10000).default(2000) }).strict(),
  z.object({ ...common, type: z.literal('email') }).strict(),
  z.object({ ...common, type: z.literal('phone') }).strict(),
  z.object({ ...common, type: z.literal('iban') }).strict(),
  z.object({ ...common, type: z.literal('number'), min: z.number().optional(), max: z.number().optional() }).strict(),
  z.object({ ...common, type: z.literal('money'), min: z.number().optional(), max: z.number().optional() }).strict(),
  z.object({ ...common, type: z.literal('date'), min: relativeDays.optional(), max: relativeDays.optional() }).strict(),
  z
    .object({
      ...common,
      type: z.literal('choice'),
      style: z.enum(['radio', 'select', 'checkboxes']).default('radio'),
      options: z.array(option).min(1),
    })
    .strict(),
  z.object({ ...common, type: z.literal('yesno') }).strict(),
  z.object({ ...common, type: z.literal('consent') }).strict(),
]);

/** Evidence upload: sniffed type, size limit, number of files. The answer lists the stored files. */
const fileField = z
  .object({
    type: z.literal('file'),
    name,
    label: text,
    hint: text.optional(),
    required: z.union([z.boolean(), condition]).default(true),
    visibleIf: condition.optional(),
    accept: z
      .array(z.enum(['application/pdf', 'image/jpeg', 'image/png']))
      .min(1)
      .default(['application/pdf', 'image/jpeg', 'image/png']),
    maxBytes: z
      .number()
      .int()
      .positive()
      .max(20 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    maxFiles: z.number().int().min(1).max(10).default(3),
  })
  .strict();

/** A place in town: an address, and coordinates when the citizen marks it on the map. */
const locationField = z
  .object({
    type: z.literal('location'),
    name,
    label: text,
    hint: text.optional(),
    required: z.union([z.boolean(), condition]).default(true),
    visibleIf: condition.optional(),
  })
  .strict();

/** A postal address; `local` ones must lie in town and are checked against the street directory. */
const addressField = z
  .object({
    type: z.literal('address'),
    name,
    label: text,
    hint: text.optional(),
    required: z.union([z.boolean(), condition]).default(true),
    visibleIf: condition.optional(),
    local: z.boolean().default(false),
    prefill: z.literal('street_address').optional(),
  })
  .strict();

const infoField = z.object({ type: z.literal('info'), name, text, visibleIf: condition.optional() }).strict();
const computedField = z
  .object({
    type: z.literal('computed'),
    name,
    label: text,
    expression,
    format: z.enum(['money', 'number']).default('number'),
    visibleIf: condition.optional(),
  })
  .strict();
const groupField = z
  .object({
    type: z.literal('group'),
    name,
    label: text,
    itemLabel: text,
    min: z.number().int().min(0).default(1),
    max: z.number().int().min(1).max(20).default(10),
    fields: z.array(scalarField).min(1),
    visibleIf: condition.optional(),
  })
  .strict();

export const field = z.union([scalarField, fileField, locationField, addressField, infoField, computedField, groupField]);
export type Field = z.infer<typeof field>;
export type ScalarField = z.infer<typeof scalarField>;
export type GroupField = z.infer<typeof groupField>;
export type FileField = z.infer<typeof fileField>;
export type LocationField = z.infer<typeof locationField>;
export type AddressField = z.infer<typeof addressField>;

const step = z
  .object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), title: text, fields: z.array(field).min(1), visibleIf: condition.optional() })
  .strict();
export type Step = z.infer<typeof step>;

export const TRUST_LEVELS = ['none', 'basic', 'substantial', 'high'] as const;
export type RequiredTrust = (typeof TRUST_LEVELS)[number];

export const serviceDefinition = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** Slug of the catalog entry this online service belongs to. */
    catalog: z.string(),
    version: z.number().int().positive(),
    title: text,
    trustLevel: z.enum(TRUST_LEVELS).default('none'),
    applicants: z.enum(['person', 'business', 'both']).default('both'),
    fee: expression.optional(),
    /** Amounts in euros that expressions name with `{ rate }` (tax rates, fees per item); each town sets its own in its
     * service settings, the amount here applies until it does. */
    rates: z
      .record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/), z.object({ label: text, amount: z.number().min(0).max(100_000) }).strict())
      .optional(),
    /** 'online': the fee is paid online before the application counts as received (no value: paid later, e.g. with the notice). */
    payment: z.literal('online').optional(),
    targetUnit: z.string(),
    /** Target processing time in days: the case's due date (14 when not given). */
    processingDays: z.number().int().positive().max(365).optional(),
    retentionDays: z.number().int().positive().max(3650),
    steps: z.array(step).min(1),
    /** Cross-field rules: when the condition holds, the answer is refused with the message at the field. */
    rules: z.array(z.object({ when: condition, field: name, message: text }).strict()).default([]),
    declarations: z.array(text).default([]),
    /** The service's notice template ({{placeholders}} as on /bo/bescheide), used until the town writes its own. */
    notice: z
      .object({ body: z.string().min(1).max(20_000) })
      .strict()
      .optional(),
    /** The case workflow in the back office (states, transitions, roles, public labels, automatic steps); default when absent. */
    workflow: workflowSchema.optional(),
  })
  .strict();

export type ServiceDefinition = z.infer<typeof serviceDefinition>;
export type ServiceDefinitionInput = z.input<typeof serviceDefinition>;
