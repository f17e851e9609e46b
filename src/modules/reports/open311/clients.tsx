// Administrators register Open311 clients (city apps, FixMyStreet, partner tools) at /bo/open311: each gets its
// own api_key, shown once and kept only as a hash, and can be revoked; POSTs are limited per key.
import { inTransaction } from '../../../platform/db/database.js';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { routes } from '../../../platform/http/route.js';
import { recordParams } from '../../../platform/validation/rules.js';
import { reportsPolicy } from '../policy.js';
import { clientBody } from '../schema.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { audit, type Deps } from '../../../platform/http/deps.js';
import { setFlash } from '../../../platform/http/request-context.js';
import { formatDateTime } from '../../../platform/i18n/index.js';
import { Alert, Button, ErrorSummary, Form, TextField } from '../../../platform/ui/components.js';
import { Page } from '../../../platform/ui/layout.js';
import { sendHtml } from '../../../platform/ui/render.js';
import { insertClient, listClients, revokeClient } from '../repo.js';
import { keyHash } from '../service.js';
import { reportsText } from '../texts.js';

const PAGE = '/bo/open311';

async function ClientsView({
  ctx,
  deps,
  key,
  error,
  name,
}: {
  ctx: RequestContext;
  deps: Deps;
  key?: string;
  error?: string;
  name?: string;
}) {
  const t = reportsText(ctx.lang);
  const clients = await listClients(deps.db, ctx.tenant.id);
  return (
    <Page ctx={ctx} title={t('clients.title')} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('clients.title') }]}>
      <ErrorSummary errors={error ? { name: error } : undefined} t={ctx.t} />
      <h1 safe>{t('clients.title')}</h1>
      <p safe>{t('clients.intro')}</p>
      {key && <Alert kind="success" text={t('clients.key', { key })} />}
      <ul>
        {clients.map((client) => (
          <li>
            <span
              safe
            >{`${client.name} · ${formatDateTime(ctx.lang, client.created_at)}${client.revoked_at ? ` · ${t('clients.revoked', { date: formatDateTime(ctx.lang, client.revoked_at) })}` : ''}`}</span>
            {!client.revoked_at && (
              <Form action={`${PAGE}/${client.id}/widerrufen`} csrf={ctx.csrfToken()}>
                <Button label={t('clients.revoke', { name: client.name })} kind="danger" />
              </Form>
            )}
          </li>
        ))}
      </ul>
      <Form action={PAGE} csrf={ctx.csrfToken()}>
        <TextField name="name" label={t('clients.name')} value={name ?? ''} error={error} />
        <Button label={t('clients.create')} />
      </Form>
    </Page>
  );
}

export function registerOpen311Clients(app: FastifyInstance, deps: Deps) {
  const route = routes(app, deps.db);
  const access = reportsPolicy.manageApiClients;
  route.get(PAGE, { access }, async ({ request, reply }) => sendHtml(reply, await ClientsView({ ctx: request.ctx, deps })));

  route.post(PAGE, { access, body: clientBody }, async ({ request, reply, body }) => {
    const { ctx } = request;
    const name = body.name.trim().slice(0, 100);
    if (!name) return sendHtml(reply, await ClientsView({ ctx, deps, error: reportsText(ctx.lang)('clients.nameMissing'), name }), 400);
    const key = `o311_${randomBytes(24).toString('base64url')}`;
    await inTransaction(deps.db, async (trx) => {
      const client = await insertClient(trx, { tenant_id: ctx.tenant.id, name, key_hash: keyHash(key) });
      await audit(trx, ctx, 'reports.open311_client_created', { type: 'open311-client', id: client.id, summary: { name } });
    });
    return sendHtml(reply, await ClientsView({ ctx, deps, key }));
  });

  route.post(`${PAGE}/:id/widerrufen`, { access, params: recordParams, changes: true }, async ({ request, reply, params: { id }, db }) => {
    const { ctx } = request;
    if (Number((await revokeClient(db, ctx.tenant.id, id)).numUpdatedRows) > 0) {
      await audit(db, ctx, 'reports.open311_client_revoked', { type: 'open311-client', id });
      setFlash(reply, reportsText(ctx.lang)('clients.revokedNow'));
    }
    return reply.redirect(PAGE, 303);
  });
}
