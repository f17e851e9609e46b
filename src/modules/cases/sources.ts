// What a case is about, rendered by the module that owns it (e.g. the submission's answers for the forms
// module), so the case page shows it without the cases module reading other modules' tables. A module declares
// its renderers in its manifest (`caseSources`, added to the module contract below).
import type { Db } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { Deps } from '../../platform/http/deps.js';

export type CaseSourceRenderer = (db: Db, ctx: RequestContext, sourceId: string) => Promise<string>;

declare module '../../platform/module.js' {
  interface Module {
    /** How this module's case sources are shown on the case page, by source kind. */
    caseSources?(deps: Deps): Record<string, CaseSourceRenderer>;
  }
}

export function renderCaseSource(deps: Deps, ctx: RequestContext, kind: string, sourceId: string): Promise<string> {
  const renderer = deps.modules.map((module) => module.caseSources?.(deps)[kind]).find(Boolean);
  return renderer?.(deps.db, ctx, sourceId) ?? Promise.resolve('');
}
