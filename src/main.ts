// The `rathaus` command line: start, migrate, seed, user add / reset-2fa, tenant add, audit verify.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { buildApp, resolveBaseUrl } from './app.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { allMigrations } from './platform/db/migrations-list.js';
import { migratedTemplatePath, readTemplate } from './platform/db/pglite-template.js';
import { verifyAuditChain } from './platform/audit/audit-verify.js';
import { schedulePlatformJobs } from './platform/jobs/platform-jobs.js';
import { schedule } from './platform/jobs/queue.js';
import { addStaffByCli, resetTotpByCli, addTenantByCli } from './cli-admin.js';
import { modules } from './modules/index.js';
import { seedHennef } from '../seed/hennef.js';
import { seedDemoApplications, seedDemoHistory } from '../seed/history.js';
import { growToScale, SCALES, type Scale } from '../seed/scale.js';
import { DEMO_IDP_PATH } from './platform/auth/demo-idp.js';

const help = `Rathaus – das digitale Rathaus / the digital town hall

Usage: rathaus <command> [options]      (npm start -- <command> works too)

Commands:
  start                      migrate, seed the Hennef demo on first run, serve http://localhost:$PORT
  migrate                    apply pending database migrations
  seed                       add the Hennef demo tenant if it is missing
  seed --scale S1|S2|S3      grow the demo to years of data for measuring (S3: 100,000 reports, 200,000 cases, …)
  user add                   --tenant hennef --email a@b.de --name "Vorname Name" --unit "FD 2.1" --role clerk [--password …]
  user reset-2fa             --tenant hennef --email a@b.de
  tenant add                 --slug siegburg --name "Stadt Siegburg" --host siegburg.example
  audit verify               check the hash chain of the audit log (exit code 1 when broken)

Configuration comes from environment variables, see docs/configuration.md.`;

async function prepare(config: Config): Promise<Database> {
  const migrations = allMigrations(modules);
  const template = config.databaseUrl ? undefined : readTemplate(migratedTemplatePath(migrations));
  const database = await openDatabase({ ...config, template });
  await migrate(database.db, migrations);
  return database;
}

/** What the start is doing, so a person waiting at the terminal sees it move (a JSON line for collectors). */
function progress(config: Config, step: string, started: number) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (config.logFormat === 'pretty') console.log(`… ${step} (${seconds} s)`);
  else console.log(JSON.stringify({ level: 30, time: Date.now(), event: 'start_progress', step, seconds: Number(seconds) }));
}

async function start(config: Config) {
  const started = performance.now();
  progress(config, 'Datenbank öffnen und migrieren / opening and migrating the database', started);
  const database = await prepare(config);
  progress(config, 'Demo-Stadt prüfen / checking the demo town', started);
  const seeded = await seedHennef(database.db);
  await schedulePlatformJobs(database.db);
  for (const entry of modules.flatMap((module) => module.schedules ?? [])) await schedule(database.db, entry);
  progress(config, 'Module laden / loading the modules', started);
  const { app, jobs, deps } = await buildApp(config, database);
  app.log.info({ event: 'event_subscriptions', subscriptions: deps.events.describe() }, 'event_subscriptions');
  // The history (reports, applications, a notice) is for the demo only: an installation with a mail relay starts empty.
  if (seeded && config.demoMode) {
    progress(config, 'Demo-Meldungen anlegen / adding the demo reports', started);
    const reports = await seedDemoHistory(database.db, deps.store);
    const issuer = config.oidc.issuer ?? `${resolveBaseUrl(config)}${DEMO_IDP_PATH}`;
    const applications = await seedDemoApplications(database.db, deps.store, issuer, resolveBaseUrl(config));
    app.log.info({ event: 'demo_tenant_seeded', tenant: 'hennef', reports, applications }, 'demo_tenant_seeded');
  }
  await app.listen({ port: config.port, host: config.host });
  jobs.start();
  app.log.info({ event: 'rathaus_started', url: resolveBaseUrl(config), database: database.kind }, 'rathaus_started');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ event: 'rathaus_stopping', signal }, 'rathaus_stopping');
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Under `npm start`, a SIGTERM reaches npm and its shell but not this process: when the parent is gone, stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('parent exited');
  }, 1000).unref();
}

async function withDatabase(config: Config, work: (database: Database) => Promise<unknown>) {
  const database = await prepare(config);
  try {
    const code = await work(database);
    return typeof code === 'number' ? code : 0;
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      tenant: { type: 'string', default: 'hennef' },
      email: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      slug: { type: 'string' },
      host: { type: 'string', multiple: true },
      scale: { type: 'string' },
    },
  });
  const command = positionals.join(' ');
  if (values.help || command === '' || command === 'help') {
    console.log(help);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'start':
      await start(config);
      return -1;
    case 'migrate':
      return withDatabase(config, async () => console.log('migrations applied'));
    case 'seed':
      return withDatabase(config, async ({ db }) => {
        console.log((await seedHennef(db)) ? 'Hennef demo tenant added' : 'Hennef demo tenant exists');
        if (!values.scale) return;
        if (!(values.scale in SCALES)) throw new ConfigError('--scale', `one of ${Object.keys(SCALES).join(', ')}`);
        await growToScale(db, values.tenant, values.scale as Scale, (step) => console.log(`… ${step}`));
        console.log(`grown to ${values.scale}`);
      });
    case 'user add':
      return withDatabase(config, ({ db }) => addStaffByCli(db, values));
    case 'user reset-2fa':
      return withDatabase(config, ({ db }) => resetTotpByCli(db, values));
    case 'tenant add':
      return withDatabase(config, ({ db }) => addTenantByCli(db, values));
    case 'audit verify':
      return withDatabase(config, async ({ db }) => {
        let shown = 0;
        const verdict = await verifyAuditChain(db, (checked, total) => {
          const percent = total > 0 ? Math.floor((checked / total) * 100) : 100;
          if (percent >= shown + 10 || checked === total) {
            shown = percent - (percent % 10);
            process.stderr.write(`… ${checked} / ${total} entries checked (${percent} %)\n`);
          }
        });
        if (verdict.ok) {
          console.log(`audit log intact: ${verdict.entries} entries`);
          return 0;
        }
        console.error(`audit log BROKEN at entry ${verdict.brokenAt} (after ${verdict.entries} intact entries)`);
        return 1;
      });
    default:
      console.error(`Unknown command: ${command}\n\n${help}`);
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
