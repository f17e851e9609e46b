// Who may do what with the accessibility statement: everyone reads it and reports a barrier (which becomes a
// case of the responsible unit); editors and administrators keep the statement.
import type { Access } from '../../platform/http/routes.js';

export const accessibilityPolicy = {
  read: 'public',
  giveFeedback: 'public',
  editStatement: ['editor', 'tenant_admin', 'platform_admin'],
} as const satisfies Record<string, Access>;
