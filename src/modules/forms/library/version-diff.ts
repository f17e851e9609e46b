// What changed between two versions of a definition, in words a clerk understands: steps and fields added,
// removed or changed (label, required, options, limits, conditions), and the service's own settings.
import type { Lang } from '../../../platform/i18n/index.js';
import type { Field, ServiceDefinition } from '../definition.js';

export type Change = {
  kind: 'added' | 'removed' | 'changed';
  area: 'service' | 'step' | 'field' | 'rules' | 'declarations';
  name: string;
  detail?: string;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (value: unknown, lang: Lang): string => {
  if (value === undefined) return '–';
  if (typeof value === 'object' && value !== null && 'de' in value && 'en' in value) return (value as Record<Lang, string>)[lang];
  return typeof value === 'string' ? value : JSON.stringify(value);
};

const FIELD_PROPERTIES = [
  'type',
  'label',
  'hint',
  'required',
  'visibleIf',
  'options',
  'style',
  'min',
  'max',
  'maxLength',
  'pattern',
  'accept',
  'maxBytes',
  'maxFiles',
  'local',
  'prefill',
  'expression',
  'text',
  'fields',
] as const;
const SERVICE_PROPERTIES = ['title', 'trustLevel', 'applicants', 'fee', 'targetUnit', 'retentionDays', 'catalog'] as const;

function fieldsOf(definition: ServiceDefinition): Map<string, { field: Field; step: string }> {
  return new Map(definition.steps.flatMap((step) => step.fields.map((field) => [field.name, { field, step: step.title.de }] as const)));
}

function labelOf(field: Field, lang: Lang): string {
  return 'label' in field ? field.label[lang] : field.name;
}

export function diffDefinitions(before: ServiceDefinition, after: ServiceDefinition, lang: Lang): Change[] {
  const changes: Change[] = [];
  for (const property of SERVICE_PROPERTIES) {
    if (!same(before[property], after[property]))
      changes.push({
        kind: 'changed',
        area: 'service',
        name: property,
        detail: `${show(before[property], lang)} → ${show(after[property], lang)}`,
      });
  }
  const beforeSteps = new Map(before.steps.map((step) => [step.id, step]));
  const afterSteps = new Map(after.steps.map((step) => [step.id, step]));
  for (const [id, step] of afterSteps) {
    const old = beforeSteps.get(id);
    if (!old) changes.push({ kind: 'added', area: 'step', name: step.title[lang] });
    else {
      if (!same(old.title, step.title))
        changes.push({ kind: 'changed', area: 'step', name: step.title[lang], detail: `${old.title[lang]} → ${step.title[lang]}` });
      if (!same(old.visibleIf, step.visibleIf))
        changes.push({
          kind: 'changed',
          area: 'step',
          name: step.title[lang],
          detail: `visibleIf: ${show(old.visibleIf, lang)} → ${show(step.visibleIf, lang)}`,
        });
    }
  }
  for (const [id, step] of beforeSteps) if (!afterSteps.has(id)) changes.push({ kind: 'removed', area: 'step', name: step.title[lang] });

  const beforeFields = fieldsOf(before);
  const afterFields = fieldsOf(after);
  for (const [name, { field }] of afterFields) {
    const old = beforeFields.get(name)?.field;
    if (!old) {
      changes.push({ kind: 'added', area: 'field', name: labelOf(field, lang), detail: field.type });
      continue;
    }
    for (const property of FIELD_PROPERTIES) {
      const a = (old as Record<string, unknown>)[property];
      const b = (field as Record<string, unknown>)[property];
      if (!same(a, b))
        changes.push({
          kind: 'changed',
          area: 'field',
          name: labelOf(field, lang),
          detail: `${property}: ${show(a, lang)} → ${show(b, lang)}`,
        });
    }
  }
  for (const [name, { field }] of beforeFields)
    if (!afterFields.has(name)) changes.push({ kind: 'removed', area: 'field', name: labelOf(field, lang), detail: field.type });
  if (!same(before.rules, after.rules))
    changes.push({ kind: 'changed', area: 'rules', name: 'rules', detail: `${before.rules.length} → ${after.rules.length}` });
  if (!same(before.declarations, after.declarations))
    changes.push({
      kind: 'changed',
      area: 'declarations',
      name: 'declarations',
      detail: `${before.declarations.map((item) => item[lang]).join(' / ') || '–'} → ${after.declarations.map((item) => item[lang]).join(' / ') || '–'}`,
    });
  return changes;
}
