// The citizen's Postfach: receipts, notices and messages per account, two-way with the clerk, with a
// content-free e-mail notification. Other modules deliver with `deliver` and read a case's correspondence
// with `correspondenceOf`; the events in events.ts tell them when a citizen first opened an item (Zugangsfiktion) or answered.
import { mailboxPolicy } from './policy.js';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../platform/db/database.js';
import type { Module } from '../../platform/module.js';
import { registerMailboxPages } from './pages.js';
import { itemsOfCase, unreadCount } from './repo.js';
import { mailboxText } from './texts.js';

export { deliver, type Delivery } from './service.js';
export { mailboxFirstRead, mailboxReplied } from './events.js';
export type { MailboxItem } from './repo.js';
export type { Attachment } from './tables.js';

export function correspondenceOf(db: Db, tenantId: string, kind: string, id: string) {
  return itemsOfCase(db, tenantId, kind, id);
}

export const mailbox: Module = {
  name: 'mailbox',
  policy: mailboxPolicy,
  migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)),
  nav: [{ href: '/postfach', label: { de: 'Postfach', en: 'Mailbox' }, access: mailboxPolicy.ownMailbox }],
  register(app, deps) {
    registerMailboxPages(app, deps);
  },
  async accountSection(deps, ctx) {
    const t = mailboxText(ctx.lang);
    const unread = await unreadCount(deps.db, ctx.tenant.id, ctx.actor.userId);
    return (
      <section>
        <h2 safe>{t('title')}</h2>
        <p>
          <a href="/postfach" safe>
            {t('accountLink')}
          </a>
          {unread > 0 && <span safe>{` (${t('accountUnread', { count: String(unread) })})`}</span>}
        </p>
      </section>
    ) as string;
  },
};
