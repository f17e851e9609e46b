// Row types of the accessibility tables, as Kysely sees them.
import type { Generated } from 'kysely';

export type AccessibilityTables = {
  accessibility_feedback: {
    id: Generated<string>;
    tenant_id: string;
    number: string;
    page: string;
    description: string;
    email: string | null;
    created_at: Generated<Date>;
  };
};
