// Loads the online-service definitions from src/services at start-up. A broken definition stops start-up with
// the file and the path inside it, so a typo never reaches a citizen.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serviceDefinition, type ServiceDefinition, type Step } from '../definition.js';

export class DefinitionError extends Error {}

const SERVICES_DIR = fileURLToPath(new URL('../../../services/', import.meta.url));

function fieldNames(steps: Step[]): string[] {
  return steps.flatMap((step) =>
    step.fields.flatMap((field) => [
      field.name,
      ...(field.type === 'group' ? field.fields.map((inner) => `${field.name}.${inner.name}`) : []),
    ]),
  );
}

function checkReferences(definition: ServiceDefinition, file: string) {
  const names = fieldNames(definition.steps);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new DefinitionError(`${file}: field name "${duplicate}" is used twice`);
  const ids = definition.steps.map((step) => step.id);
  const duplicateStep = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicateStep) throw new DefinitionError(`${file}: step id "${duplicateStep}" is used twice`);
}

/** Checks one definition (schema and references); `where` names it in the error (file or package entry). */
export function parseDefinition(raw: unknown, where: string): ServiceDefinition {
  const parsed = serviceDefinition.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DefinitionError(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  checkReferences(parsed.data, where);
  return parsed.data;
}

export async function loadDefinitions(dir = SERVICES_DIR): Promise<Map<string, ServiceDefinition>> {
  const definitions = new Map<string, ServiceDefinition>();
  for (const file of readdirSync(dir)
    .filter((name) => /\.(ts|json)$/.test(name) && !name.endsWith('.test.ts'))
    .sort()) {
    const raw = file.endsWith('.json')
      ? (await import(pathToFileURL(`${dir}${file}`).href, { with: { type: 'json' } })).default
      : (await import(pathToFileURL(`${dir}${file}`).href)).default;
    const definition = parseDefinition(raw, file);
    if (definitions.has(definition.id)) throw new DefinitionError(`${file}: service id "${definition.id}" is defined twice`);
    definitions.set(definition.id, definition);
  }
  return definitions;
}
