// The admin page to search the audit log of the tenant, with the state of the hash chain.
import type { FastifyInstance } from 'fastify';
import { accountPolicy } from '../auth/policy.js';
import type { Deps } from '../http/deps.js';
import { formatDateTime } from '../i18n/index.js';
import { Alert, Button, DataTable, Form, Pagination, TextField } from '../ui/components.js';
import { Page } from '../ui/layout.js';
import { sendHtml } from '../ui/render.js';
import { searchAudit, verifyAuditChain } from './audit-log.js';
import { routes } from '../http/route.js';
import { z } from 'zod';

/** A search text (cut at 100 characters) and a page number (the first when it is not one). */
const auditQuery = z.object({
  q: z
    .string()
    .catch('')
    .default('')
    .transform((q) => q.slice(0, 100)),
  seite: z.coerce.number().int().min(1).catch(1).default(1),
});

const PAGE_SIZE = 50;

export function registerAuditPages(app: FastifyInstance, deps: Deps) {
  routes(app, deps.db).get(
    '/admin/protokoll',
    { access: accountPolicy.administer, query: auditQuery },
    async ({ request, reply, query }) => {
      const { ctx } = request;
      const t = ctx.t;
      const { q: text, seite: page } = query;
      const rows = await searchAudit(deps.db, { tenantId: ctx.tenant.id, text: text || undefined, page, pageSize: PAGE_SIZE });
      const chain = await verifyAuditChain(deps.db);
      const href = (p: number) => `/admin/protokoll?q=${encodeURIComponent(text)}&seite=${p}`;
      return sendHtml(
        reply,
        <Page ctx={ctx} title={t('admin.audit')} crumbs={[{ label: t('admin.title'), href: '/bo' }, { label: t('admin.audit') }]}>
          <h1 safe>{t('admin.audit')}</h1>
          {chain.ok ? (
            <Alert kind="success" text={t('admin.chainOk')} />
          ) : (
            <Alert kind="error" text={t('admin.chainBroken', { seq: chain.brokenAt })} />
          )}
          <Form action="/admin/protokoll" method="get" csrf="">
            <TextField name="q" type="search" label={t('admin.search')} value={text} />
            <Button label={t('admin.search')} kind="secondary" />
          </Form>
          <DataTable
            caption={t('admin.audit')}
            head={[t('admin.when'), t('admin.actor'), t('admin.action'), t('admin.object'), t('admin.details')]}
            rows={rows
              .slice(0, PAGE_SIZE)
              .map((row) => [
                formatDateTime(ctx.lang, row.at),
                row.actor_kind === 'staff' && row.actor_name ? row.actor_name : row.actor_label,
                row.action,
                `${row.object_type}${row.object_id ? ` ${row.object_id}` : ''}`,
                JSON.stringify(row.summary),
              ])}
            empty={t('admin.empty')}
          />
          <Pagination page={page} hasNext={rows.length > PAGE_SIZE} href={href} t={t} />
        </Page>,
      );
    },
  );
}
