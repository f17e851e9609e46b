// Mängelmelder: citizens report problems in public space (no account needed); each report becomes a case in the
// unit responsible for its category, and the reporter follows it through a private link.
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import { describeCaseSource } from '../cases/index.js';
import { findReport, listCategories } from './repo.js';
import { registerReportPages } from './pages.js';
import { reportsText } from './texts.js';

export { seedReportCategories } from './categories.js';

export const reports: Module = {
  name: 'reports',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [{ href: '/maengelmelder', label: { de: 'Mängelmelder', en: 'Report a problem' }, description: { de: 'Schlagloch, defekte Laterne, wilde Müllkippe: melden Sie Mängel im Stadtgebiet.', en: 'Potholes, broken lamps, fly-tipping: report problems in town.' } }],
  register(app, deps) {
    // The case page shows the report: category, place, description and how to reach the reporter.
    describeCaseSource('report', async (db, ctx, id) => {
      const report = await findReport(db, ctx.tenant.id, id);
      if (!report) return '';
      const t = reportsText(ctx.lang);
      const category = (await listCategories(db, ctx.tenant.id)).find((candidate) => candidate.code === report.category_code);
      return (
        <dl class="summary-list">
          <div class="summary-row"><dt safe>{t('facts.category')}</dt><dd safe>{category ? category[ctx.lang === 'de' ? 'name_de' : 'name_en'] : report.category_code}</dd></div>
          <div class="summary-row"><dt safe>{t('facts.place')}</dt><dd safe>{`${report.address ?? ''} (${report.lat.toFixed(5)}, ${report.lng.toFixed(5)})`}</dd></div>
          <div class="summary-row"><dt safe>{t('facts.description')}</dt><dd safe>{report.description}</dd></div>
          <div class="summary-row"><dt safe>{t('email')}</dt><dd safe>{[report.reporter_name, report.reporter_email].filter(Boolean).join(', ') || '–'}</dd></div>
        </dl>
      ) as string;
    });
    registerReportPages(app, deps);
  },
};
