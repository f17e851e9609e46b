// The back office's start page and the staff member's profile.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../http/deps.js';
import { isAllowed } from '../http/routes.js';
import type { RequestContext } from '../http/context.js';
import { Button, Card, Form } from '../ui/components.js';
import { Page } from '../ui/layout.js';
import { sendHtml } from '../ui/render.js';
import { adminAccess, staffRolesAccess } from './access.js';
import { membershipsOf } from './users-repo.js';

type Tile = { href: string; key: 'admin.users' | 'admin.units' | 'admin.audit' | 'admin.mail'; admin: boolean };
const tiles: Tile[] = [
  { href: '/admin/benutzer', key: 'admin.users', admin: true },
  { href: '/admin/einheiten', key: 'admin.units', admin: true },
  { href: '/admin/protokoll', key: 'admin.audit', admin: true },
  { href: '/admin/mail', key: 'admin.mail', admin: true },
];

function BackOfficeHome({ ctx, demoMode }: { ctx: RequestContext; demoMode: boolean }) {
  const isAdmin = isAllowed(adminAccess, ctx);
  const visible = tiles.filter((tile) => (!tile.admin || isAdmin) && (tile.href !== '/admin/mail' || demoMode));
  return (
    <Page ctx={ctx} title={ctx.t('admin.title')} crumbs={[{ label: ctx.t('admin.title') }]}>
      <h1 safe>{ctx.t('admin.title')}</h1>
      <ul class="cards">
        <Card title={ctx.t('site.account')} href="/bo/profil" level={2} />
        {visible.map((tile) => <Card title={ctx.t(tile.key)} href={tile.href} level={2} />)}
      </ul>
    </Page>
  );
}

export function registerStaffHome(app: FastifyInstance, deps: Deps) {
  app.get('/bo', { config: { access: staffRolesAccess } }, async (request, reply) =>
    sendHtml(reply, BackOfficeHome({ ctx: request.ctx, demoMode: deps.config.demoMode })),
  );

  app.get('/bo/profil', { config: { access: staffRolesAccess } }, async (request, reply) => {
    const { ctx } = request;
    if (ctx.actor.kind !== 'staff') return reply.redirect('/bo/anmelden', 303);
    const memberships = await membershipsOf(deps.db, ctx.tenant.id, ctx.actor.userId);
    const t = ctx.t;
    return sendHtml(
      reply,
      <Page ctx={ctx} title={t('site.account')} crumbs={[{ label: t('admin.title'), href: '/bo' }, { label: t('site.account') }]}>
        <h1 safe>{ctx.actor.name}</h1>
        <h2 safe>{t('admin.memberships')}</h2>
        <ul>
          {memberships.map((m) => <li safe>{`${m.unit_name}: ${t(`role.${m.role}`)}`}</li>)}
          {ctx.actor.roles.has('platform_admin') && <li safe>{t('role.platform_admin')}</li>}
        </ul>
        <Form action="/abmelden/ueberall" csrf={ctx.csrfToken()}>
          <Button label={t('account.logoutEverywhere')} kind="secondary" />
        </Form>
      </Page>,
    );
  });
}
