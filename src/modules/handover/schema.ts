// What the hand-over routes accept.
import { z } from 'zod';

const text = (max: number) =>
  z
    .string()
    .default('')
    .transform((value) => value.trim().slice(0, max));

/** An attachment of a delivered submission (a stored file's id). */
export const attachmentParams = z.object({ id: z.uuid(), attachment: z.uuid() });
/** A new consumer as typed; the form page checks each field and says what is wrong. */
export const consumerBody = z.object({ name: text(100), services: text(2000), pushUrl: text(500), dropFolder: text(100) });
