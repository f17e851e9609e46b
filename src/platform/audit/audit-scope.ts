// Every change a request makes to the town's records is audited: the request opens a scope, the database counts
// the tables it writes into the scope (db/write-watch.ts), each audit entry written inside it is counted (and
// carries the request id), and a request that wrote without one is reported as an `unaudited_change` (logged, in
// /metrics, and failing the tests). Working state that is no record (sessions, the job queue, a citizen's unsent
// draft, counters) is listed in UNRECORDED; a route that only stands in for an outside system declares `audit: false`.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';

type Scope = { requestId: string; entries: number; writes: Set<string> };

/** Tables of working state, not records: writing them needs no audit entry. */
const UNRECORDED = new Set([
  // sign-in state; sign-ins themselves are audited
  ...['session', 'login_throttle', 'password_reset', 'platform_secret'],
  // the queue and outgoing mail, which follow from an audited change
  ...['job', 'job_schedule', 'mail_message'],
  // what a citizen typed before sending: theirs alone until submitted (the submission is audited)
  'form_draft',
  // counters and a search index, no one's decision
  ...['form_usage', 'report_support', 'catalog_lexicon'],
  // a citizen's own notification preference
  'mailbox_setting',
  // file contents belong to the record that refers to them, audited there
  'stored_file',
  // the demo payment provider's own state, and the log itself
  ...['payment_demo_transaction', 'audit_log'],
  // the verification of the log: where it has got to, and its runs
  ...['audit_checkpoint', 'audit_verification'],
]);

const scopes = new AsyncLocalStorage<Scope>();
/** The same scope by request, for the response hook (which runs outside the request's async context). */
const byRequest = new WeakMap<FastifyRequest, Scope>();

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route changes nothing that belongs in the audit log (say why beside the route). */
    audit?: false;
  }
}

/** Called by the database for every INSERT, UPDATE and DELETE: notes the table for the request it runs in. */
export function noteWrite(table: string): void {
  if (!UNRECORDED.has(table)) scopes.getStore()?.writes.add(table);
}

/** Called by recordAudit: counts the entry for the request it belongs to and returns that request's id. */
export function auditedInRequest(): string | undefined {
  const scope = scopes.getStore();
  if (!scope) return undefined;
  scope.entries += 1;
  return scope.requestId;
}

/** Installs the scope per request; `onUnaudited` hears of every request that wrote records without an audit entry. */
export function watchAuditedChanges(app: FastifyInstance, onUnaudited: (route: string) => void): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const scope = { requestId: request.id, entries: 0, writes: new Set<string>() };
    byRequest.set(request, scope);
    scopes.run(scope, done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const scope = byRequest.get(request);
    const route = request.routeOptions;
    // A refused request (4xx, 5xx) rolled its transaction back: what it tried to write is not there.
    if (scope && reply.statusCode < 400 && scope.writes.size > 0 && scope.entries === 0 && route.config?.audit !== false) {
      const where = `${request.method} ${route.url ?? request.url} (${[...scope.writes].join(', ')})`;
      request.log.warn({ event: 'unaudited_change', route: where }, 'unaudited_change');
      onUnaudited(where);
    }
    done();
  });
}
