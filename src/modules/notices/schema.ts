// What the notice routes accept. Codes and tokens of any shape are looked up and answered "unknown" or
// "no longer valid" on the page, so that a mistyped code gets a sentence, not an error page.
import { z } from 'zod';

const paragraphs = (max: number) =>
  z
    .string()
    .catch('')
    .default('')
    .transform((text) => text.replace(/\r\n/g, '\n').trim().slice(0, max));
const code = z.string().transform((value) => value.slice(0, 40));

export const verifyQuery = z.object({ code: code.catch('').default('') });
export const verifyParams = z.object({ code });
export const pickupParams = z.object({ token: z.string().max(200) });
export const pickupBody = z.object({
  code: z
    .string()
    .catch('')
    .default('')
    .transform((value) => value.replace(/\s/g, '').slice(0, 40)),
});
export const templateParams = z.object({ service: z.string().max(100) });
export const templateBody = z.object({ body: paragraphs(20_000), legal: paragraphs(5_000), action: z.string().optional() });
