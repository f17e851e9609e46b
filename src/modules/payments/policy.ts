// Who may do what with payments: anyone pays their own fee (the amount comes from the stored case, never from
// the browser) and the provider notifies us server to server (checked by its signature); processing staff read
// the payments; leads and administrators handle the money: bookings export, bank reconciliation, accounts, refunds.
import type { Access } from '../../platform/http/routes.js';

export const paymentsPolicy = {
  pay: 'public',
  read: ['clerk', 'unit_lead', 'cdo', 'tenant_admin', 'platform_admin'],
  handleMoney: ['unit_lead', 'tenant_admin', 'platform_admin'],
} as const satisfies Record<string, Access>;
