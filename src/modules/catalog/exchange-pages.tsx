// Import and export pages: download the catalog as XZuFi XML or JSON; upload a file and see every rejected element.
import type { FastifyInstance } from 'fastify';
import { readFormWithFile } from '../../platform/http/upload.js';
import { listUnits } from '../../platform/auth/users-repo.js';
import type { RequestContext } from '../../platform/http/context.js';
import { audit, type Deps } from '../../platform/http/deps.js';
import { setFlash } from '../../platform/http/request-context.js';
import { Alert, Button, Checkbox, FileField, SelectField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { authorOf } from './editor-pages.js';
import type { EntryKind } from './constants.js';
import type { ImportProblem, ProblemSubject } from './exchange-model.js';
import { editorialOffice, exportJson, exportXml, importEntries, parseExchangeFile, UnsafeXml, type ImportOutcome } from './exchange.js';
import { catalogPolicy } from './policy.js';
import { routes } from '../../platform/http/route.js';
import { isAllowed } from '../../platform/http/routes.js';
import { catalogText, isCatalogTextKey, type CatalogTranslate } from './texts.js';

const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

type Props = {
  ctx: RequestContext;
  t: CatalogTranslate;
  units: { id: string; name: string }[];
  message?: string;
  problems?: ImportProblem[];
  /** The report of an import that took over what it could. */
  done?: Extract<ImportOutcome, { ok: true }>;
  skip?: boolean;
};

const ENTRY_KINDS_LABEL = { service: 'kind.service', office: 'kind.office', contact: 'kind.contact' } as const;
type XzufiSubject = Exclude<ProblemSubject['kind'], EntryKind | 'file' | 'element'>;

function subjectText(t: CatalogTranslate, subject: ProblemSubject): string {
  if (subject.kind === 'file') return t('subject.file');
  if (subject.kind === 'element') return t('subject.element', { id: subject.id });
  const what =
    subject.kind in ENTRY_KINDS_LABEL ? t(ENTRY_KINDS_LABEL[subject.kind as EntryKind]) : t(`subject.${subject.kind as XzufiSubject}`);
  return subject.id ? t('subject.named', { what, id: subject.id }) : what;
}

/** A content field by its form label ("Kurztext"), with the position in a list ("Zuständigkeiten (Nr. 2)"). */
function fieldText(t: CatalogTranslate, path: string): string {
  const [name = '', position] = path.split('.');
  const key = `field.${name}`;
  const label = isCatalogTextKey(key) ? t(key) : name || path;
  return position && /^\d+$/.test(position) ? t('subject.position', { field: label, position: Number(position) + 1 }) : label;
}

/** A problem as the reader reads it: what it is about, then the reason, all in their language. */
export function problemText(t: CatalogTranslate, problem: ImportProblem): string {
  const detail = problem.field
    ? fieldText(t, problem.field)
    : problem.entry
      ? subjectText(t, { kind: problem.entry.kind, id: problem.entry.slug })
      : (problem.detail ?? '');
  return `${subjectText(t, problem.subject)}: ${t(`problem.${problem.reason}`, { detail })}`;
}

function ImportReport({ t, done }: { t: CatalogTranslate; done: Extract<ImportOutcome, { ok: true }> }) {
  return (
    <div class="alert alert-success" role="status">
      <p safe>{t('exchange.done', { created: done.created, updated: done.updated, unchanged: done.unchanged })}</p>
      {done.withdrawn > 0 && <p safe>{t('exchange.withdrawn', { count: done.withdrawn })}</p>}
      {done.otherAreas > 0 && <p safe>{t('exchange.otherAreas', { count: done.otherAreas })}</p>}
      {done.skipped.length > 0 && (
        <>
          <p safe>{t('exchange.skipped', { count: done.skipped.length })}</p>
          <ul>
            {done.skipped.map((problem) => (
              <li safe>{problemText(t, problem)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ExchangeView({ ctx, t, units, message, problems, done, skip }: Props) {
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
          {done && <ImportReport t={t} done={done} />}
          {problems && (
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="import-problems">
              <h3 id="import-problems" safe>
                {t('exchange.rejected')}
              </h3>
              <p safe>{t('exchange.problems')}</p>
              <ul>
                {problems.map((problem) => (
                  <li safe>{problemText(t, problem)}</li>
                ))}
              </ul>
            </div>
          )}
          <p safe>{t('exchange.importHint')}</p>
          <form method="post" action="/bo/katalog/import" enctype="multipart/form-data">
            <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
            <SelectField name="unitId" label={t('exchange.unit')} options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
            <FileField name="file" label={t('exchange.file')} accept=".xml,.json,application/xml,text/xml,application/json" />
            <Checkbox name="skip" label={t('exchange.skip')} checked={skip} />
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
      .send(await exportXml(db, request.ctx.tenant)),
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
    const skip = upload.fields.skip === 'on';
    let file: ReturnType<typeof parseExchangeFile>;
    try {
      file = parseExchangeFile(upload.file.toString('utf8'), editorialOffice(ctx.tenant));
    } catch (error) {
      if (!(error instanceof UnsafeXml) && !(error instanceof SyntaxError)) throw error;
      const message =
        error instanceof UnsafeXml && error.reason === 'doctype'
          ? t('exchange.doctype')
          : error instanceof UnsafeXml && error.reason === 'tooLarge'
            ? t('exchange.tooDeep')
            : t('exchange.notXml');
      return sendHtml(reply, await render(ctx, { message, skip }), 400);
    }
    const outcome = await importEntries(db, authorOf(ctx), file, unitId, { skipUnmappable: skip });
    if (!outcome.ok) return sendHtml(reply, await render(ctx, { problems: outcome.problems, skip }), 400);
    await audit(db, ctx, 'catalog.imported', {
      type: 'catalog',
      summary: {
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        withdrawn: outcome.withdrawn,
        skipped: outcome.skipped.length,
        otherAreas: outcome.otherAreas,
      },
    });
    if (outcome.skipped.length > 0 || outcome.otherAreas > 0 || outcome.withdrawn > 0)
      return sendHtml(reply, await render(ctx, { done: outcome }));
    setFlash(reply, t('exchange.done', { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged }));
    return reply.redirect('/bo/katalog/austausch', 303);
  });
}
