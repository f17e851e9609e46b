// What the login, account and administration routes accept. Form bodies are plain text forms (`textForm`);
// each page checks its own fields and says what is wrong, keeping what was typed.
import { z } from 'zod';

/** Where to go after logging in: any text, made a local path by `localPath` before it is used. */
export const nextQuery = z.object({ next: z.string().optional() });
export const accountQuery = z.object({ next: z.string().optional(), fehler: z.string().optional() });
/** A reset token of any shape: an unknown one is answered "link expired" (410), not "no such page". */
export const resetParams = z.object({ token: z.string().max(200) });
export const interactionParams = z.object({ uid: z.string().max(200) });
