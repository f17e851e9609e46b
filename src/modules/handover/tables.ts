// Row types of the hand-over tables, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

export type HandoverTables = {
  handover_consumer: {
    id: Generated<string>;
    tenant_id: string;
    name: string;
    key_hash: string;
    services: string[];
    push_url: string | null;
    push_secret: string | null;
    drop_folder: ColumnType<string | null, string | null | undefined, string | null>;
    created_at: Generated<Date>;
  };
  handover_delivery: {
    id: Generated<string>;
    tenant_id: string;
    consumer_id: string;
    submission_id: string;
    service: string;
    package: ColumnType<Record<string, unknown>, string, string>;
    state: ColumnType<'new' | 'fetched' | 'acknowledged', 'new' | undefined, 'fetched' | 'acknowledged'>;
    push_state: 'pending' | 'delivered' | 'failing' | null;
    push_attempts: Generated<number>;
    push_next_at: Date | null;
    push_last_error: string | null;
    drop_state: ColumnType<
      'pending' | 'written' | 'failing' | 'collected' | null,
      'pending' | null | undefined,
      'written' | 'failing' | 'collected'
    >;
    drop_attempts: Generated<number>;
    drop_next_at: Date | null;
    drop_last_error: string | null;
    created_at: Generated<Date>;
    acknowledged_at: Date | null;
  };
};
