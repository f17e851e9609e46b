// What changed between two published versions: one row per top-level field, values as readable text.
export type FieldChange = { field: string; before: string; after: string };

function readable(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(readable).join('\n');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined && inner !== '')
      .map(([key, inner]) => `${key}: ${readable(inner)}`)
      .join(', ');
  }
  return String(value);
}

export function diffContent(before: Record<string, unknown> | undefined, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])];
  return fields
    .map((field) => ({ field, before: readable(before?.[field]), after: readable(after[field]) }))
    .filter((change) => change.before !== change.after);
}
