// The back office's start page and the staff member's profile.
import { routes } from '../http/route.js';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../http/deps.js';
import { isAllowed } from '../http/routes.js';
import { isBackOfficeArea, mayUse, type RequestContext } from '../http/context.js';
import type { Module } from '../module.js';
import { Button, Card, Form } from '../ui/components.js';
import { Page } from '../ui/layout.js';
import { sendHtml } from '../ui/render.js';
import { accountPolicy } from './policy.js';
import { membershipsOf } from './users-repo.js';

type Tile = { href: string; key: 'admin.users' | 'admin.units' | 'admin.audit' | 'admin.mail' };
const adminTiles: Tile[] = [
  { href: '/admin/benutzer', key: 'admin.users' },
  { href: '/admin/einheiten', key: 'admin.units' },
  { href: '/admin/protokoll', key: 'admin.audit' },
  { href: '/admin/mail', key: 'admin.mail' },
];

/** The start page of the back office: the person's work from every module, then the areas their roles open. */
function BackOfficeHome({ ctx, sections, demoMode }: { ctx: RequestContext; sections: string[]; demoMode: boolean }) {
  const t = ctx.t;
  const areas = ctx.nav.filter((item) => isBackOfficeArea(item) && mayUse(item, ctx.actor));
  const admin = isAllowed(accountPolicy.administer, ctx) ? adminTiles.filter((tile) => tile.href !== '/admin/mail' || demoMode) : [];
  const name = ctx.actor.kind === 'staff' ? ctx.actor.name : '';
  return (
    <Page ctx={ctx} title={t('admin.title')} crumbs={[{ label: t('admin.title') }]}>
      <h1 safe>{t('bo.greeting', { name })}</h1>
      {sections}
      <h2 safe>{t('bo.areas')}</h2>
      <ul class="cards">
        {areas.map((item) => (
          <Card title={item.label[ctx.lang]} href={item.href} description={item.description?.[ctx.lang]} level={3} />
        ))}
        {admin.map((tile) => (
          <Card title={t(tile.key)} href={tile.href} level={3} />
        ))}
        <Card title={t('site.account')} href="/bo/profil" level={3} />
      </ul>
    </Page>
  );
}

export function registerStaffHome(app: FastifyInstance, deps: Deps, modules: Module[]) {
  const route = routes(app, deps.db);
  route.get('/bo', { access: accountPolicy.staff }, async ({ request, reply }) => {
    const { ctx } = request;
    if (ctx.actor.kind !== 'staff') return reply.redirect('/bo/anmelden', 303);
    const staff = { ...ctx, actor: ctx.actor };
    const enabled = modules.filter(
      (module) => module.workSection && (!ctx.tenant.settings.modules || ctx.tenant.settings.modules.includes(module.name)),
    );
    const sections = (await Promise.all(enabled.map((module) => module.workSection!(deps, staff)))).filter(Boolean);
    return sendHtml(reply, BackOfficeHome({ ctx, sections, demoMode: deps.config.demoMode }));
  });

  route.get('/bo/profil', { access: accountPolicy.staff }, async ({ request, reply }) => {
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
          {memberships.map((m) => (
            <li safe>{`${m.unit_name}: ${t(`role.${m.role}`)}`}</li>
          ))}
          {ctx.actor.roles.has('platform_admin') && <li safe>{t('role.platform_admin')}</li>}
        </ul>
        <Form action="/abmelden/ueberall" csrf={ctx.csrfToken()}>
          <Button label={t('account.logoutEverywhere')} kind="secondary" />
        </Form>
      </Page>,
    );
  });
}
