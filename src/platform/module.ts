// The contract every module fulfils: its name, policy, migrations, navigation entries, routes, background jobs
// and the events it reacts to. A module that asks other modules a question (the catalog: "is this service
// online, and where?") adds the question to this interface by declaration merging in its own index; the modules
// that can answer implement it in their manifest, and the asking module reads the answers from `deps.modules`.
import type { FastifyInstance } from 'fastify';
import type { NavItem } from './http/context.js';
import type { Deps } from './http/deps.js';
import type { RequestContext } from './http/context.js';
import type { JobHandler } from './jobs/queue.js';
import type { Access } from './http/routes.js';
import type { Subscription } from './events.js';

export interface Module {
  name: string;
  /** Folder with the module's timestamped SQL migrations. */
  migrationsDir?: string;
  /** Who may do what (its policy.ts): every route of the module declares one of these entries as its access. */
  policy?: Record<string, Access>;
  /** Entries on the home page and in the main navigation; shown only when the module is enabled for the tenant. */
  nav?: NavItem[];
  register(app: FastifyInstance, deps: Deps): void | Promise<void>;
  jobs?(deps: Deps): Record<string, JobHandler>;
  /** Recurring jobs (cron in Europe/Berlin), registered at start-up. */
  schedules?: { jobName: string; cron: string }[];
  /** The module's section on the citizen's account page (/konto), e.g. their applications; '' for none. */
  accountSection?(deps: Deps, ctx: RequestContext & { actor: { kind: 'citizen'; userId: string } }): Promise<string>;
  /** The module's part of the back office's start page (/bo): the person's current work; '' for none. */
  workSection?(deps: Deps, ctx: RequestContext & { actor: { kind: 'staff'; userId: string } }): Promise<string>;
  /** The module's part of /api/openapi.json. */
  openapi?: { paths: Record<string, unknown>; schemas?: Record<string, unknown> };
  /** The domain events this module reacts to (see platform/events.ts). */
  subscribes?(deps: Deps): Subscription[];
}
