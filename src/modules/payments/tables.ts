// Row types of the payments tables, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';
import type { PaymentStatus } from './states.js';

type Json<T> = ColumnType<T, string, string>;

export type PaymentsTables = {
  payment: {
    id: Generated<string>;
    tenant_id: string;
    reference: string;
    purpose_kind: string;
    purpose_id: string;
    service: string;
    /** The service's name as people know it ("Personenstandsurkunde bestellen"); older payments have none. */
    service_title: string | null;
    description: string;
    amount_cents: number;
    currency: Generated<string>;
    provider: string;
    method: string;
    status: ColumnType<PaymentStatus, PaymentStatus | undefined, PaymentStatus>;
    provider_ref: string | null;
    return_path: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  payment_event: {
    id: Generated<number>;
    payment_id: string;
    at: Generated<Date>;
    from_status: string | null;
    to_status: string;
    source: string;
    detail: Json<Record<string, unknown>>;
  };
  payment_booking: { payment_id: string; tenant_id: string; booked_at: Generated<Date>; amount_cents: number };
  payment_refund: {
    id: Generated<string>;
    payment_id: string;
    amount_cents: number;
    reason: string;
    actor_id: string | null;
    provider_status: string;
    at: Generated<Date>;
  };
  payment_unmatched: {
    id: Generated<string>;
    tenant_id: string | null;
    provider: string;
    reference: string;
    payload: Json<Record<string, unknown>>;
    received_at: Generated<Date>;
    resolved_at: Date | null;
  };
  payment_account: { tenant_id: string; service: string; cost_centre: string; account: string };
  payment_demo_transaction: {
    reference: string;
    amount_cents: number;
    method: string;
    status: string;
    notify_url: string;
    return_url: string;
    updated_at: Generated<Date>;
  };
};
