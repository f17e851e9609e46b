// What a case is about, rendered by the module that owns it (e.g. the submission's answers for the forms
// module), so the case page shows it without the cases module reading other modules' tables.
import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/http/context.js';

export type SourceRenderer = (db: Db, ctx: RequestContext, sourceId: string) => Promise<string>;
const renderers = new Map<string, SourceRenderer>();

export function describeCaseSource(kind: string, renderer: SourceRenderer) {
  renderers.set(kind, renderer);
}

export function renderCaseSource(db: Db, ctx: RequestContext, kind: string, sourceId: string): Promise<string> {
  return renderers.get(kind)?.(db, ctx, sourceId) ?? Promise.resolve('');
}
