// Online services per tenant, told by the forms module: the catalog shows "Online erledigen" for them without
// its content having to name our own URLs. The lookup is synchronous (the forms module keeps them in memory).
type Lookup = (tenantId: string, catalogSlug: string) => string | undefined;

let lookup: Lookup = () => undefined;

export function announceOnlineServices(next: Lookup) {
  lookup = next;
}

export function announcedOnlineService(tenantId: string, catalogSlug: string): string | undefined {
  return lookup(tenantId, catalogSlug);
}
