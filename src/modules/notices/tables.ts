// Row types of the notices tables, as Kysely sees them.
import type { Generated } from 'kysely';

export type NoticesTables = {
  notice_template: {
    tenant_id: string;
    service: string;
    body: string;
    legal_remedy: string;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  notice: {
    id: Generated<string>;
    tenant_id: string;
    number: string;
    case_kind: string;
    case_id: string;
    service: string;
    subject: string;
    issued_at: Generated<Date>;
    issued_by: string | null;
    issued_by_name: string;
    file_id: string;
    sha256: string;
    verify_code: string;
    recipient_user_id: string | null;
    delivered_via: 'postfach' | 'email' | 'none';
    delivered_at: Date | null;
    mailbox_item_id: string | null;
    first_accessed_at: Date | null;
  };
  notice_running_number: { tenant_id: string; service: string; year: number; last: number };
  notice_pickup: {
    notice_id: string;
    token_hash: string;
    code_hash: string;
    attempts: Generated<number>;
    expires_at: Date;
    used_at: Date | null;
  };
};
