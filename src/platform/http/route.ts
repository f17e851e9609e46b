// One way to declare a route: who may call it, the shape of its params, query and body as zod schemas (from the
// module's schema.ts), and whether it changes data (then the handler runs in one transaction and gets it as `db`,
// and its answer leaves only after the commit: a failed commit becomes an error page, never a false "saved").
// The handler receives typed, parsed input. A path segment that does not fit names nothing (404); a query or body
// that does not fit is the same 400 page or problem+json answer everywhere, with the fields that were wrong.
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ControlledTransaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Tables } from '../db/tables.js';
import { Invalid, NotFound, type FieldErrors } from './errors.js';
import type { Access } from './routes.js';

type Schema<T> = z.ZodType<T, unknown>;

export type RouteSpec<P, Q, B> = {
  access: Access;
  params?: Schema<P>;
  query?: Schema<Q>;
  body?: Schema<B>;
  /** The handler changes data: it runs in one transaction, which it receives as `db`. It must use that `db` for
   * every query: the embedded database has one connection, which the transaction holds until the answer leaves. */
  changes?: boolean;
  /** Further route settings (csrf, multipart, tenantless, audit, rateLimit). */
  config?: Omit<FastifyContextConfig, 'access'>;
};

export type RouteInput<P, Q, B> = { request: FastifyRequest; reply: FastifyReply; params: P; query: Q; body: B; db: Db };
type Handler<P, Q, B> = (input: RouteInput<P, Q, B>) => Promise<unknown>;

/** zod's issues as field → code ("email", "too_big", …); the forms translate codes into sentences. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    fields[field] ??= issue.code === 'custom' ? issue.message : issue.code;
  }
  return fields;
}

function parse<T>(schema: Schema<T> | undefined, value: unknown, onError: (error: z.ZodError) => Error): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw onError(result.error);
  return result.data;
}

/** The open transaction of a changing route, committed by the onSend hook below just before its answer leaves. */
type Pending = { trx: ControlledTransaction<Tables>; state: 'open' | 'committed' | 'rolled back' };
const pending = new WeakMap<FastifyRequest, Pending>();

async function commit(entry: Pending) {
  if (entry.state !== 'open') return;
  entry.state = 'committed';
  try {
    await entry.trx.commit().execute();
  } catch (error) {
    // The database has undone the transaction; the rollback only gives its connection back.
    await entry.trx
      .rollback()
      .execute()
      .catch(() => undefined);
    throw error;
  }
}

async function rollback(entry: Pending) {
  if (entry.state !== 'open') return;
  entry.state = 'rolled back';
  await entry.trx.rollback().execute();
}

/** Installed once per app: a changing route's transaction commits as its answer is sent, and a failed commit
 * turns the answer into an error page. (The handler cannot wait for its own commit: it returns the reply, which
 * settles only once sent.) */
export function holdAnswersUntilCommit(app: FastifyInstance): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    const entry = pending.get(request);
    if (entry) await commit(entry);
    return payload;
  });
}

/** `db` is needed by routes that change data (their transaction) and handed to every handler; routes of the
 * platform that only answer from memory (health, OpenAPI) may leave it out. */
export function routes(app: FastifyInstance, db?: Db) {
  function declare<P, Q, B>(method: 'GET' | 'POST', url: string, spec: RouteSpec<P, Q, B>, handler: Handler<P, Q, B>) {
    if (!db && spec.changes) throw new Error(`${method} ${url} changes data but was declared without a database`);
    app.route({
      method,
      url,
      config: { ...spec.config, access: spec.access },
      handler: async (request, reply) => {
        const params = parse(spec.params, request.params, () => new NotFound('page'));
        const query = parse(spec.query, request.query, (error) => new Invalid(fieldErrors(error)));
        const body = parse(spec.body, request.body, (error) => new Invalid(fieldErrors(error)));
        if (!spec.changes || !db) return handler({ request, reply, params, query, body, db: db! });
        const entry: Pending = { trx: await db.startTransaction().execute(), state: 'open' };
        pending.set(request, entry);
        try {
          const result = await handler({ request, reply, params, query, body, db: entry.trx });
          await commit(entry);
          return result;
        } catch (error) {
          await rollback(entry);
          throw error;
        }
      },
    });
  }
  return {
    get: <P = undefined, Q = undefined>(url: string, spec: RouteSpec<P, Q, undefined>, handler: Handler<P, Q, undefined>) =>
      declare('GET', url, spec, handler),
    post: <P = undefined, Q = undefined, B = undefined>(url: string, spec: RouteSpec<P, Q, B>, handler: Handler<P, Q, B>) =>
      declare('POST', url, spec, handler),
  };
}
