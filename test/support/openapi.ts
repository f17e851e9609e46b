// Reading our OpenAPI document in tests: a documented answer's JSON schema, with references resolved, compiled by
// Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1), so live answers are checked against what the document says.
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

const addFormats = formats as unknown as (ajv: Ajv2020) => void;

type Json = Record<string, unknown>;
export type OpenApiDocument = { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };

/** The schema with every reference to a component replaced by the component (without its own $schema). */
function resolved(schema: unknown, document: OpenApiDocument): unknown {
  if (Array.isArray(schema)) return schema.map((item) => resolved(item, document));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as Json).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    const { $schema: _dialect, ...component } = document.components.schemas[ref.slice('#/components/schemas/'.length)]!;
    return resolved(component, document);
  }
  return Object.fromEntries(Object.entries(schema as Json).map(([key, value]) => [key, resolved(value, document)]));
}

/** The JSON schema the document gives for an operation's answer with this status, if any. */
export function answerSchema(document: OpenApiDocument, path: string, method: string, status: number): Json | undefined {
  const response = ((document.paths[path]?.[method]?.responses as Json | undefined)?.[String(status)] ?? undefined) as Json | undefined;
  const schema = ((response?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
  return schema ? (resolved(schema, document) as Json) : undefined;
}

/** A validator for answers: returns the problems Ajv finds, empty when the answer matches. */
export function answerValidator(schema: Json): (answer: unknown) => string {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (answer) => (validate(answer) ? '' : ajv.errorsText(validate.errors));
}
