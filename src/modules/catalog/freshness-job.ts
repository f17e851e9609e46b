// The monthly freshness mail: one job per tenant, then one mail per unit lead listing the entries of their
// units that need attention. Dedupe keys make each tenant's run and each mail happen once per month.
import type { Deps } from '../../platform/http/deps.js';
import type { JobHandler } from '../../platform/jobs/queue.js';
import { enqueue } from '../../platform/jobs/queue.js';
import { queueMail } from '../../platform/mail/mailer.js';
import { listTenants } from '../../platform/tenancy/tenants.js';
import { listRoleHolders, listUnits } from '../../platform/auth/users-repo.js';
import { formatDate, type Lang } from '../../platform/i18n/index.js';
import { freshnessReport, type Problem } from './freshness.js';
import { withDescendants } from './policy.js';
import { catalogText, type CatalogTranslate } from './texts.js';

export const FRESHNESS_JOB = 'catalog.freshness';
const TENANT_JOB = 'catalog.freshness.tenant';

export function problemText(problem: Problem, t: CatalogTranslate, lang: Lang = 'de'): string {
  if (problem.kind === 'never') return t('fresh.reasonNever');
  if (problem.kind === 'overdue') return t('fresh.reasonOverdue', { date: formatDate(lang, problem.since) });
  if (problem.kind === 'missing') return t('fresh.reasonMissing', { ref: problem.ref });
  return t('fresh.reasonLink', { url: problem.url });
}

export async function sendFreshnessMails(deps: Deps, tenantId: string, now: Date): Promise<number> {
  const { db } = deps;
  const tenant = (await listTenants(db)).find((row) => row.id === tenantId);
  if (!tenant) return 0;
  const t = catalogText('de');
  const [{ items }, leads, units] = await Promise.all([
    freshnessReport(db, tenantId, now, { checkLinks: deps.config.checkExternalLinks }),
    listRoleHolders(db, tenantId, 'unit_lead'),
    listUnits(db, tenantId),
  ]);
  let sent = 0;
  for (const lead of leads) {
    const scope = withDescendants([lead.unit_id], units);
    const own = items.filter((item) => item.entry.unit_id && scope.has(item.entry.unit_id));
    if (own.length === 0 || !lead.email) continue;
    const lines = own.map((item) => `- ${item.entry.name}: ${item.problems.map((problem) => problemText(problem, t)).join('; ')}`);
    await queueMail(db, {
      tenantId,
      to: lead.email,
      subject: t('fresh.mailSubject', { count: own.length }),
      text: [
        t('fresh.mailIntro', { name: lead.display_name, town: tenant.name }),
        '',
        ...lines,
        '',
        t('fresh.mailOutro', { url: `${deps.baseUrl}/bo/katalog/aktualitaet` }),
      ].join('\n'),
    });
    sent++;
  }
  return sent;
}

export function catalogJobs(deps: Deps): Record<string, JobHandler> {
  return {
    [FRESHNESS_JOB]: async () => {
      const month = new Date().toISOString().slice(0, 7);
      for (const tenant of await listTenants(deps.db)) {
        await enqueue(deps.db, { name: TENANT_JOB, tenantId: tenant.id, dedupeKey: `${TENANT_JOB}:${tenant.id}:${month}` });
      }
    },
    [TENANT_JOB]: async (_payload, job) => {
      if (job.tenantId) await sendFreshnessMails(deps, job.tenantId, new Date());
    },
  };
}
