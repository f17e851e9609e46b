// Routes of the staff and unit administration (tenant admins). Every change is audited.
import type { FastifyInstance } from 'fastify';
import { audit, type Deps } from '../http/deps.js';
import { Invalid, NotFound } from '../http/errors.js';
import { textForm } from '../http/forms.js';
import { inWords } from '../http/errors.js';
import { routes } from '../http/route.js';
import { recordParams } from '../validation/rules.js';
import { setFlash } from '../http/request-context.js';
import { sendHtml } from '../ui/render.js';
import { accountPolicy } from './policy.js';
import { UnitsView, UserView, UsersView } from './admin-views.js';
import { addStaffMember, addUnit, assignToUnit } from './staff-admin.js';
import { sendPasswordResetMail } from './reset-mail.js';
import { findUserById, listStaff, listUnits, membershipsOf } from './users-repo.js';

export function registerAdminPages(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);
  const access = accountPolicy.administer;

  route.get('/admin/benutzer', { access }, async ({ request, reply }) =>
    sendHtml(reply, UsersView({ ctx: request.ctx, users: await listStaff(db, request.ctx.tenant.id) })),
  );

  route.post('/admin/benutzer', { access, body: textForm }, async ({ request, reply, body: values }) => {
    const { ctx } = request;
    try {
      const user = await db.transaction().execute(async (trx) => {
        const created = await addStaffMember(trx, ctx.tenant.id, values);
        await audit(trx, ctx, 'staff.created', {
          type: 'user',
          id: created.id,
          summary: { after: { display_name: created.display_name } },
        });
        await sendPasswordResetMail(trx, ctx.tenant, ctx.lang, deps.baseUrl, created.email!);
        return created;
      });
      setFlash(reply, ctx.t('admin.userCreated'));
      return reply.redirect(`/admin/benutzer/${user.id}`, 303);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      return sendHtml(
        reply,
        UsersView({ ctx, users: await listStaff(db, ctx.tenant.id), values, errors: inWords(error.fields, ctx.t) }),
        400,
      );
    }
  });

  route.get('/admin/benutzer/:id', { access, params: recordParams }, async ({ request, reply, params }) => {
    const { ctx } = request;
    const user = await staffMember(deps, ctx.tenant.id, params.id);
    return sendHtml(
      reply,
      UserView({ ctx, user, memberships: await membershipsOf(db, ctx.tenant.id, user.id), units: await listUnits(db, ctx.tenant.id) }),
    );
  });

  route.post(
    '/admin/benutzer/:id/zuordnungen',
    { access, params: recordParams, body: textForm },
    async ({ request, reply, params, body: values }) => {
      const { ctx } = request;
      const user = await staffMember(deps, ctx.tenant.id, params.id);
      try {
        await db.transaction().execute(async (trx) => {
          const { unit, role } = await assignToUnit(trx, ctx.tenant.id, user.id, values);
          await audit(trx, ctx, 'staff.membership_added', {
            type: 'user',
            id: user.id,
            summary: { user: user.display_name, unit: unit.name, role },
          });
        });
        setFlash(reply, ctx.t('admin.membershipAdded'));
        return reply.redirect(`/admin/benutzer/${user.id}`, 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const memberships = await membershipsOf(db, ctx.tenant.id, user.id);
        return sendHtml(
          reply,
          UserView({ ctx, user, memberships, units: await listUnits(db, ctx.tenant.id), values, errors: inWords(error.fields, ctx.t) }),
          400,
        );
      }
    },
  );

  route.get('/admin/einheiten', { access }, async ({ request, reply }) =>
    sendHtml(reply, UnitsView({ ctx: request.ctx, units: await listUnits(db, request.ctx.tenant.id) })),
  );

  route.post('/admin/einheiten', { access, body: textForm }, async ({ request, reply, body: values }) => {
    const { ctx } = request;
    try {
      await db.transaction().execute(async (trx) => {
        const unit = await addUnit(trx, ctx.tenant.id, values);
        await audit(trx, ctx, 'unit.created', {
          type: 'unit',
          id: unit.id,
          summary: { after: { name: unit.name, parent_id: unit.parent_id } },
        });
      });
      setFlash(reply, ctx.t('admin.unitAdded'));
      return reply.redirect('/admin/einheiten', 303);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      return sendHtml(
        reply,
        UnitsView({ ctx, units: await listUnits(db, ctx.tenant.id), values, errors: inWords(error.fields, ctx.t) }),
        400,
      );
    }
  });
}

async function staffMember(deps: Deps, tenantId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound('user');
  const user = await findUserById(deps.db, tenantId, id);
  if (user?.kind !== 'staff') throw new NotFound('user');
  return user;
}
