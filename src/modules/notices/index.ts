// Notices (Bescheide): templates per service, PDFs with letterhead and a verification mark, delivery into the
// Postfach or by one-time pickup, the date of first access, and /verify for anyone to check a notice.
import { noticesPolicy } from './policy.js';
import { fileURLToPath } from 'node:url';
import type { Module } from '../../platform/module.js';
import { onFirstRead } from '../mailbox/index.js';
import { registerNoticePublicPages } from './public-pages.js';
import { recordFirstAccess } from './repo.js';
import { registerTemplatePages, type NoticeService } from './template-pages.js';

export { draftNotice, issueNotice, NoticeIncomplete, type NoticeDraft, type NoticeRequest } from './service.js';
export { feeValues, salutation } from './placeholders.js';
export { noticesOfCase, type NoticeRow } from './repo.js';
export type { NoticeService } from './template-pages.js';

let services: (tenantId: string) => NoticeService[] = () => [];

/** The services notices are written for (told by the forms module). */
export function announceNoticeServices(list: (tenantId: string) => NoticeService[]) {
  services = list;
}

export const notices: Module = {
  name: 'notices',
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [
    {
      href: '/bo/bescheide',
      label: { de: 'Bescheidvorlagen', en: 'Notice templates' },
      access: noticesPolicy.editTemplates,
    },
  ],
  register(app, deps) {
    // Opening a notice in the Postfach is its first access (the date the Zugangsfiktion needs).
    onFirstRead(async (db, item) => {
      if (item.kind === 'notice') await recordFirstAccess(db, { mailboxItemId: item.id });
    });
    registerNoticePublicPages(app, deps);
    registerTemplatePages(app, deps, (tenantId) => services(tenantId));
  },
};
