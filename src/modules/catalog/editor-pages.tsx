// Editorial routes: list, create, edit, submit, approve or return, confirm reviewed, history.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { listStaff, listUnits } from '../../platform/auth/users-repo.js';
import { actorLabel, type RequestContext } from '../../platform/http/context.js';
import type { Deps } from '../../platform/http/deps.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { textForm } from '../../platform/http/forms.js';
import { routes } from '../../platform/http/route.js';
import { recordParams } from '../../platform/validation/rules.js';
import { entriesQuery, newEntryQuery } from './schema.js';
import { setFlash } from '../../platform/http/request-context.js';
import { sendHtml } from '../../platform/ui/render.js';
import { diffContent } from './diff.js';
import { contentFromForm, contentToForm } from './form-codec.js';
import { can, catalogPermissions, catalogPolicy, ensure } from './policy.js';
import {
  findEntry,
  findLatestRevision,
  findOpenRevision,
  listEntries,
  listEntryPage,
  listPublishedRevisions,
  type EntryRow,
} from './repo.js';
import { entrySettings, type EntrySettings } from './schema.js';
import {
  approveRevision,
  confirmReviewed,
  createEntry,
  entryOrThrow,
  rejectRevision,
  saveDraft,
  submitForReview,
  type Author,
} from './service.js';
import { catalogText } from './texts.js';
import { EditView, EntriesView, HistoryView } from './views/editor.js';

export function authorOf(ctx: RequestContext): Author {
  return {
    tenantId: ctx.tenant.id,
    userId: ctx.actor.kind === 'anonymous' ? null : ctx.actor.userId,
    label: actorLabel(ctx.actor),
    requestId: ctx.requestId,
  };
}

function settingsFrom(
  values: Record<string, string>,
  errors: Record<string, string>,
  t: ReturnType<typeof catalogText>,
  slugRequired: boolean,
): EntrySettings | undefined {
  const parsed = entrySettings.safeParse({
    slug: slugRequired ? values.slug : 'existing',
    unitId: values.unitId,
    ownerUserId: values.ownerUserId || undefined,
    reviewMonths: values.reviewMonths || 12,
  });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    errors[String(issue.path[0])] ??= issue.code === 'too_small' ? t('invalid.required') : t('invalid.format');
  return undefined;
}

