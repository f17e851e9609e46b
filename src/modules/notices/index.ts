// Notices (Bescheide): templates per service, PDFs with letterhead and a verification mark, delivery into the
// Postfach or by one-time pickup, the date of first access, and /verify for anyone to check a notice.
import { noticesPolicy } from './policy.js';
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import { mailboxFirstRead } from '../mailbox/index.js';
import { subscribe } from '../../platform/events.js';
import type { Deps } from '../../platform/http/deps.js';
import { registerNoticePublicPages } from './public-pages.js';
import { recordFirstAccess } from './repo.js';
import { registerTemplatePages, type NoticeService } from './template-pages.js';

export { draftNotice, issueNotice, NoticeIncomplete, type NoticeDraft, type NoticeRequest } from './service.js';
export { feeValues, salutation } from './placeholders.js';
export { noticesOfCase, type NoticeRow } from './repo.js';
export type { NoticeService } from './template-pages.js';

declare module '../../platform/module.js' {
  interface Module {
    /** The services this module issues notices for, with the fields a template may name. */
    noticeServices?(tenantId: string): NoticeService[];
  }
}

const noticeServices = (deps: Deps, tenantId: string) => deps.modules.flatMap((module) => module.noticeServices?.(tenantId) ?? []);

export const notices: Module = {
  name: 'notices',
  policy: noticesPolicy,
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [
    {
      href: '/bo/bescheide',
      label: { de: 'Bescheidvorlagen', en: 'Notice templates' },
      access: noticesPolicy.editTemplates,
    },
  ],
  register(app, deps) {
    registerNoticePublicPages(app, deps);
    registerTemplatePages(app, deps, (tenantId) => noticeServices(deps, tenantId));
  },
  subscribes: () => [
    // Opening a notice in the Postfach is its first access (the date the Zugangsfiktion needs).
    subscribe(mailboxFirstRead, 'records the first access to a notice', async (db, { item }) => {
      if (item.kind === 'notice') await recordFirstAccess(db, { mailboxItemId: item.id });
    }),
  ],
};
