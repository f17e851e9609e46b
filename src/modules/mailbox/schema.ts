// What the Postfach's routes accept: the shape of params, query and form bodies.
import { z } from 'zod';

export const itemParams = z.object({ id: z.uuid() });
export const attachmentParams = z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(50) });
/** A search longer than 100 characters is cut, not refused: people paste whole sentences. */
export const listQuery = z.object({
  q: z
    .string()
    .trim()
    .default('')
    .transform((q) => q.slice(0, 100)),
});
export const settingsBody = z.object({ notify: z.enum(['yes']).optional() });
