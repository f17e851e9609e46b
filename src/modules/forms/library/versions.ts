// Published definition versions are immutable: the first start with a version stores it; a later start with
// the same version number but other content stops with a clear error. Old versions stay readable.
import { createHash } from 'node:crypto';
import type { Db } from '../../../platform/db/database.js';
import { serviceDefinition, type ServiceDefinition } from '../definition.js';
import { findDefinitionVersion, insertDefinitionVersion } from '../repo.js';
import { DefinitionError } from './registry.js';

export function checksum(definition: ServiceDefinition): string {
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

export async function publishVersions(db: Db, definitions: Map<string, ServiceDefinition>) {
  for (const definition of definitions.values()) {
    const stored = await findDefinitionVersion(db, definition.id, definition.version);
    if (!stored)
      await insertDefinitionVersion(db, {
        service: definition.id,
        version: definition.version,
        checksum: checksum(definition),
        definition,
      });
    else if (stored.checksum !== checksum(definition)) {
      throw new DefinitionError(
        `${definition.id}: version ${definition.version} was published with other content; give the changed definition a new version number`,
      );
    }
  }
}

/** The definition as it was in a given version (for old drafts and submissions). */
export async function definitionAt(db: Db, current: ServiceDefinition, version: number): Promise<ServiceDefinition> {
  if (version === current.version) return current;
  const stored = await findDefinitionVersion(db, current.id, version);
  return stored ? serviceDefinition.parse(stored.definition) : current;
}
