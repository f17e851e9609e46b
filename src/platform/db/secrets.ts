// Secrets the platform makes itself on first use and keeps in the database, so every instance shares them.
import { randomBytes } from 'node:crypto';
import type { Db } from './database.js';

export async function platformSecret(
  db: Db,
  name: string,
  make: () => string = () => randomBytes(32).toString('base64url'),
): Promise<string> {
  await db
    .insertInto('platform_secret')
    .values({ name, value: make() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('platform_secret').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
