// Editors configure the Mängelmelder's categories (/bo/meldungen/kategorien): names, the responsible unit, the
// target time, on/off and the extra questions; and add sub-categories. New reports follow the change; reports
// already made keep their unit (a clerk re-categorises those).
import { inTransaction } from '../../platform/db/database.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routes } from '../../platform/http/route.js';
import { textForm } from '../../platform/http/forms.js';
import { reportsPolicy } from './policy.js';
import { categoryParams } from './schema.js';
import { listUnits } from '../../platform/auth/users-repo.js';
import type { RequestContext } from '../../platform/http/context.js';
import { audit, type Deps } from '../../platform/http/deps.js';
import { NotFound } from '../../platform/http/errors.js';
import { setFlash } from '../../platform/http/request-context.js';
import { Button, DataTable, ErrorSummary, Form, SelectField, TextArea, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { questionsFromText, questionsToText } from './category-questions.js';
import { seedReportCategories } from './categories.js';
import { allCategories, insertCategories, updateCategory, type CategoryRow } from './repo.js';
import { reportsText } from './texts.js';

const PAGE = '/bo/meldungen/kategorien';
type Values = Record<string, string>;

async function CategoryForm({
  ctx,
  deps,
  action,
  values,
  errors,
  isNew,
  mains,
}: {
  ctx: RequestContext;
  deps: Deps;
  action: string;
  values: Values;
  errors: Values;
  isNew: boolean;
  mains: CategoryRow[];
}) {
  const t = reportsText(ctx.lang);
  const units = await listUnits(deps.db, ctx.tenant.id);
  return (
    <Form action={action} csrf={ctx.csrfToken()}>
      {isNew && (
        <SelectField
          name="parent"
          label={t('cat.parent')}
          value={values.parent ?? ''}
          error={errors.parent}
          options={mains.map((main) => ({ value: main.code, label: main.name_de }))}
        />
      )}
      {isNew && <TextField name="code" label={t('cat.code')} hint={t('cat.codeHint')} value={values.code ?? ''} error={errors.code} />}
      <TextField name="name_de" label={t('cat.nameDe')} value={values.name_de ?? ''} error={errors.name_de} />
      <TextField name="name_en" label={t('cat.nameEn')} value={values.name_en ?? ''} error={errors.name_en} />
      <SelectField
        name="unit"
        label={t('cat.unit')}
        value={values.unit ?? ''}
        error={errors.unit}
        options={units
          .filter((unit) => unit.short_name)
          .map((unit) => ({ value: unit.short_name!, label: `${unit.short_name} – ${unit.name}` }))}
      />
      <TextField
        name="target_days"
        label={t('cat.days')}
        type="number"
        inputmode="numeric"
        value={values.target_days ?? '14'}
        error={errors.target_days}
        width="short"
      />
      <SelectField
        name="active"
        label={t('cat.active')}
        value={values.active ?? 'yes'}
        options={[
          { value: 'yes', label: t('cat.on') },
          { value: 'no', label: t('cat.off') },
        ]}
      />
      <TextArea
        name="questions"
        label={t('cat.questions')}
        hint={t('cat.questionsHint')}
        value={values.questions ?? ''}
        error={errors.questions}
        rows={5}
      />
      <Button label={t('cat.save')} />
    </Form>
  );
}

/** The posted values, checked; the messages name what to correct. */
async function readCategory(request: FastifyRequest, body: Values, deps: Deps, isNew: boolean, existing: CategoryRow[]) {
  const t = reportsText(request.ctx.lang);
  const values = Object.fromEntries(
    ['parent', 'code', 'name_de', 'name_en', 'unit', 'target_days', 'active', 'questions'].map((name) => [
      name,
      String(body[name] ?? '')
        .trim()
        .slice(0, name === 'questions' ? 4000 : 200),
    ]),
  );
  const errors: Values = {};
  if (!values.name_de) errors.name_de = t('cat.required');
  if (!values.name_en) errors.name_en = t('cat.required');
  const units = await listUnits(deps.db, request.ctx.tenant.id);
  if (!units.some((unit) => unit.short_name === values.unit)) errors.unit = t('cat.required');
  const days = Number(values.target_days);
  if (!Number.isInteger(days) || days < 1 || days > 365) errors.target_days = t('cat.daysInvalid');
  const parsed = questionsFromText(values.questions!);
  if ('badLine' in parsed) errors.questions = t('cat.questionsInvalid', { line: String(parsed.badLine) });
  if (isNew) {
    if (!existing.some((category) => category.code === values.parent && !category.parent_code)) errors.parent = t('cat.required');
    if (!/^[a-z0-9-]{2,60}$/.test(values.code!)) errors.code = t('cat.codeInvalid');
    else if (existing.some((category) => category.code === values.code)) errors.code = t('cat.codeTaken');
  }
  return { values, errors, days, questions: 'questions' in parsed ? parsed.questions : [] };
}

export function registerCategoryPages(app: FastifyInstance, deps: Deps) {
  const route = routes(app, deps.db);
  const access = reportsPolicy.editCategories;

  async function overview(ctx: RequestContext, values: Values = {}, errors: Values = {}) {
    const t = reportsText(ctx.lang);
    const categories = await allCategories(deps.db, ctx.tenant.id);
    return (
      <Page ctx={ctx} title={t('cat.title')} crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('cat.title') }]}>
        <ErrorSummary errors={Object.keys(errors).length ? errors : undefined} t={ctx.t} />
        <h1 safe>{t('cat.title')}</h1>
        <p safe>{t('cat.intro')}</p>
        <DataTable
          caption={t('cat.title')}
          head={[t('cat.nameDe'), t('cat.unit'), t('cat.days'), t('cat.active'), t('cat.questionsCount')]}
          empty={t('none')}
          rows={categories.map((category) => [
            `${category.parent_code ? '' : '▸ '}${category.name_de}`,
            category.unit,
            String(category.target_days),
            category.active ? t('cat.on') : t('cat.off'),
            String(category.questions.length),
          ])}
        />
        {categories.length === 0 && (
          <Form action={`${PAGE}/vorlage`} csrf={ctx.csrfToken()}>
            <p safe>{t('cat.empty')}</p>
            <Button label={t('cat.seed')} />
          </Form>
        )}
        <h2 safe>{t('cat.edit')}</h2>
        <ul class="link-list">
          {categories.map((category) => (
            <li>
              <a href={`${PAGE}/${category.code}`} safe>
                {category.name_de}
              </a>
            </li>
          ))}
        </ul>
        <h2 safe>{t('cat.new')}</h2>
        {
          await CategoryForm({
            ctx,
            deps,
            action: PAGE,
            values,
            errors,
            isNew: true,
            mains: categories.filter((category) => !category.parent_code),
          })
        }
      </Page>
    );
  }

  route.get(PAGE, { access }, async ({ request, reply }) => sendHtml(reply, await overview(request.ctx)));

  route.post(PAGE, { access, body: textForm }, async ({ request, reply, body }) => {
    const { ctx } = request;
    const existing = await allCategories(deps.db, ctx.tenant.id);
    const { values, errors, days, questions } = await readCategory(request, body, deps, true, existing);
    if (Object.keys(errors).length > 0) return sendHtml(reply, await overview(ctx, values, errors), 400);
    const parent = existing.find((category) => category.code === values.parent)!;
    const position =
      Math.max(
        ...existing
          .filter((category) => category.code === parent.code || category.parent_code === parent.code)
          .map((category) => category.position),
      ) + 1;
    await inTransaction(deps.db, async (trx) => {
      await insertCategories(trx, [
        {
          tenant_id: ctx.tenant.id,
          code: values.code!,
          parent_code: parent.code,
          name_de: values.name_de!,
          name_en: values.name_en!,
          unit: values.unit!,
          target_days: days,
          position,
          questions: JSON.stringify(questions),
        },
      ]);
      await audit(trx, ctx, 'reports.category_created', { type: 'report-category', id: values.code, summary: { unit: values.unit } });
    });
    setFlash(reply, reportsText(ctx.lang)('cat.saved'));
    return reply.redirect(PAGE, 303);
  });

  // A town that started before the Mängelmelder existed gets the standard stock of categories on request.
  route.post(`${PAGE}/vorlage`, { access, changes: true }, async ({ request, reply, db }) => {
    const { ctx } = request;
    if ((await allCategories(db, ctx.tenant.id)).length === 0) {
      await seedReportCategories(db, ctx.tenant.id);
      await audit(db, ctx, 'reports.categories_seeded', { type: 'report-category' });
    }
    return reply.redirect(PAGE, 303);
  });

  async function editPage(ctx: RequestContext, code: string, values?: Values, errors: Values = {}) {
    const t = reportsText(ctx.lang);
    const category = (await allCategories(deps.db, ctx.tenant.id)).find((candidate) => candidate.code === code);
    if (!category) throw new NotFound('category');
    const current = values ?? {
      name_de: category.name_de,
      name_en: category.name_en,
      unit: category.unit,
      target_days: String(category.target_days),
      active: category.active ? 'yes' : 'no',
      questions: questionsToText(category.questions),
    };
    return (
      <Page
        ctx={ctx}
        title={category.name_de}
        crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('cat.title'), href: PAGE }, { label: category.name_de }]}
      >
        <ErrorSummary errors={Object.keys(errors).length ? errors : undefined} t={ctx.t} />
        <h1 safe>{category.name_de}</h1>
        {await CategoryForm({ ctx, deps, action: `${PAGE}/${category.code}`, values: current, errors, isNew: false, mains: [] })}
      </Page>
    );
  }

  route.get(`${PAGE}/:code`, { access, params: categoryParams }, async ({ request, reply, params }) =>
    sendHtml(reply, await editPage(request.ctx, params.code)),
  );

  route.post(`${PAGE}/:code`, { access, params: categoryParams, body: textForm }, async ({ request, reply, params, body }) => {
    const { ctx } = request;
    const { code } = params;
    const existing = await allCategories(deps.db, ctx.tenant.id);
    if (!existing.some((category) => category.code === code)) throw new NotFound('category');
    const { values, errors, days, questions } = await readCategory(request, body, deps, false, existing);
    if (Object.keys(errors).length > 0) return sendHtml(reply, await editPage(ctx, code, values, errors), 400);
    await inTransaction(deps.db, async (trx) => {
      await updateCategory(trx, ctx.tenant.id, code, {
        name_de: values.name_de!,
        name_en: values.name_en!,
        unit: values.unit!,
        target_days: days,
        active: values.active !== 'no',
        questions: JSON.stringify(questions),
      });
      await audit(trx, ctx, 'reports.category_changed', {
        type: 'report-category',
        id: code,
        summary: { unit: values.unit, active: values.active },
      });
    });
    setFlash(reply, reportsText(ctx.lang)('cat.saved'));
    return reply.redirect(PAGE, 303);
  });
}
