// Run by `npm ci` (postinstall): prepares the migrated embedded-database template, so the first `npm start` loads
// it instead of running initdb and every migration. Never fails the install: without it the start is only slower.
import { allMigrations } from '../src/platform/db/migrations-list.js';
import { buildMigratedTemplate } from '../src/platform/db/pglite-template.js';
import { modules } from '../src/modules/index.js';

const started = performance.now();
try {
  const path = await buildMigratedTemplate(allMigrations(modules));
  console.log(`rathaus: database template ready in ${((performance.now() - started) / 1000).toFixed(1)} s (${path})`);
} catch (error) {
  console.log(`rathaus: no database template (${(error as Error).message}); the first start creates the database itself`);
}
