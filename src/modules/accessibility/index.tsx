// Accessibility (Barrierefreiheit): the BITV 2.0 statement that editors maintain, and the feedback mechanism
// whose messages reach the responsible unit as cases.
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import '../cases/index.js';
import { findFeedback } from './feedback.js';
import { registerAccessibilityPages } from './pages.js';
import { accessibilityPolicy } from './policy.js';
import { accessibilityText } from './texts.js';

export const accessibility: Module = {
  name: 'accessibility',
  policy: accessibilityPolicy,
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [
    { href: '/bo/barrierefreiheit', label: { de: 'Barrierefreiheit', en: 'Accessibility' }, access: accessibilityPolicy.editStatement },
  ],
  register(app, deps) {
    registerAccessibilityPages(app, deps);
  },
  // The case page shows what was reported.
  caseSources: () => ({
    accessibility: async (db, ctx, id) => {
      const feedback = await findFeedback(db, ctx.tenant.id, id);
      if (!feedback) return '';
      const t = accessibilityText(ctx.lang);
      return (
        <dl class="facts">
          <dt safe>{t('case.page')}</dt>
          <dd safe>{feedback.page || '–'}</dd>
          <dt safe>{t('case.description')}</dt>
          <dd safe>{feedback.description}</dd>
          <dt safe>{t('case.email')}</dt>
          <dd safe>{feedback.email ?? t('case.noEmail')}</dd>
        </dl>
      ) as string;
    },
  }),
};
