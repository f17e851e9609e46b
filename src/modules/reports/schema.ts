// What the Mängelmelder's routes accept. The report form itself is checked by service.ts (it answers with the
// fields that are wrong and keeps what was typed).
import { z } from 'zod';

const text = (max: number) =>
  z
    .string()
    .default('')
    .transform((value) => value.slice(0, max));

export const photoParams = z.object({ id: z.uuid(), position: z.coerce.number().int().min(0).max(20) });
/** The reporter's private key, from the confirmation link; `neu` marks the first view after submitting. */
export const reporterQuery = z.object({ schluessel: z.string().max(200).optional(), neu: z.string().optional() });
export const supportBody = z.object({ email: text(254) });
export const reopenBody = z.object({ schluessel: z.string().max(200).optional(), comment: text(4000) });
export const photoVisibilityBody = z.object({ public: z.string().optional() });
export const publicDescriptionBody = z.object({ action: z.string().optional(), publicDescription: z.string().default('') });
export const categoryBody = z.object({ category: text(100) });
export const categoryParams = z.object({ code: z.string().max(100) });
export const clientBody = z.object({ name: text(1000) });
/** The report form (urlencoded without photos): every field one text. */
export const reportBody = z.record(z.string(), z.unknown()).default({});
/** The public map's filter: a category, a state, a period; unknown values show everything. */
export const mapQuery = z.object({
  kategorie: z.string().optional(),
  status: z.string().optional(),
  zeitraum: z.string().optional(),
  /** The list goes on after this report (its number); anything else starts with the newest. */
  vor: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,60}$/)
    .optional()
    .catch(undefined),
});
/** Open311: the resource file (`services.xml`, `requests/{id}.json`) and its parameters, each one text (a
 * repeated parameter counts with its first value). Format errors are answered by the API in Open311's own shape. */
export const open311Path = z.object({ file: z.string().max(300) });
export const open311Params = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]).optional())
  .default({})
  .transform((fields) => Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, [value].flat()[0]])));
