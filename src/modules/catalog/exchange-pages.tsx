// Import and export pages: download the catalog as XZuFi XML or JSON; upload a file and see every rejected element.
import type { FastifyInstance } from 'fastify';
import { readFormWithFile } from '../../platform/http/upload.js';
import { listUnits } from '../../platform/auth/users-repo.js';
import type { RequestContext } from '../../platform/http/context.js';
import { audit, type Deps } from '../../platform/http/deps.js';
import { setFlash } from '../../platform/http/request-context.js';
import { Alert, Button, FileField, SelectField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { authorOf } from './editor-pages.js';
import type { ImportProblem } from './exchange-model.js';
import { exportJson, exportXml, importEntries, parseExchangeFile, UnsafeXml } from './exchange.js';
import { catalogPolicy } from './policy.js';
import { routes } from '../../platform/http/route.js';
import { isAllowed } from '../../platform/http/routes.js';
import { catalogText, type CatalogTranslate } from './texts.js';

const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

type Props = {
  ctx: RequestContext;
  t: CatalogTranslate;
  units: { id: string; name: string }[];
  message?: string;
  problems?: ImportProblem[];
};

function ExchangeView({ ctx, t, units, message, problems }: Props) {
  const canImport = isAllowed(catalogPolicy.importExchange, ctx);
  return (
    <Page
      ctx={ctx}
      title={t('exchange.title')}
      crumbs={[
        { label: ctx.t('site.backoffice'), href: '/bo' },
        { label: t('bo.title'), href: '/bo/katalog' },
        { label: t('exchange.title') },
      ]}
    >
      <h1 safe>{t('exchange.title')}</h1>
      <h2 safe>{t('exchange.export')}</h2>
      <ul>
        <li>
          <a href="/bo/katalog/export.xml" download="" safe>
            {t('exchange.exportXml')}
          </a>
        </li>
        <li>
          <a href="/bo/katalog/export.json" download="" safe>
            {t('exchange.exportJson')}
          </a>
        </li>
      </ul>
      {canImport && (
        <>
          <h2 safe>{t('exchange.import')}</h2>
          {message && !problems && <Alert kind="error" text={message} />}
          {problems && (
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="import-problems">
              <h3 id="import-problems" safe>
                {t('exchange.rejected')}
              </h3>
              <p safe>{t('exchange.problems')}</p>
              <ul>
                {problems.map((problem) => (
                  <li safe>{`${problem.element}: ${problem.reason}`}</li>
                ))}
              </ul>
            </div>
          )}
          <p safe>{t('exchange.importHint')}</p>
          <form method="post" action="/bo/katalog/import" enctype="multipart/form-data">
            <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
            <SelectField name="unitId" label={t('exchange.unit')} options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
            <FileField name="file" label={t('exchange.file')} accept=".xml,.json,application/xml,text/xml,application/json" />
            <Button label={t('exchange.submit')} />
          </form>
        </>
      )}
    </Page>
  );
}

export function registerExchangePages(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);
  const render = async (ctx: RequestContext, extra: Partial<Props> = {}) => (
    <ExchangeView ctx={ctx} t={catalogText(ctx.lang)} units={await listUnits(db, ctx.tenant.id)} {...extra} />
  );

  route.get('/bo/katalog/austausch', { access: catalogPolicy.work }, async ({ request, reply }) =>
    sendHtml(reply, await render(request.ctx)),
  );

  route.get('/bo/katalog/export.xml', { access: catalogPolicy.work }, async ({ request, reply }) =>
    reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', 'attachment; filename="katalog-xzufi.xml"')
      .send(await exportXml(db, request.ctx.tenant.id, request.ctx.tenant.name)),
  );

  route.get('/bo/katalog/export.json', { access: catalogPolicy.work }, async ({ request, reply }) =>
    reply.header('content-disposition', 'attachment; filename="katalog.json"').send(await exportJson(db, request.ctx.tenant.id)),
  );

  route.post('/bo/katalog/import', { access: catalogPolicy.importExchange, config: { multipart: true } }, async ({ request, reply }) => {
    const { ctx } = request;
    const t = catalogText(ctx.lang);
    const upload = await readFormWithFile(request, IMPORT_MAX_BYTES);
    const units = await listUnits(db, ctx.tenant.id);
    const unitId = units.find((unit) => unit.id === upload.fields.unitId)?.id ?? units[0]!.id;
    if (upload.tooLarge) return sendHtml(reply, await render(ctx, { message: t('exchange.tooLarge') }), 413);
    if (!upload.file) return sendHtml(reply, await render(ctx, { message: t('exchange.noFile') }), 400);
    let file: ReturnType<typeof parseExchangeFile>;
    try {
      file = parseExchangeFile(upload.file.toString('utf8'));
    } catch (error) {
      if (!(error instanceof UnsafeXml) && !(error instanceof SyntaxError)) throw error;
      const message =
        error instanceof UnsafeXml && error.reason === 'doctype'
          ? t('exchange.doctype')
          : error instanceof UnsafeXml && error.reason === 'tooLarge'
            ? t('exchange.tooDeep')
            : t('exchange.notXml');
      return sendHtml(reply, await render(ctx, { message, problems: [{ element: 'file', reason: message }] }), 400);
    }
    const outcome = await importEntries(db, authorOf(ctx), file, unitId);
    if (!outcome.ok) return sendHtml(reply, await render(ctx, { problems: outcome.problems }), 400);
    await audit(db, ctx, 'catalog.imported', {
      type: 'catalog',
      summary: { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged },
    });
    setFlash(reply, t('exchange.done', { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged }));
    return reply.redirect('/bo/katalog/austausch', 303);
  });
}
