// Editors keep one notice template per online service (/bo/bescheide): text and legal remedy with placeholders,
// a preview with sample values, and unknown placeholders refused at the field before anything is saved.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routes } from '../../platform/http/route.js';
import { noticesPolicy } from './policy.js';
import { templateBody, templateParams } from './schema.js';
import type { RequestContext } from '../../platform/http/context.js';
import { actorId, actorLabel } from '../../platform/http/context.js';
import { audit, type Deps } from '../../platform/http/deps.js';
import { NotFound } from '../../platform/http/errors.js';
import { setFlash } from '../../platform/http/request-context.js';
import { Button, ErrorSummary, Form, Paragraphs, TextArea } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { feeValues, fillPlaceholders, PLACEHOLDERS, unknownPlaceholders, type NoticeValues } from './placeholders.js';
import { listTemplates, saveTemplate } from './repo.js';
import { templateFor } from './service.js';
import { noticesText } from './texts.js';

/** A service notices are written for: its answers' field names and its own template until the town writes one. */
export type NoticeService = { id: string; title: string; fields: string[]; defaultBody?: string };
const access = noticesPolicy.editTemplates;
const BASE = '/bo/bescheide';

const SAMPLE: NoticeValues = {
  anrede: 'Guten Tag Erika Mustermann,',
  name: 'Erika Mustermann',
  anschrift: 'Frankfurter Straße 97, 53773 Hennef (Sieg)',
  leistung: 'Beispielleistung',
  eingangsnummer: '2026-000123',
  antragsdatum: '20. November 2026',
  bescheiddatum: '23. November 2026',
  bescheidnummer: 'B-2026-000042',
  ...feeValues(1200),
  sachbearbeitung: 'Sven Sachbearbeiter',
  funktion: 'Sachbearbeitung',
  stelle: 'Fachdienst Einwohnermeldewesen',
  stadt: 'Stadt Hennef (Sieg)',
  laufnummer: '2026-0042',
  zahlungsfrist: '23. Dezember 2026',
  zahlungsweise:
    'Bitte überweisen Sie den Betrag bis zum 23. Dezember 2026 auf das Konto der Stadtkasse (…), Verwendungszweck B-2026-000042.',
  answers: {},
};

type EditProps = {
  ctx: RequestContext;
  service: NoticeService;
  body: string;
  legal: string;
  errors: Record<string, string>;
  preview?: boolean;
};

function EditView({ ctx, service, body, legal, errors, preview }: EditProps) {
  const t = noticesText(ctx.lang);
  const title = t('edit.title', { service: service.title });
  const values = { ...SAMPLE, leistung: service.title, answers: Object.fromEntries(service.fields.map((field) => [field, `‹${field}›`])) };
  return (
    <Page
      ctx={ctx}
      title={title}
      crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('templates.title'), href: BASE }, { label: service.title }]}
    >
      <ErrorSummary errors={Object.keys(errors).length ? errors : undefined} t={ctx.t} />
      <h1 safe>{title}</h1>
      <p class="hint" safe>
        {t('edit.placeholders', { list: PLACEHOLDERS.map((name) => `{{${name}}}`).join(', '), fields: service.fields.join(', ') })}
      </p>
      <Form action={`${BASE}/${service.id}`} csrf={ctx.csrfToken()}>
        <TextArea name="body" label={t('edit.body')} value={body} error={errors.body} rows={14} />
        <TextArea name="legal" label={t('edit.legal')} value={legal} error={errors.legal} rows={6} />
        <div class="actions">
          <Button label={t('edit.preview')} kind="secondary" name="action" value="preview" />
          <Button label={t('edit.save')} name="action" value="save" />
        </div>
      </Form>
      {preview && Object.keys(errors).length === 0 && (
        <section class="preview" aria-labelledby="preview">
          <h2 id="preview" safe>
            {t('edit.previewTitle')}
          </h2>
          <Paragraphs text={fillPlaceholders(body, values)} />
          <Paragraphs text={fillPlaceholders(legal, values)} />
        </section>
      )}
    </Page>
  );
}

export function registerTemplatePages(app: FastifyInstance, deps: Deps, services: (tenantId: string) => NoticeService[]) {
  const { db } = deps;
  const route = routes(app, db);
  const serviceOf = (request: FastifyRequest, id: string) => {
    const service = services(request.ctx.tenant.id).find((candidate) => candidate.id === id);
    if (!service) throw new NotFound('service');
    return service;
  };

  route.get(BASE, { access }, async ({ request, reply }) => {
    const { ctx } = request;
    const t = noticesText(ctx.lang);
    const custom = new Set((await listTemplates(db, ctx.tenant.id)).map((row) => row.service));
    return sendHtml(
      reply,
      <Page
        ctx={ctx}
        title={t('templates.title')}
        crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('templates.title') }]}
      >
        <h1 safe>{t('templates.title')}</h1>
        <p safe>{t('templates.intro')}</p>
        <ul>
          {services(ctx.tenant.id).map((service) => (
            <li>
              <a href={`${BASE}/${service.id}`} safe>
                {service.title}
              </a>{' '}
              <span safe>{`(${custom.has(service.id) ? t('templates.custom') : t('templates.default')})`}</span>
            </li>
          ))}
        </ul>
      </Page>,
    );
  });

  route.get(`${BASE}/:service`, { access, params: templateParams }, async ({ request, reply, params }) => {
    const service = serviceOf(request, params.service);
    const template = await templateFor(db, request.ctx.tenant.id, service.id, service.defaultBody);
    return sendHtml(reply, <EditView ctx={request.ctx} service={service} body={template.body} legal={template.legalRemedy} errors={{}} />);
  });

  route.post(
    `${BASE}/:service`,
    { access, params: templateParams, body: templateBody },
    async ({ request, reply, params, body: { body, legal, action } }) => {
      const { ctx } = request;
      const t = noticesText(ctx.lang);
      const service = serviceOf(request, params.service);
      const errors: Record<string, string> = {};
      for (const [name, text] of [
        ['body', body],
        ['legal', legal],
      ] as const) {
        const unknown = unknownPlaceholders(text, service.fields);
        if (!text) errors[name] = t('edit.empty');
        else if (unknown.length > 0) errors[name] = t('edit.unknown', { names: unknown.map((item) => `{{${item}}}`).join(', ') });
      }
      const preview = action === 'preview';
      if (preview || Object.keys(errors).length > 0)
        return sendHtml(
          reply,
          <EditView ctx={ctx} service={service} body={body} legal={legal} errors={errors} preview={preview} />,
          Object.keys(errors).length ? 400 : 200,
        );
      await db.transaction().execute(async (trx) => {
        await saveTemplate(trx, {
          tenant_id: ctx.tenant.id,
          service: service.id,
          body,
          legal_remedy: legal,
          updated_by: actorId(ctx.actor),
        });
        await audit(trx, ctx, 'notices.template_saved', {
          type: 'notice-template',
          id: service.id,
          summary: { by: actorLabel(ctx.actor) },
        });
      });
      setFlash(reply, t('edit.saved'));
      return reply.redirect(`${BASE}/${service.id}`, 303);
    },
  );
}
