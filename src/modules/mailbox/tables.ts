// Row types of the mailbox tables, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

export type Attachment = { file: string; name: string; size: number; type: string };
type Json<T> = ColumnType<T, string, string>;

export type MailboxTables = {
  mailbox_item: {
    id: Generated<string>;
    tenant_id: string;
    user_id: string;
    direction: 'to_citizen' | 'from_citizen';
    kind: 'receipt' | 'notice' | 'message' | 'request' | 'reply';
    subject: string;
    body: string;
    case_kind: string | null;
    case_id: string | null;
    sender_label: string;
    attachments: Json<Attachment[]>;
    reply_to: string | null;
    created_at: Generated<Date>;
    read_at: Date | null;
    deleted_at: Date | null;
  };
  mailbox_setting: { tenant_id: string; user_id: string; notify_by_email: boolean };
};
