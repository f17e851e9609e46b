// Back office for the tenant's online services (/bo/online-dienste): overview, the tenant's adjustments (unit,
// fee, texts, on/off), the changes between published versions, and package export and import (Einer für Alle).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAllowed } from '../../../platform/http/routes.js';
import { listUnits } from '../../../platform/auth/users-repo.js';
import type { RequestContext } from '../../../platform/http/context.js';
import { audit, type Deps } from '../../../platform/http/deps.js';
import { NotFound } from '../../../platform/http/errors.js';
import { setFlash } from '../../../platform/http/request-context.js';
import { readFormWithFile } from '../../../platform/http/upload.js';
import { formatDateTime, formatMoney } from '../../../platform/i18n/index.js';
import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  FileField,
  Form,
  RadioGroup,
  SelectField,
  TableScroll,
  TextArea,
  TextField,
} from '../../../platform/ui/components.js';
import { Page } from '../../../platform/ui/layout.js';
import { sendHtml } from '../../../platform/ui/render.js';
import { serviceDefinition, type ServiceDefinition } from '../definition.js';
import { evaluate, ratesOf } from '../expressions.js';
import { overridesSchema, type LibraryEntry, type Overrides, type ServiceLibrary } from './library.js';
import { libraryText, type LibraryTranslate } from './texts.js';
import { exportPackage, importPackage, PACKAGE_MAX_BYTES, type ImportReport } from './package.js';
import { listDefinitionVersions, saveOverride } from '../repo.js';
import { formsPolicy } from '../policy.js';
import { adjustBody, libraryServiceParams, versionsQuery } from '../schema.js';
import { routes } from '../../../platform/http/route.js';
import { diffDefinitions } from './version-diff.js';

const readAccess = formsPolicy.readLibrary;
const manageAccess = formsPolicy.manageLibrary;
const BASE = '/bo/online-dienste';

const canManage = (ctx: RequestContext) => ctx.actor.kind === 'staff' && isAllowed(manageAccess, ctx);

function feeText(definition: ServiceDefinition, ctx: RequestContext, t: LibraryTranslate): string {
  if (definition.fee === undefined) return t('none');
  return typeof definition.fee === 'number' ? formatMoney(ctx.lang, evaluate(definition.fee, {}, ratesOf(definition))) : t('computed');
}

function crumbs(ctx: RequestContext, t: LibraryTranslate, last?: string) {
  return [
    { label: ctx.t('site.backoffice'), href: '/bo' },
    { label: t('title'), href: last ? BASE : undefined },
    ...(last ? [{ label: last }] : []),
  ];
}

