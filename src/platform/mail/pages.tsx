// Captured mail viewer for demo and development: only when no SMTP relay is configured.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accountPolicy } from '../auth/policy.js';
import type { Deps } from '../http/deps.js';
import { NotFound } from '../http/errors.js';
import { routes } from '../http/route.js';
import { formatDateTime } from '../i18n/index.js';
import { Alert, TableScroll } from '../ui/components.js';
import { Page } from '../ui/layout.js';
import { sendHtml } from '../ui/render.js';
import { findMail, listMail } from './mailer.js';

export function registerMailPages(app: FastifyInstance, deps: Deps) {
  const route = routes(app, deps.db);
  route.get('/admin/mail', { access: accountPolicy.administer }, async ({ request, reply }) => {
    if (!deps.config.demoMode) throw new NotFound('page');
    const { ctx } = request;
    const t = ctx.t;
    const mails = await listMail(deps.db, ctx.tenant.id);
    return sendHtml(
      reply,
      <Page ctx={ctx} title={t('admin.mail')} crumbs={[{ label: t('admin.title'), href: '/bo' }, { label: t('admin.mail') }]}>
        <h1 safe>{t('admin.mail')}</h1>
        <Alert kind="info" text={t('admin.mailDemoOnly')} />
        {mails.length === 0 ? (
          <p class="empty" safe>
            {t('admin.empty')}
          </p>
        ) : (
          <TableScroll label={t('admin.mail')}>
            <table>
              <caption safe>{t('admin.mail')}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('admin.when')}
                  </th>
                  <th scope="col" safe>
                    {t('admin.recipient')}
                  </th>
                  <th scope="col" safe>
                    {t('admin.subject')}
                  </th>
                  <th scope="col" safe>
                    {t('admin.status')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {mails.map((mail) => (
                  <tr>
                    <td safe>{formatDateTime(ctx.lang, mail.created_at)}</td>
                    <td safe>{mail.recipient}</td>
                    <td>
                      <a href={`/admin/mail/${mail.id}`} safe>
                        {mail.subject}
                      </a>
                    </td>
                    <td safe>{mail.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Page>,
    );
  });

  routes(app, deps.db).get(
    '/admin/mail/:id',
    { access: accountPolicy.administer, params: z.object({ id: z.uuid() }) },
    async ({ request, reply, params, db }) => {
      const { ctx } = request;
      const mail = deps.config.demoMode ? await findMail(db, ctx.tenant.id, params.id) : undefined;
      if (!mail) throw new NotFound('mail');
      return sendHtml(
        reply,
        <Page
          ctx={ctx}
          title={mail.subject}
          crumbs={[
            { label: ctx.t('admin.title'), href: '/bo' },
            { label: ctx.t('admin.mail'), href: '/admin/mail' },
            { label: mail.subject },
          ]}
        >
          <h1 safe>{mail.subject}</h1>
          <p safe>{`${ctx.t('admin.recipient')}: ${mail.recipient}`}</p>
          <pre class="mail" safe>
            {mail.body_text}
          </pre>
        </Page>,
      );
    },
  );
}
