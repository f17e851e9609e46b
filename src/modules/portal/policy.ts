// The start page is for everyone.
import type { Access } from '../../platform/http/routes.js';

export const portalPolicy = { read: 'public' } as const satisfies Record<string, Access>;
