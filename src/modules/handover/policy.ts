// Who may do what with the hand-over to specialist software: the consumers fetch with their own key (checked by
// the API, and each sees only the submissions addressed to it); administrators register consumers.
import type { Access } from '../../platform/http/routes.js';

export const handoverPolicy = {
  fetch: 'apiKey',
  manageConsumers: ['tenant_admin', 'platform_admin'],
} as const satisfies Record<string, Access>;
