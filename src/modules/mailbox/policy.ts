// Who may do what in the Postfach: only citizens, and each only with their own items (findOwnItem filters by the
// account, so another person's item is "not found", never "forbidden").
import type { Access } from '../../platform/http/routes.js';

export const mailboxPolicy = {
  /** Read one's own list and items, answer them, delete them, set the e-mail notification. */
  ownMailbox: ['citizen'] as const satisfies Access,
};
