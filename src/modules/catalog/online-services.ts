// Online services of this installation, announced by the forms module at start-up: the catalog shows
// "Online erledigen" for them without its content having to name our own URLs.
const announced = new Map<string, string>();

export function announceOnlineService(catalogSlug: string, path: string) {
  announced.set(catalogSlug, path);
}

export function announcedOnlineService(catalogSlug: string): string | undefined {
  return announced.get(catalogSlug);
}
