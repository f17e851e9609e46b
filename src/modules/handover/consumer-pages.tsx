// Administrators connect specialist software (/bo/schnittstellen): a consumer per Fachverfahren with the services
// it takes and, optionally, a push endpoint. The API key (and push secret) are shown once, then only their hash
// is kept.
import { inTransaction } from '../../platform/db/database.js';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { routes } from '../../platform/http/route.js';
import { handoverPolicy } from './policy.js';
import { handoverText } from './texts.js';
import { consumerBody } from './schema.js';
import type { RequestContext } from '../../platform/http/context.js';
import { audit, type Deps } from '../../platform/http/deps.js';
import { Alert, Button, ErrorSummary, Form, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { listConsumers } from './repo.js';
import { createConsumer } from './service.js';

const BASE = '/bo/schnittstellen';

async function ConsumersView({
  ctx,
  deps,
  created,
  errors,
  values,
}: {
  ctx: RequestContext;
  deps: Deps;
  created?: { key: string; secret: string | null };
  errors?: Record<string, string>;
  values?: Record<string, string>;
}) {
  const consumers = await listConsumers(deps.db, ctx.tenant.id);
  const t = handoverText(ctx.lang);
  const title = t('title');
  return (
    <Page ctx={ctx} title={title} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: title }]}>
      <ErrorSummary errors={errors && Object.keys(errors).length ? errors : undefined} t={ctx.t} />
      <h1 safe>{title}</h1>
      <p safe>{t('intro')}</p>
      {created && (
        <Alert
          kind="success"
          text={`${t('created', { key: created.key })}${created.secret ? t('createdSecret', { secret: created.secret }) : ''}`}
        />
      )}
      <ul>
        {consumers.map((consumer) => (
          <li
            safe
          >{`${consumer.name}: ${consumer.services.join(', ')}${consumer.push_url ? ` → ${consumer.push_url}` : ''}${consumer.drop_folder ? ` → ${join(deps.config.handoverDropDir, consumer.drop_folder)}` : ''}`}</li>
        ))}
      </ul>
      <Form action={BASE} csrf={ctx.csrfToken()}>
        <TextField name="name" label={t('name')} value={values?.name ?? ''} error={errors?.name} />
        <TextField name="services" label={t('services')} value={values?.services ?? ''} error={errors?.services} />
        <TextField name="pushUrl" label={t('pushUrl')} value={values?.pushUrl ?? ''} error={errors?.pushUrl} />
        <TextField
          name="dropFolder"
          label={t('dropFolder')}
          hint={t('dropFolderHint', { dir: deps.config.handoverDropDir })}
          value={values?.dropFolder ?? ''}
          error={errors?.dropFolder}
        />
        <Button label={t('create')} />
      </Form>
    </Page>
  );
}

export function registerConsumerPages(app: FastifyInstance, deps: Deps) {
  const route = routes(app, deps.db);
  route.get(BASE, { access: handoverPolicy.manageConsumers }, async ({ request, reply }) =>
    sendHtml(reply, await ConsumersView({ ctx: request.ctx, deps })),
  );

  route.post(BASE, { access: handoverPolicy.manageConsumers, body: consumerBody }, async ({ request, reply, body: values }) => {
    const { ctx } = request;
    const services = values.services.split(/[\s,]+/).filter(Boolean);
    const errors: Record<string, string> = {};
    const t = handoverText(ctx.lang);
    if (!values.name) errors.name = t('error.name');
    if (services.length === 0 || services.some((service) => !/^[a-z0-9-]{1,80}$/.test(service))) errors.services = t('error.services');
    if (values.pushUrl && !/^https?:\/\/[^\s]+$/.test(values.pushUrl)) errors.pushUrl = t('error.pushUrl');
    if (values.dropFolder && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(values.dropFolder)) errors.dropFolder = t('error.dropFolder');
    if (Object.keys(errors).length > 0) return sendHtml(reply, await ConsumersView({ ctx, deps, errors, values }), 400);
    const created = await inTransaction(deps.db, async (trx) => {
      const consumer = await createConsumer(trx, {
        tenantId: ctx.tenant.id,
        name: values.name,
        services,
        pushUrl: values.pushUrl || undefined,
        dropFolder: values.dropFolder || undefined,
      });
      await audit(trx, ctx, 'handover.consumer_created', {
        type: 'handover-consumer',
        id: consumer.consumer.id,
        summary: { name: values.name, services },
      });
      return consumer;
    });
    return sendHtml(reply, await ConsumersView({ ctx, deps, created }));
  });
}
