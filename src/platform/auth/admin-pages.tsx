// Routes of the staff and unit administration (tenant admins). Every change is audited.
import type { FastifyInstance } from 'fastify';
import { audit, type Deps } from '../http/deps.js';
import { Invalid, NotFound } from '../http/errors.js';
import { formFields } from '../http/forms.js';
import { setFlash } from '../http/request-context.js';
import { sendHtml } from '../ui/render.js';
import { adminAccess } from './access.js';
import { UnitsView, UserView, UsersView } from './admin-views.js';
import { addStaffMember, addUnit, assignToUnit } from './staff-admin.js';
import { sendPasswordResetMail } from './reset-mail.js';
import { findUserById, listStaff, listUnits, membershipsOf } from './users-repo.js';

export function registerAdminPages(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const config = { access: adminAccess };

  app.get('/admin/benutzer', { config }, async (request, reply) =>
    sendHtml(reply, UsersView({ ctx: request.ctx, users: await listStaff(db, request.ctx.tenant.id) })),
  );

  app.post('/admin/benutzer', { config }, async (request, reply) => {
    const { ctx } = request;
    const values = formFields(request);
    try {
      const user = await db.transaction().execute(async (trx) => {
        const created = await addStaffMember(trx, ctx.tenant.id, values, ctx.t);
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
      return sendHtml(reply, UsersView({ ctx, users: await listStaff(db, ctx.tenant.id), values, errors: error.fields }), 400);
    }
  });

  app.get('/admin/benutzer/:id', { config }, async (request, reply) => {
    const { ctx } = request;
    const user = await staffMember(deps, ctx.tenant.id, (request.params as { id: string }).id);
    return sendHtml(
      reply,
      UserView({ ctx, user, memberships: await membershipsOf(db, ctx.tenant.id, user.id), units: await listUnits(db, ctx.tenant.id) }),
    );
  });

  app.post('/admin/benutzer/:id/zuordnungen', { config }, async (request, reply) => {
    const { ctx } = request;
    const user = await staffMember(deps, ctx.tenant.id, (request.params as { id: string }).id);
    const values = formFields(request);
    try {
      await db.transaction().execute(async (trx) => {
        const { unit, role } = await assignToUnit(trx, ctx.tenant.id, user.id, values, ctx.t);
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
        UserView({ ctx, user, memberships, units: await listUnits(db, ctx.tenant.id), values, errors: error.fields }),
        400,
      );
    }
  });

  app.get('/admin/einheiten', { config }, async (request, reply) =>
    sendHtml(reply, UnitsView({ ctx: request.ctx, units: await listUnits(db, request.ctx.tenant.id) })),
  );

  app.post('/admin/einheiten', { config }, async (request, reply) => {
    const { ctx } = request;
    const values = formFields(request);
    try {
      await db.transaction().execute(async (trx) => {
        const unit = await addUnit(trx, ctx.tenant.id, values, ctx.t);
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
      return sendHtml(reply, UnitsView({ ctx, units: await listUnits(db, ctx.tenant.id), values, errors: error.fields }), 400);
    }
  });
}

async function staffMember(deps: Deps, tenantId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound('user');
  const user = await findUserById(deps.db, tenantId, id);
  if (user?.kind !== 'staff') throw new NotFound('user');
  return user;
}
