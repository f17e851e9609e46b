// The contract every module fulfils: its name, migrations, navigation entries, routes and background jobs.
import type { FastifyInstance } from 'fastify';
import type { NavItem } from './http/context.js';
import type { Deps } from './http/deps.js';
import type { RequestContext } from './http/context.js';
import type { JobHandler } from './jobs/queue.js';

export type Module = {
  name: string;
  /** Folder with the module's timestamped SQL migrations. */
  migrationsDir?: string;
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
};
