// The JSON schema (draft 2020-12) of a service's submission data, generated from its definition and published
// at a stable URL per version, so specialist software can validate what it receives.
import type { Field, ScalarField, ServiceDefinition } from '../definition.js';

type Schema = Record<string, unknown>;

function scalarSchema(field: ScalarField): Schema {
  const title = field.label.de;
  switch (field.type) {
    case 'choice': {
      const values = field.options.map((option) => option.value);
      return field.style === 'checkboxes' ? { title, type: 'array', items: { enum: values }, uniqueItems: true } : { title, enum: values };
    }
    case 'yesno':
    case 'consent':
      return { title, enum: field.type === 'consent' ? ['yes'] : ['yes', 'no'] };
    case 'date':
      return { title, type: 'string', format: 'date' };
    case 'email':
      return { title, type: 'string', format: 'email' };
    case 'iban':
      return { title, type: 'string', pattern: '^[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$' };
    case 'number':
    case 'money':
      return {
        title,
        type: 'string',
        pattern: '^-?\\d+(\\.\\d+)?$',
        ...(field.type === 'money' ? { description: 'Euro, Dezimalpunkt' } : {}),
      };
    case 'text':
      return { title, type: 'string', maxLength: field.maxLength, ...(field.pattern ? { pattern: `^(?:${field.pattern})$` } : {}) };
    case 'textarea':
      return { title, type: 'string', maxLength: field.maxLength };
    default:
      return { title, type: 'string' };
  }
}

const fileItem = {
  type: 'object',
  required: ['file', 'name', 'size', 'type'],
  properties: { file: { type: 'string', format: 'uuid' }, name: { type: 'string' }, size: { type: 'string' }, type: { type: 'string' } },
};

function fieldSchema(field: Field): Schema | undefined {
  switch (field.type) {
    case 'info':
      return undefined;
    case 'computed':
      return {
        title: field.label.de,
        description: 'computed by the service from the answers, as shown to the applicant',
        type: 'string',
        pattern: '^-?\\d+\\.\\d{2}$',
        readOnly: true,
      };
    case 'group':
      return {
        title: field.label.de,
        type: 'array',
        minItems: field.min,
        maxItems: field.max,
        items: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(field.fields.map((inner) => [inner.name, scalarSchema(inner)])),
        },
      };
    case 'file':
      return { title: field.label.de, type: 'array', maxItems: field.maxFiles, items: fileItem };
    case 'location':
      return {
        title: field.label.de,
        type: 'array',
        maxItems: 1,
        items: {
          type: 'object',
          required: ['address'],
          properties: { address: { type: 'string' }, lat: { type: 'string' }, lng: { type: 'string' }, precision: { const: 'street' } },
        },
      };
    case 'address':
      return {
        title: field.label.de,
        type: 'array',
        maxItems: 1,
        items: {
          type: 'object',
          required: ['street', 'postalCode', 'city'],
          properties: { street: { type: 'string' }, postalCode: { type: 'string', pattern: '^\\d{5}$' }, city: { type: 'string' } },
        },
      };
    default:
      return scalarSchema(field);
  }
}

export function schemaUri(baseUrl: string, definition: Pick<ServiceDefinition, 'id' | 'version'>): string {
  return `${baseUrl}/api/schemas/${definition.id}/v${definition.version}.json`;
}

/** Required fields are not listed: which ones apply depends on conditions; the server checks them. */
export function jsonSchemaOf(definition: ServiceDefinition, baseUrl: string): Schema {
  const properties: Record<string, Schema> = {};
  for (const field of definition.steps.flatMap((step) => step.fields)) {
    const schema = fieldSchema(field);
    if (schema) properties[field.name] = schema;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaUri(baseUrl, definition),
    title: definition.title.de,
    type: 'object',
    additionalProperties: false,
    properties,
  };
}
