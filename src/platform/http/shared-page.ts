// Pages anonymous visitors share: rendered once per tenant, scope, language and address and kept for a few seconds,
// or until the scope changes in this process (other processes follow within those seconds). A form's CSRF token
// is a slot in the shared rendering, filled per visitor, so a page with a form can be shared too.
import { randomBytes } from 'node:crypto';
import { isSharedView, type RequestContext } from './context.js';

const SLOT = `csrf-slot-${randomBytes(12).toString('hex')}`;
const MAX_PAGES = 1000;
/** A rendering, encoded once, as the parts between its token slots: a visitor's page is the parts joined with
 * their token (sending bytes saves encoding the page on every request). */
const pages = new Map<string, { at: number; parts: Buffer[]; generation: string }>();
const generations = new Map<string, number>();

/** Called when something a scope's pages show has changed (a report submitted, a statement saved). */
export function sharedPagesChanged(tenantId: string, scope: string) {
  const key = `${tenantId}:${scope}`;
  generations.set(key, (generations.get(key) ?? 0) + 1);
}

/** Called when something many pages show has changed (the town's online services): every scope of the tenant. */
export function allSharedPagesChanged(tenantId: string) {
  sharedPagesChanged(tenantId, '*');
}

export async function sharedPage(
  ctx: RequestContext,
  scope: string,
  url: string,
  seconds: number,
  render: (ctx: RequestContext) => JSX.Element,
): Promise<string | Buffer> {
  if (!isSharedView(ctx)) return await render(ctx);
  const key = `${ctx.tenant.id}:${scope}:${ctx.lang}:${url}`;
  const generation = `${generations.get(`${ctx.tenant.id}:*`) ?? 0}:${generations.get(`${ctx.tenant.id}:${scope}`) ?? 0}`;
  let hit = pages.get(key);
  if (!hit || hit.generation !== generation || Date.now() - hit.at > seconds * 1000) {
    const html = await render({ ...ctx, csrfToken: () => SLOT });
    hit = { at: Date.now(), parts: html.split(SLOT).map((part) => Buffer.from(part)), generation };
    if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
    pages.set(key, hit);
  }
  if (hit.parts.length === 1) return hit.parts[0]!;
  const token = Buffer.from(ctx.csrfToken());
  return Buffer.concat(hit.parts.flatMap((part, index) => (index === 0 ? [part] : [token, part])));
}