function OverviewView({ ctx, entries, report }: { ctx: RequestContext; entries: LibraryEntry[]; report?: ImportReport }) {
  const t = libraryText(ctx.lang);
  const manage = canManage(ctx);
  return (
    <Page ctx={ctx} title={t('title')} crumbs={crumbs(ctx, t)}>
      <h1 safe>{t('title')}</h1>
      <p safe>{t('intro')}</p>
      {report && <ImportReportView t={t} report={report} />}
      <TableScroll label={t('title')}>
        <table>
          <caption safe>{t('title')}</caption>
          <thead>
            <tr>
              {[t('service'), t('version'), t('origin'), t('unit'), t('fee'), t('status'), t('actions')].map((head) => (
                <th scope="col" safe>
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr>
                <th scope="row" safe>
                  {entry.effective.title[ctx.lang]}
                </th>
                <td safe>{String(entry.base.version)}</td>
                <td safe>{entry.publisher ? t('package', { publisher: entry.publisher }) : t('installed')}</td>
                <td safe>{entry.effective.targetUnit}</td>
                <td safe>{feeText(entry.effective, ctx, t)}</td>
                <td safe>{entry.active ? t('active') : t('inactive')}</td>
                <td>
                  <a href={`${BASE}/${entry.base.id}/versionen`} safe>
                    {t('versions')}
                  </a>
                  {manage && (
                    <>
                      {' · '}
                      <a href={`${BASE}/${entry.base.id}/anpassen`} safe>
                        {t('adjust')}
                      </a>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {manage && (
        <>
          <h2 safe>{t('export.title')}</h2>
          <p safe>{t('export.hint')}</p>
          <p>
            <a href={`${BASE}/paket.json`} download="" safe>
              {t('export.link')}
            </a>
          </p>
          <h2 safe>{t('import.title')}</h2>
          <p safe>{t('import.hint')}</p>
          <Form action={`${BASE}/paket-import`} csrf={ctx.csrfToken()} multipart>
            <FileField name="package" label={t('import.file')} accept=".json,application/json" />
            <Button label={t('import.submit')} />
          </Form>
        </>
      )}
    </Page>
  );
}

function ImportReportView({ t, report }: { t: LibraryTranslate; report: ImportReport }) {
  const headline =
    report.problem === 'json'
      ? t('import.json')
      : report.problem === 'format'
        ? t('import.format', { detail: report.detail ?? '' })
        : report.ok
          ? t('import.done')
          : t('import.refused');
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: status and alert are live regions that may be named (ARIA 1.2)
    <div
      class={report.ok ? 'alert alert--success' : 'error-summary'}
      role={report.ok ? 'status' : 'alert'}
      tabindex="-1"
      aria-labelledby="import-report"
    >
      <h2 id="import-report" safe>
        {headline}
      </h2>
      {report.lines.length > 0 && (
        <ul aria-label={t('import.report')}>
          {report.lines.map((line) => (
            <li safe>{`${line.title ?? line.id}: ${t(`outcome.${line.outcome}`)}${line.reason ? ` – ${line.reason}` : ''}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

type AdjustValues = Record<string, string>;

function AdjustView({
  ctx,
  entry,
  units,
  values,
  errors,
}: {
  ctx: RequestContext;
  entry: LibraryEntry;
  units: string[];
  values: AdjustValues;
  errors: Record<string, string>;
}) {
  const t = libraryText(ctx.lang);
  const title = t('adjust.title', { service: entry.base.title[ctx.lang] });
  const infos = entry.base.steps.flatMap((step) => step.fields.filter((field) => field.type === 'info'));
  return (
    <Page ctx={ctx} title={title} crumbs={crumbs(ctx, t, entry.base.title[ctx.lang])}>
      <ErrorSummary errors={Object.keys(errors).length ? errors : undefined} t={ctx.t} />
      <h1 safe>{title}</h1>
      <p safe>{t('adjust.intro')}</p>
      <Form action={`${BASE}/${entry.base.id}/anpassen`} csrf={ctx.csrfToken()}>
        <Checkbox name="active" label={t('adjust.active')} checked={values.active === 'yes'} />
        <SelectField
          name="targetUnit"
          label={t('adjust.unit')}
          value={values.targetUnit}
          error={errors.targetUnit}
          options={units.map((unit) => ({ value: unit, label: unit }))}
        />
        <RadioGroup
          name="feeMode"
          legend={t('adjust.feeMode')}
          value={values.feeMode}
          options={[
            { value: 'defined', label: t('adjust.feeDefined', { fee: feeText(entry.base, ctx, t) }) },
            { value: 'none', label: t('adjust.feeNone') },
            { value: 'fixed', label: t('adjust.feeFixed') },
          ]}
        />
        <TextField
          name="feeAmount"
          label={t('adjust.feeAmount')}
          value={values.feeAmount}
          error={errors.feeAmount}
          inputmode="numeric"
          width="short"
        />
        {Object.entries(entry.base.rates ?? {}).map(([name, rate]) => (
          <TextField
            name={`rate.${name}`}
            label={rate.label[ctx.lang]}
            hint={t('adjust.rateDefined', { amount: formatMoney(ctx.lang, rate.amount) })}
            value={values[`rate.${name}`]}
            error={errors[`rate.${name}`]}
            inputmode="numeric"
            width="short"
          />
        ))}
        <TextField name="titleDe" label={t('adjust.titleDe')} value={values.titleDe} error={errors.titleDe} />
        <TextField name="titleEn" label={t('adjust.titleEn')} value={values.titleEn} />
        {infos.map((field) => (
          <>
            <TextArea
              name={`text.${field.name}.de`}
              label={t('adjust.textDe', { name: field.name })}
              value={values[`text.${field.name}.de`]}
              error={errors[`text.${field.name}.de`]}
              rows={3}
            />
            <TextArea
              name={`text.${field.name}.en`}
              label={t('adjust.textEn', { name: field.name })}
              value={values[`text.${field.name}.en`]}
              rows={3}
            />
          </>
        ))}
        <Button label={t('adjust.save')} />
      </Form>
    </Page>
  );
}

/** The form's values for the tenant's current adjustments. */
function valuesOf(entry: LibraryEntry): AdjustValues {
  const { overrides } = entry;
  const values: AdjustValues = {
    active: overrides.active ? 'yes' : '',
    targetUnit: entry.effective.targetUnit,
    feeMode: overrides.fee === undefined ? 'defined' : overrides.fee === null ? 'none' : 'fixed',
    feeAmount: typeof overrides.fee === 'number' ? String(overrides.fee).replace('.', ',') : '',
    titleDe: overrides.title?.de ?? '',
    titleEn: overrides.title?.en ?? '',
  };
  for (const [name, amount] of Object.entries(overrides.rates)) values[`rate.${name}`] = String(amount).replace('.', ',');
  for (const [name, text] of Object.entries(overrides.texts)) {
    values[`text.${name}.de`] = text.de;
    values[`text.${name}.en`] = text.en;
  }
  return values;
}

/** Reads the posted adjustments; unknown units, bad amounts and half-translated texts are refused at the field. */
function readAdjustments(
  entry: LibraryEntry,
  posted: AdjustValues,
  units: string[],
  t: LibraryTranslate,
): { overrides?: Overrides; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const value = (name: string) => String(posted[name] ?? '').trim();
  if (!units.includes(value('targetUnit'))) errors.targetUnit = t('adjust.unitUnknown');
  const euros = (name: string) => {
    const amount = Number(
      value(name)
        .replace(/\s|€/g, '')
        .replace(/\.(?=\d{3}\b)/g, '')
        .replace(',', '.'),
    );
    if (/\d/.test(value(name)) && Number.isFinite(amount) && amount >= 0 && amount <= 100_000) return Math.round(amount * 100) / 100;
    errors[name] = t('adjust.amountInvalid');
    return undefined;
  };
  let fee: number | null | undefined;
  if (value('feeMode') === 'none') fee = null;
  else if (value('feeMode') === 'fixed') fee = euros('feeAmount');
  const rates: Overrides['rates'] = {};
  for (const name of Object.keys(entry.base.rates ?? {})) {
    const amount = value(`rate.${name}`) ? euros(`rate.${name}`) : undefined;
    if (amount !== undefined) rates[name] = amount;
  }
  const pair = (de: string, en: string, errorKey: string) => {
    if (!de && !en) return undefined;
    if (!de || !en) errors[errorKey] = t('adjust.bothLanguages');
    return { de: de.slice(0, 300), en: en.slice(0, 300) };
  };
  const title = pair(value('titleDe'), value('titleEn'), 'titleDe');
  const texts: Overrides['texts'] = {};
  for (const field of entry.base.steps.flatMap((step) => step.fields.filter((candidate) => candidate.type === 'info'))) {
    const text = pair(value(`text.${field.name}.de`), value(`text.${field.name}.en`), `text.${field.name}.de`);
    if (text) texts[field.name] = { de: text.de.slice(0, 2000), en: text.en.slice(0, 2000) };
  }
  if (Object.keys(errors).length > 0) return { errors };
  const targetUnit = value('targetUnit') === entry.base.targetUnit ? undefined : value('targetUnit');
  return { overrides: overridesSchema.parse({ active: value('active') === 'yes', targetUnit, fee, rates, title, texts }), errors };
}

function VersionsView({
  ctx,
  entry,
  versions,
  from,
  to,
  changes,
  error,
}: {
  ctx: RequestContext;
  entry: LibraryEntry;
  versions: { version: number; published_at: Date }[];
  from?: number;
  to?: number;
  changes?: ReturnType<typeof diffDefinitions>;
  error?: string;
}) {
  const t = libraryText(ctx.lang);
  const title = t('versions.title', { service: entry.effective.title[ctx.lang] });
  const options = versions.map((row) => ({ value: String(row.version), label: String(row.version) }));
  return (
    <Page ctx={ctx} title={title} crumbs={crumbs(ctx, t, entry.effective.title[ctx.lang])}>
      <h1 safe>{title}</h1>
      <ul>
        {versions.map((row) => (
          <li safe>{`${t('version')} ${row.version}: ${t('versions.published', { date: formatDateTime(ctx.lang, row.published_at) })}`}</li>
        ))}
      </ul>
      {versions.length > 1 && (
        <Form action={`${BASE}/${entry.base.id}/versionen`} csrf="" method="get">
          <h2 safe>{t('versions.compare')}</h2>
          <SelectField
            name="von"
            label={t('versions.from')}
            value={String(from ?? versions[versions.length - 1]!.version)}
            options={options}
          />
          <SelectField name="bis" label={t('versions.to')} value={String(to ?? versions[0]!.version)} options={options} />
          <Button label={t('versions.show')} kind="secondary" />
        </Form>
      )}
      {error && <Alert kind="error" text={error} />}
      {changes && (
        <section aria-labelledby="changes">
          <h2 id="changes" safe>
            {t('versions.changes', { from: String(from), to: String(to) })}
          </h2>
          {changes.length === 0 ? (
            <p safe>{t('versions.none')}</p>
          ) : (
            <TableScroll label={t('versions.compare')}>
              <table>
                <caption safe>{t('versions.changes', { from: String(from), to: String(to) })}</caption>
                <thead>
                  <tr>
                    <th scope="col" safe>
                      {t('diff.what')}
                    </th>
                    <th scope="col" safe>
                      {t('diff.kind')}
                    </th>
                    <th scope="col" safe>
                      {t('diff.detail')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr>
                      <td safe>{`${t(`diff.area.${change.area}`)}: ${change.name}`}</td>
                      <td safe>{t(`diff.${change.kind}`)}</td>
                      <td safe>{change.detail ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      )}
    </Page>
  );
}

export function registerLibraryPages(app: FastifyInstance, deps: Deps, library: ServiceLibrary) {
  const { db } = deps;
  const route = routes(app, db);
  const entryOf = (request: FastifyRequest, id: string) => {
    const entry = library.entry(request.ctx.tenant.id, id);
    if (!entry) throw new NotFound('online service');
    return entry;
  };
  const unitNames = async (tenantId: string) => (await listUnits(db, tenantId)).map((unit) => unit.short_name ?? unit.name).sort();

  route.get(BASE, { access: readAccess }, async ({ request, reply }) =>
    sendHtml(reply, <OverviewView ctx={request.ctx} entries={library.entries(request.ctx.tenant.id)} />),
  );

  route.get(`${BASE}/paket.json`, { access: manageAccess }, async ({ request, reply }) => {
    const { ctx } = request;
    await audit(db, ctx, 'forms.package_exported', { type: 'service-package' });
    return reply
      .header('content-disposition', `attachment; filename="online-dienste-${ctx.tenant.slug}.json"`)
      .send(exportPackage(library.entries(ctx.tenant.id), ctx.tenant.name));
  });

  route.post(`${BASE}/paket-import`, { access: manageAccess, config: { multipart: true } }, async ({ request, reply }) => {
    const { ctx } = request;
    const t = libraryText(ctx.lang);
    const upload = await readFormWithFile(request, PACKAGE_MAX_BYTES);
    const refuse = (headline: string, status: number) =>
      sendHtml(
        reply,
        <OverviewView
          ctx={ctx}
          entries={library.entries(ctx.tenant.id)}
          report={{ ok: false, problem: 'format', detail: headline, lines: [] }}
        />,
        status,
      );
    if (upload.tooLarge) return refuse(t('import.tooLarge'), 413);
    if (!upload.file) return refuse(t('import.noFile'), 400);
    const report = await importPackage(db, library, ctx.tenant.id, upload.file.toString('utf8'), new Set(await unitNames(ctx.tenant.id)));
    if (report.ok)
      await audit(db, ctx, 'forms.package_imported', {
        type: 'service-package',
        summary: { services: report.lines.map((line) => `${line.id}:${line.outcome}`) },
      });
    return sendHtml(reply, <OverviewView ctx={ctx} entries={library.entries(ctx.tenant.id)} report={report} />, report.ok ? 200 : 400);
  });

  route.get(`${BASE}/:id/anpassen`, { access: manageAccess, params: libraryServiceParams }, async ({ request, reply, params }) => {
    const entry = entryOf(request, params.id);
    return sendHtml(
      reply,
      <AdjustView ctx={request.ctx} entry={entry} units={await unitNames(request.ctx.tenant.id)} values={valuesOf(entry)} errors={{}} />,
    );
  });

  route.post(
    `${BASE}/:id/anpassen`,
    { access: manageAccess, params: libraryServiceParams, body: adjustBody },
    async ({ request, reply, params, body: posted }) => {
      const { ctx } = request;
      const entry = entryOf(request, params.id);
      const t = libraryText(ctx.lang);
      const units = await unitNames(ctx.tenant.id);
      const { overrides, errors } = readAdjustments(entry, posted, units, t);
      if (!overrides) return sendHtml(reply, <AdjustView ctx={ctx} entry={entry} units={units} values={posted} errors={errors} />, 400);
      await db.transaction().execute(async (trx) => {
        await saveOverride(trx, ctx.tenant.id, entry.base.id, overrides);
        await audit(trx, ctx, 'forms.service_adjusted', {
          type: 'online-service',
          id: entry.base.id,
          summary: {
            active: overrides.active,
            targetUnit: overrides.targetUnit ?? null,
            fee: overrides.fee ?? null,
            rates: overrides.rates,
          },
        });
      });
      await library.changed(ctx.tenant.id);
      setFlash(reply, t('adjust.saved'));
      return reply.redirect(BASE, 303);
    },
  );

  route.get(
    `${BASE}/:id/versionen`,
    { access: readAccess, params: libraryServiceParams, query: versionsQuery },
    async ({ request, reply, params, query }) => {
      const { ctx } = request;
      const entry = entryOf(request, params.id);
      const versions = await listDefinitionVersions(db, entry.base.id);
      if (query.von === undefined || query.bis === undefined)
        return sendHtml(reply, <VersionsView ctx={ctx} entry={entry} versions={versions} />);
      const from = query.von;
      const to = query.bis;
      const before = versions.find((row) => row.version === from);
      const after = versions.find((row) => row.version === to);
      if (!before || !after)
        return sendHtml(
          reply,
          <VersionsView ctx={ctx} entry={entry} versions={versions} error={libraryText(ctx.lang)('versions.unknown')} />,
          404,
        );
      const changes = diffDefinitions(serviceDefinition.parse(before.definition), serviceDefinition.parse(after.definition), ctx.lang);
      return sendHtml(reply, <VersionsView ctx={ctx} entry={entry} versions={versions} from={from} to={to} changes={changes} />);
    },
  );
}
