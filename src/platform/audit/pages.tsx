// The admin page to search the audit log of the tenant, with the state of the hash chain: the newest entries are
// checked on every look (from the signed checkpoint), the whole chain by the nightly run, whose result is shown.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accountPolicy } from '../auth/policy.js';
import type { Deps } from '../http/deps.js';
import { routes } from '../http/route.js';
import { formatDateTime, formatNumber, type Lang } from '../i18n/index.js';
import type { Translate } from '../i18n/index.js';
import { Alert, Button, DataTable, Form, KeysetPagination, TextField } from '../ui/components.js';
import { Page } from '../ui/layout.js';
import { sendHtml } from '../ui/render.js';
import { SEARCH_WINDOW, searchAudit } from './audit-log.js';
import { latestFullRun, verifyRecentEntries, type RecentVerdict, type VerificationRun } from './audit-verify.js';

/** A search text (cut at 100 characters) and the position to list entries before (the newest when it is none). */
const auditQuery = z.object({
  q: z
    .string()
    .catch('')
    .default('')
    .transform((q) => q.slice(0, 100)),
  vor: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
});

const PAGE_SIZE = 50;

function RecentState({ recent, t }: { recent: RecentVerdict; t: Translate }) {
  if (!recent.ok) return <Alert kind="error" text={t('admin.chainBroken', { seq: recent.brokenAt })} />;
  return (
    <Alert
      kind="success"
      text={`${t('admin.chainRecentOk', { count: recent.entries })}${recent.complete ? '' : ` ${t('admin.chainPending')}`}`}
    />
  );
}

function FullRunState({ run, lang, t }: { run?: VerificationRun; lang: Lang; t: Translate }) {
  if (!run) return <p safe>{t('admin.fullRunNever')}</p>;
  if (!run.finishedAt)
    return (
      <p safe>
        {t('admin.fullRunRunning', {
          date: formatDateTime(lang, run.startedAt),
          checked: formatNumber(lang, run.checked),
          total: formatNumber(lang, run.total),
          percent: run.total > 0 ? Math.floor((run.checked / run.total) * 100) : 0,
        })}
      </p>
    );
  const date = formatDateTime(lang, run.finishedAt);
  return run.ok ? (
    <Alert kind="success" text={t('admin.fullRunOk', { date, count: run.checked })} />
  ) : (
    <Alert kind="error" text={t('admin.fullRunBroken', { date, seq: run.brokenAt ?? 0 })} />
  );
}

export function registerAuditPages(app: FastifyInstance, deps: Deps) {
  routes(app, deps.db).get(
    '/admin/protokoll',
    { access: accountPolicy.administer, query: auditQuery },
    async ({ request, reply, query }) => {
      const { ctx } = request;
      const t = ctx.t;
      const { q: text, vor: before } = query;
      const found = await searchAudit(deps.db, { tenantId: ctx.tenant.id, text: text || undefined, before, pageSize: PAGE_SIZE });
      const [recent, run] = await Promise.all([verifyRecentEntries(deps.db), latestFullRun(deps.db)]);
      const href = (position: number | undefined) => `/admin/protokoll?q=${encodeURIComponent(text)}${position ? `&vor=${position}` : ''}`;
      const last = found.rows.at(-1);
      return sendHtml(
        reply,
        <Page ctx={ctx} title={t('admin.audit')} crumbs={[{ label: t('admin.title'), href: '/bo' }, { label: t('admin.audit') }]}>
          <h1 safe>{t('admin.audit')}</h1>
          <RecentState recent={recent} t={t} />
          <FullRunState run={run} lang={ctx.lang} t={t} />
          <Form action="/admin/protokoll" method="get" csrf="">
            <TextField name="q" type="search" label={t('admin.search')} value={text} />
            <Button label={t('admin.search')} kind="secondary" />
          </Form>
          {text && (
            <p safe>
              {t('admin.searchWindow', { count: formatNumber(ctx.lang, SEARCH_WINDOW), seq: formatNumber(ctx.lang, found.newest) })}
            </p>
          )}
          <DataTable
            caption={t('admin.audit')}
            head={[t('admin.when'), t('admin.actor'), t('admin.action'), t('admin.object'), t('admin.details')]}
            rows={found.rows.map((row) => [
              formatDateTime(ctx.lang, row.at),
              row.actor_kind === 'staff' && row.actor_name ? row.actor_name : row.actor_label,
              row.action,
              `${row.object_type}${row.object_id ? ` ${row.object_id}` : ''}`,
              JSON.stringify(row.summary),
            ])}
            empty={t('admin.empty')}
          />
          {found.searchOn !== undefined && (
            <p>
              <a href={href(found.searchOn)} safe>
                {t('admin.searchOlder')}
              </a>
            </p>
          )}
          <KeysetPagination t={t} newest={before ? href(undefined) : undefined} older={found.more && last ? href(last.seq) : undefined} />
        </Page>,
      );
    },
  );
}
