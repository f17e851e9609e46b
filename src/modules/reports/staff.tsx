// The report in the back office: the case page shows category, place, description and the reporter's contact,
// and a clerk can move the report to another category; the case then goes to the unit responsible for it.
import type { FastifyInstance } from 'fastify';
import { visibleUnits } from '../../platform/auth/unit-scope.js';
import { actorLabel } from '../../platform/http/context.js';
import type { Deps } from '../../platform/http/deps.js';
import { NotFound } from '../../platform/http/errors.js';
import { setFlash } from '../../platform/http/request-context.js';
import { Button, Form, SelectField } from '../../platform/ui/components.js';
import { caseAccess, describeCaseSource } from '../cases/index.js';
import { findReport, listCategories } from './repo.js';
import { recategorise } from './service.js';
import { reportsText } from './texts.js';

export function registerReportStaff(app: FastifyInstance, deps: Deps) {
  describeCaseSource('report', async (db, ctx, id) => {
    const report = await findReport(db, ctx.tenant.id, id);
    if (!report) return '';
    const t = reportsText(ctx.lang);
    const categories = await listCategories(db, ctx.tenant.id);
    const name = (code: string) => categories.find((candidate) => candidate.code === code)?.[ctx.lang === 'de' ? 'name_de' : 'name_en'] ?? code;
    return (
      <>
        <dl class="summary-list">
          <div class="summary-row"><dt safe>{t('facts.category')}</dt><dd safe>{name(report.category_code)}</dd></div>
          <div class="summary-row"><dt safe>{t('facts.place')}</dt><dd safe>{`${report.address ?? ''} (${report.lat.toFixed(5)}, ${report.lng.toFixed(5)})`}</dd></div>
          <div class="summary-row"><dt safe>{t('facts.description')}</dt><dd safe>{report.description}</dd></div>
          <div class="summary-row"><dt safe>{t('facts.reporter')}</dt><dd safe>{[report.reporter_name, report.reporter_email].filter(Boolean).join(', ') || '–'}</dd></div>
          <div class="summary-row"><dt safe>{t('facts.supporters')}</dt><dd safe>{String(report.supporters)}</dd></div>
        </dl>
        <Form action={`/bo/meldungen/${report.id}/kategorie`} csrf={ctx.csrfToken()}>
          <SelectField name="category" label={t('recategorise')} value={report.category_code} options={categories.filter((category) => category.parent_code).map((category) => ({ value: category.code, label: name(category.code) }))} />
          <Button label={t('recategorise.submit')} kind="secondary" />
        </Form>
      </>
    ) as string;
  });

  app.post('/bo/meldungen/:id/kategorie', { config: { access: caseAccess } }, async (request, reply) => {
    const { ctx } = request;
    const id = (request.params as { id: string }).id;
    const report = /^[0-9a-f-]{36}$/i.test(id) ? await findReport(deps.db, ctx.tenant.id, id) : undefined;
    const current = report && (await listCategories(deps.db, ctx.tenant.id)).find((category) => category.code === report.category_code);
    if (!report || !current || !(await visibleUnits(deps.db, ctx)).includes(current.unit)) throw new NotFound('report');
    const moved = await recategorise(deps.db, ctx.tenant.id, report, String((request.body as { category?: unknown } | undefined)?.category ?? ''), actorLabel(ctx.actor));
    setFlash(reply, reportsText(ctx.lang)(moved ? 'recategorised' : 'error.category'));
    return reply.redirect(moved && (await visibleUnits(deps.db, ctx)).includes(moved.unit) ? `/bo/vorgaenge/${moved.id}` : '/bo/vorgaenge', 303);
  });
}
