// Administrators connect specialist software (/bo/schnittstellen): a consumer per Fachverfahren with the services
// it takes and, optionally, a push endpoint. The API key (and push secret) are shown once, then only their hash
// is kept.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { routes } from '../../platform/http/route.js';
import { handoverPolicy } from './policy.js';
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
  const de = ctx.lang === 'de';
  const title = de ? 'Schnittstellen zu Fachverfahren' : 'Interfaces to specialist software';
  return (
    <Page ctx={ctx} title={title} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: title }]}>
      <ErrorSummary errors={errors && Object.keys(errors).length ? errors : undefined} t={ctx.t} />
      <h1 safe>{title}</h1>
      <p safe>
        {de
          ? 'Anträge werden als FIT-Connect-artiges Paket übergeben: abrufen über /api/handover/v1/submissions (Schlüssel im Header Authorization: Bearer …) oder als Push an eine Adresse. Beschreibung: /api/openapi.json.'
          : 'Applications are handed over as FIT-Connect-style packages: pulled at /api/handover/v1/submissions (key in the Authorization: Bearer … header) or pushed to an endpoint. Description: /api/openapi.json.'}
      </p>
      {created && (
        <Alert
          kind="success"
          text={
            de
              ? `Neuer Schlüssel (nur jetzt sichtbar): ${created.key}${created.secret ? ` · Push-Signaturgeheimnis: ${created.secret}` : ''}`
              : `New key (shown only now): ${created.key}${created.secret ? ` · push signing secret: ${created.secret}` : ''}`
          }
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
        <TextField
          name="name"
          label={de ? 'Name des Fachverfahrens' : 'Name of the specialist software'}
          value={values?.name ?? ''}
          error={errors?.name}
        />
        <TextField
          name="services"
          label={de ? 'Dienste (Kennungen, durch Komma getrennt)' : 'Services (identifiers, comma-separated)'}
          value={values?.services ?? ''}
          error={errors?.services}
        />
        <TextField
          name="pushUrl"
          label={de ? 'Push-Adresse (https, freiwillig)' : 'Push endpoint (https, optional)'}
          value={values?.pushUrl ?? ''}
          error={errors?.pushUrl}
        />
        <TextField
          name="dropFolder"
          label={
            de
              ? 'Ablageordner für Altverfahren (freiwillig, z. B. vois-wahlen)'
              : 'Drop folder for legacy systems (optional, e.g. vois-wahlen)'
          }
          hint={
            de
              ? `Pakete erscheinen als Verzeichnis unter ${deps.config.handoverDropDir}/<Ordner>; ist es abgeholt (gelöscht), gilt es als bestätigt.`
              : `Packages appear as a directory below ${deps.config.handoverDropDir}/<folder>; once collected (removed), it counts as acknowledged.`
          }
          value={values?.dropFolder ?? ''}
          error={errors?.dropFolder}
        />
        <Button label={de ? 'Anlegen' : 'Create'} />
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
    const de = ctx.lang === 'de';
    if (!values.name) errors.name = de ? 'Bitte geben Sie einen Namen an.' : 'Please give a name.';
    if (services.length === 0 || services.some((service) => !/^[a-z0-9-]{1,80}$/.test(service)))
      errors.services = de
        ? 'Bitte nennen Sie Dienste mit ihrer Kennung, z. B. hundeanmeldung.'
        : 'Please name services by identifier, e.g. hundeanmeldung.';
    if (values.pushUrl && !/^https?:\/\/[^\s]+$/.test(values.pushUrl))
      errors.pushUrl = de ? 'Bitte eine http(s)-Adresse.' : 'Please give an http(s) address.';
    if (values.dropFolder && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(values.dropFolder))
      errors.dropFolder = de
        ? 'Bitte nur Kleinbuchstaben, Ziffern und Bindestriche (ein Ordnername, kein Pfad).'
        : 'Please use lower-case letters, digits and hyphens only (a folder name, not a path).';
    if (Object.keys(errors).length > 0) return sendHtml(reply, await ConsumersView({ ctx, deps, errors, values }), 400);
    const created = await createConsumer(deps.db, {
      tenantId: ctx.tenant.id,
      name: values.name,
      services,
      pushUrl: values.pushUrl || undefined,
      dropFolder: values.dropFolder || undefined,
    });
    await audit(deps.db, ctx, 'handover.consumer_created', {
      type: 'handover-consumer',
      id: created.consumer.id,
      summary: { name: values.name, services },
    });
    return sendHtml(reply, await ConsumersView({ ctx, deps, created }));
  });
}
