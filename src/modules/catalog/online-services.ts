// Online services per tenant, answered by the module that runs them (forms): the catalog shows "Online erledigen"
// for them without its content having to name our own URLs. The answer is synchronous (kept in memory there).
import type { Deps } from '../../platform/http/deps.js';

declare module '../../platform/module.js' {
  interface Module {
    /** Where a catalog service can be done online in this installation (a path), if this module runs it. */
    onlineServiceFor?(tenantId: string, catalogSlug: string): string | undefined;
  }
}

export function onlineServiceFor(deps: Deps, tenantId: string, catalogSlug: string): string | undefined {
  for (const module of deps.modules) {
    const path = module.onlineServiceFor?.(tenantId, catalogSlug);
    if (path) return path;
  }
  return undefined;
}