export function registerEditorPages(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);
  const access = catalogPolicy.work;

  async function editContext(request: FastifyRequest) {
    const { ctx } = request;
    const [permissions, units, staff] = await Promise.all([
      catalogPermissions(db, ctx.tenant.id, ctx.actor),
      listUnits(db, ctx.tenant.id),
      listStaff(db, ctx.tenant.id),
    ]);
    return { permissions, units, staff };
  }

  async function renderEdit(
    request: FastifyRequest,
    entry: EntryRow,
    overrides: { values?: Record<string, string>; errors?: Record<string, string> } = {},
    status = 200,
  ) {
    const { ctx } = request;
    const { permissions, units, staff } = await editContext(request);
    const open = (await findOpenRevision(db, ctx.tenant.id, entry.id)) ?? (await findLatestRevision(db, ctx.tenant.id, entry.id));
    const content = open?.content ?? entry.published!;
    const values = overrides.values ?? {
      ...contentToForm(entry.kind, content),
      unitId: entry.unit_id ?? '',
      ownerUserId: entry.owner_user_id ?? '',
      reviewMonths: String(entry.review_months),
    };
    return {
      status,
      view: (
        <EditView
          ctx={ctx}
          t={catalogText(ctx.lang)}
          kind={entry.kind}
          entry={entry}
          status={open?.status}
          comment={open?.comment}
          values={values}
          errors={overrides.errors}
          canEdit={can(permissions, 'edit', entry)}
          canReview={can(permissions, 'review', entry)}
          units={units}
          staff={staff}
        />
      ),
    };
  }

  const listHref = (kind?: string, status?: string, after?: string) =>
    `/bo/katalog?${new URLSearchParams({ ...(kind ? { art: kind } : {}), ...(status ? { status } : {}), ...(after ? { nach: after } : {}) })}`;

  route.get('/bo/katalog', { access, query: entriesQuery }, async ({ request, reply, query }) => {
    const { ctx } = request;
    const kind = query.art;
    const status = query.status === 'review' ? 'review' : undefined;
    const after = query.nach ? await findEntry(db, ctx.tenant.id, query.nach) : undefined;
    const [page, waiting, units, permissions] = await Promise.all([
      listEntryPage(db, ctx.tenant.id, { kind, status }, after),
      listEntries(db, ctx.tenant.id, { status: 'review' }),
      listUnits(db, ctx.tenant.id),
      catalogPermissions(db, ctx.tenant.id, ctx.actor),
    ]);
    const decidable = waiting.filter((entry) => can(permissions, 'review', entry)).length;
    return sendHtml(
      reply,
      <EntriesView
        ctx={ctx}
        t={catalogText(ctx.lang)}
        entries={page.entries}
        kind={kind}
        paging={{
          first: after ? listHref(kind, status) : undefined,
          next: page.more ? listHref(kind, status, page.entries.at(-1)!.id) : undefined,
        }}
        waiting={decidable}
        canCreate={permissions.editUnits.size > 0}
        units={new Map(units.map((unit) => [unit.id, unit.name]))}
      />,
    );
  });

  route.get('/bo/katalog/neu', { access, query: newEntryQuery }, async ({ request, reply, query }) => {
    const { ctx } = request;
    const kind = query.art;
    const { permissions, units, staff } = await editContext(request);
    const editable = units.filter((unit) => permissions.editUnits.has(unit.id));
    return sendHtml(
      reply,
      <EditView
        ctx={ctx}
        t={catalogText(ctx.lang)}
        kind={kind}
        values={{ closedOnHolidays: 'yes', languages: 'de' }}
        canEdit={editable.length > 0}
        canReview={false}
        units={editable}
        staff={staff}
      />,
    );
  });

  route.post('/bo/katalog/neu', { access, query: newEntryQuery, body: textForm }, async ({ request, reply, query, body: values }) => {
    const { ctx } = request;
    const t = catalogText(ctx.lang);
    const kind = query.art;
    const { permissions, units, staff } = await editContext(request);
    const decoded = contentFromForm(kind, values, t);
    const settings = settingsFrom(values, decoded.errors, t, true);
    try {
      if (!settings || !decoded.content) throw new Invalid(decoded.errors);
      ensure(permissions, 'edit', { unit_id: settings.unitId });
      const entry = await db.transaction().execute((trx) => createEntry(trx, authorOf(ctx), kind, settings, decoded.content!));
      setFlash(reply, t('bo.created'));
      return reply.redirect(`/bo/katalog/${entry.id}`, 303);
    } catch (error) {
      if (!(error instanceof Invalid) && !(error instanceof Conflict)) throw error;
      const errors = error instanceof Conflict ? { [error.field]: t(error.code as 'invalid.slugTaken') } : error.fields;
      const editable = units.filter((unit) => permissions.editUnits.has(unit.id));
      return sendHtml(
        reply,
        <EditView ctx={ctx} t={t} kind={kind} values={values} errors={errors} canEdit canReview={false} units={editable} staff={staff} />,
        400,
      );
    }
  });

  route.get('/bo/katalog/:id', { access, params: recordParams }, async ({ request, reply, params }) => {
    const entry = await entryOrThrow(db, request.ctx.tenant.id, params.id);
    const { view } = await renderEdit(request, entry);
    return sendHtml(reply, view);
  });

  route.post('/bo/katalog/:id', { access, params: recordParams, body: textForm }, async ({ request, reply, params, body: values }) => {
    const { ctx } = request;
    const t = catalogText(ctx.lang);
    const entry = await entryOrThrow(db, ctx.tenant.id, params.id);
    const { permissions } = await editContext(request);
    ensure(permissions, 'edit', entry);
    const decoded = contentFromForm(entry.kind, values, t);
    const settings = settingsFrom(values, decoded.errors, t, false);
    if (settings && !permissions.editUnits.has(settings.unitId)) decoded.errors.unitId = t('invalid.format');
    if (!settings || !decoded.content || Object.keys(decoded.errors).length > 0) {
      const { view } = await renderEdit(request, entry, { values, errors: decoded.errors });
      return sendHtml(reply, view, 400);
    }
    await db.transaction().execute(async (trx) => {
      await saveDraft(trx, authorOf(ctx), entry, decoded.content!, settings);
      if (values.action === 'submit') await submitForReview(trx, authorOf(ctx), entry);
    });
    setFlash(reply, values.action === 'submit' ? t('bo.submitted') : t('bo.saved'));
    return reply.redirect(`/bo/katalog/${entry.id}`, 303);
  });

  route.post('/bo/katalog/:id/entscheidung', { access, params: recordParams, body: textForm }, async ({ request, reply, params, body }) => {
    const { ctx } = request;
    const t = catalogText(ctx.lang);
    const entry = await entryOrThrow(db, ctx.tenant.id, params.id);
    const { permissions } = await editContext(request);
    ensure(permissions, 'review', entry);
    const { decision, comment } = body;
    const reason = comment?.trim() ?? '';
    if (decision !== 'approve' && !reason) {
      const { view } = await renderEdit(request, entry, { errors: { comment: t('invalid.comment') } });
      return sendHtml(reply, view, 400);
    }
    try {
      await db
        .transaction()
        .execute((trx) =>
          decision === 'approve'
            ? approveRevision(trx, authorOf(ctx), entry, reason || null)
            : rejectRevision(trx, authorOf(ctx), entry, reason),
        );
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      const { view } = await renderEdit(request, entry, { errors: { comment: t('invalid.revision') } });
      return sendHtml(reply, view, 409);
    }
    setFlash(reply, decision === 'approve' ? t('bo.published') : t('bo.rejected'));
    return reply.redirect(`/bo/katalog/${entry.id}`, 303);
  });

  route.post('/bo/katalog/:id/geprueft', { access, params: recordParams }, async ({ request, reply, params }) => {
    const { ctx } = request;
    const entry = await entryOrThrow(db, ctx.tenant.id, params.id);
    const { permissions } = await editContext(request);
    if (!can(permissions, 'review', entry)) ensure(permissions, 'edit', entry);
    await db.transaction().execute((trx) => confirmReviewed(trx, authorOf(ctx), entry));
    setFlash(reply, catalogText(ctx.lang)('bo.reviewed'));
    return reply.redirect(`/bo/katalog/${entry.id}`, 303);
  });

  route.get('/bo/katalog/:id/verlauf', { access, params: recordParams }, async ({ request, reply, params }) => {
    const { ctx } = request;
    const entry = await entryOrThrow(db, ctx.tenant.id, params.id);
    const versions = await listPublishedRevisions(db, ctx.tenant.id, entry.id);
    const items = versions.map((version, index) => {
      const previous = versions[index + 1];
      return {
        version: version.version ?? 0,
        decidedAt: version.decided_at,
        author: version.author,
        reviewer: version.reviewer,
        comment: version.comment,
        changes: previous
          ? diffContent(previous.content as Record<string, unknown>, version.content as Record<string, unknown>)
          : undefined,
      };
    });
    return sendHtml(reply, <HistoryView ctx={ctx} t={catalogText(ctx.lang)} entry={entry} items={items} />);
  });
}
