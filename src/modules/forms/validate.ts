// Turns posted form values into answers and checks them against the definition. Only fields that are
// visible under the current answers are read; anything else that was posted is ignored, never stored.
import { closestStreet, findStreet, splitStreetAddress, type Street } from '../../platform/geo/streets.js';
import type {
  AddressField,
  Condition,
  Expression,
  Field,
  GroupField,
  LocationField,
  ScalarField,
  ServiceDefinition,
  Step,
  Text,
} from './definition.js';
import { holds, type Answers } from './expressions.js';
import { isEmail, isIban, isPhone, isPostcode, normaliseIban } from '../../platform/validation/rules.js';

export type ErrorCode =
  | 'fileInfected'
  | 'scanUnavailable'
  | 'houseNumber'
  | 'postalCode'
  | 'unknownStreet'
  | 'outside'
  | 'coordinates'
  | 'fileSize'
  | 'fileType'
  | 'fileCount'
  | 'required'
  | 'tooLong'
  | 'email'
  | 'phone'
  | 'iban'
  | 'number'
  | 'min'
  | 'max'
  | 'date'
  | 'dateMin'
  | 'dateMax'
  | 'choice'
  | 'consent'
  | 'pattern'
  | 'groupMin'
  | 'groupMax';
export type FieldError = { code: ErrorCode | 'rule'; limit?: string; message?: Text };
export type StepErrors = Record<string, FieldError>;
type Values = Record<string, string | string[] | undefined>;

const MAX_ITEMS = 20;

function isRequired(field: ScalarField, answers: Answers): boolean {
  return typeof field.required === 'boolean' ? field.required : holds(field.required, answers);
}

function isoDay(offsetDays: number, today: Date): string {
  const day = new Date(today);
  day.setUTCDate(day.getUTCDate() + offsetDays);
  return day.toISOString().slice(0, 10);
}

/** Normalises one answer; returns the error when it is not acceptable. */
export function checkScalar(
  field: ScalarField,
  raw: string | string[] | undefined,
  answers: Answers,
  today = new Date(),
): { value?: string | string[]; error?: FieldError } {
  const value = Array.isArray(raw) ? raw : (raw ?? '').trim();
  const empty = Array.isArray(value) ? value.length === 0 : value === '';
  if (empty)
    return isRequired(field, answers)
      ? {
          error: { code: field.type === 'consent' ? 'consent' : field.type === 'choice' || field.type === 'yesno' ? 'choice' : 'required' },
        }
      : {};
  if (field.type === 'choice') {
    const allowed = new Set(field.options.map((option) => option.value));
    const chosen = Array.isArray(value) ? value : [value];
    if (chosen.some((item) => !allowed.has(item)) || (field.style !== 'checkboxes' && chosen.length > 1))
      return { error: { code: 'choice' } };
    return { value: field.style === 'checkboxes' ? chosen : chosen[0] };
  }
  if (Array.isArray(value)) return { error: { code: 'choice' } };
  switch (field.type) {
    case 'text':
      if (value.length > field.maxLength) return { error: { code: 'tooLong', limit: String(field.maxLength) } };
      if (field.pattern && !new RegExp(`^(?:${field.pattern})$`).test(value)) return { error: { code: 'pattern' } };
      return { value };
    case 'textarea':
      return value.length > field.maxLength ? { error: { code: 'tooLong', limit: String(field.maxLength) } } : { value };
    case 'email':
      return isEmail(value) ? { value } : { error: { code: 'email' } };
    case 'phone':
      return isPhone(value) ? { value } : { error: { code: 'phone' } };
    case 'iban': {
      return isIban(value) ? { value: normaliseIban(value) } : { error: { code: 'iban' } };
    }
    case 'number':
    case 'money': {
      const normalized = value
        .replace(/\s|€/g, '')
        .replace(/\.(?=\d{3}\b)/g, '')
        .replace(',', '.');
      if (!/^-?\d+(\.\d+)?$/.test(normalized)) return { error: { code: 'number' } };
      const number = Number(normalized);
      if (field.min !== undefined && number < field.min) return { error: { code: 'min', limit: String(field.min) } };
      if (field.max !== undefined && number > field.max) return { error: { code: 'max', limit: String(field.max) } };
      return { value: field.type === 'money' ? number.toFixed(2) : String(number) };
    }
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return { error: { code: 'date' } };
      if (field.min && value < isoDay(field.min.days, today)) return { error: { code: 'dateMin', limit: isoDay(field.min.days, today) } };
      if (field.max && value > isoDay(field.max.days, today)) return { error: { code: 'dateMax', limit: isoDay(field.max.days, today) } };
      return { value };
    }
    case 'yesno':
      return value === 'yes' || value === 'no' ? { value } : { error: { code: 'choice' } };
    case 'consent':
      return value === 'yes' ? { value } : { error: { code: 'consent' } };
  }
}

/** An address (required) and optional coordinates "lat, lng" as posted by the map or typed. */
function readLocation(field: LocationField, values: Values, answers: Answers, streets: Street[]): { value?: Answers; error?: FieldError } {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
  const address = one(values[field.name]);
  const coordinates = one(values[`${field.name}.coordinates`]);
  const required = typeof field.required === 'boolean' ? field.required : holds(field.required, answers);
  if (!address) return required ? { error: { code: 'required' } } : {};
  if (address.length > 200) return { error: { code: 'tooLong', limit: '200' } };
  if (!coordinates) {
    // Address search fallback: a street from the directory places the mark near that street.
    const known = findStreet(streets, splitStreetAddress(address.split(',')[0]!).street);
    return { value: known ? { address, lat: String(known.lat), lng: String(known.lng), precision: 'street' } : { address } };
  }
  const match = /^(-?\d{1,2}(?:[.,]\d{1,8})?)\s*[;, ]\s*(-?\d{1,3}(?:[.,]\d{1,8})?)$/.exec(coordinates);
  if (!match) return { error: { code: 'coordinates' } };
  return { value: { address, lat: match[1]!.replace(',', '.'), lng: match[2]!.replace(',', '.') } };
}

/** Street with house number, postcode and town. A local address must name a street of the directory; a typo
 * gets the closest street as suggestion (error limit). Postcode and town of a local address come from the directory. */
function readAddress(field: AddressField, values: Values, answers: Answers, streets: Street[]): { value?: Answers; error?: FieldError } {
  const one = (key: string) => {
    const value = values[`${field.name}.${key}`];
    return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
  };
  const line = one('street');
  const required = typeof field.required === 'boolean' ? field.required : holds(field.required, answers);
  if (!line) return required ? { error: { code: 'required' } } : {};
  if (line.length > 120) return { error: { code: 'tooLong', limit: '120' } };
  const { street, number } = splitStreetAddress(line);
  if (!number || !street) return { error: { code: 'houseNumber' } };
  if (field.local && streets.length > 0) {
    const known = findStreet(streets, street);
    if (!known) return { error: { code: 'unknownStreet', limit: closestStreet(streets, street)?.name } };
    return { value: { street: `${known.name} ${number}`, postalCode: known.postalCode, city: known.city } };
  }
  const postalCode = one('postalCode');
  const city = one('city');
  if (!isPostcode(postalCode)) return { error: { code: 'postalCode' } };
  if (!city) return { error: { code: 'required' } };
  if (city.length > 80) return { error: { code: 'tooLong', limit: '80' } };
  return { value: { street: `${street} ${number}`, postalCode, city } };
}

/** Reads a repeated group from `name.index.field` keys, in index order, at most MAX_ITEMS items. */
function groupItems(group: GroupField, values: Values): Values[] {
  const indexes = new Set<number>();
  const prefix = `${group.name}.`;
  for (const key of Object.keys(values)) {
    const match = key.startsWith(prefix) ? /^(\d{1,2})\./.exec(key.slice(prefix.length)) : null;
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .slice(0, MAX_ITEMS)
    .map((index) => Object.fromEntries(group.fields.map((field) => [field.name, values[`${group.name}.${index}.${field.name}`]])));
}

/** Fields to render without JavaScript: those visible now, plus those that depend on an answer on the same page
 * (the server ignores them when their condition does not hold; with JavaScript they appear and disappear live). */
export function shownOnPage(step: Step, answers: Answers): Field[] {
  const onPage = new Set(step.fields.map((field) => field.name));
  return step.fields.filter(
    (field) => holds(field.visibleIf, answers) || conditionFields(field.visibleIf).some((name) => onPage.has(name)),
  );
}

function conditionFields(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  if ('not' in condition) return conditionFields(condition.not);
  if ('more' in condition) return condition.more.flatMap(expressionFields);
  return 'before' in condition ? [condition.field, condition.before] : [condition.field];
}

function expressionFields(expression: Expression): string[] {
  if (typeof expression === 'number' || 'rate' in expression) return [];
  if ('field' in expression) return [expression.field];
  if ('sum' in expression) return expression.sum.flatMap(expressionFields);
  if ('times' in expression) return expression.times.flatMap(expressionFields);
  if ('count' in expression) return [expression.count];
  if ('sumOver' in expression) return [expression.sumOver];
  return [...conditionFields(expression.if), ...expressionFields(expression.then), ...expressionFields(expression.else)];
}

export function visibleFields(step: Step, answers: Answers): Field[] {
  return step.fields.filter((field) => holds(field.visibleIf, answers));
}

/** Reads and checks one step. `context` holds the answers of the other steps (for conditions across steps). */
export type ReadOptions = { today?: Date; files?: Record<string, Answers[]>; streets?: Street[] };

export function readStep(
  step: Step,
  values: Values,
  context: Answers,
  { today = new Date(), files = {}, streets = [] }: ReadOptions = {},
): { answers: Answers; errors: StepErrors } {
  const answers: Answers = {};
  const errors: StepErrors = {};
  const scope = (): Answers => ({ ...context, ...answers, ...flatScalars(step, values) });
  for (const field of visibleFields(step, scope())) {
    if (field.type === 'info' || field.type === 'computed') continue;
    if (field.type === 'file') {
      const list = files[field.name] ?? (Array.isArray(context[field.name]) ? (context[field.name] as Answers[]) : []);
      const required = typeof field.required === 'boolean' ? field.required : holds(field.required, scope());
      if (list.length === 0 && required) errors[field.name] = { code: 'required' };
      else if (list.length > field.maxFiles) errors[field.name] = { code: 'fileCount', limit: String(field.maxFiles) };
      if (list.length > 0) answers[field.name] = list.slice(0, field.maxFiles);
      continue;
    }
    if (field.type === 'location' || field.type === 'address') {
      const result =
        field.type === 'location' ? readLocation(field, values, scope(), streets) : readAddress(field, values, scope(), streets);
      if (result.error) errors[field.name] = result.error;
      else if (result.value) answers[field.name] = [result.value];
      continue;
    }
    if (field.type === 'group') {
      const items = groupItems(field, values);
      if (items.length < field.min) errors[field.name] = { code: 'groupMin', limit: String(field.min) };
      if (items.length > field.max) errors[field.name] = { code: 'groupMax', limit: String(field.max) };
      answers[field.name] = items.map((item, index) => {
        const checked: Answers = {};
        for (const inner of field.fields.filter((candidate) => holds(candidate.visibleIf, { ...scope(), ...(item as Answers) }))) {
          const result = checkScalar(inner, item[inner.name], { ...scope(), ...(item as Answers) }, today);
          if (result.error) errors[`${field.name}.${index}.${inner.name}`] = result.error;
          else if (result.value !== undefined) checked[inner.name] = result.value;
        }
        return checked;
      });
      continue;
    }
    const result = checkScalar(field, values[field.name], scope(), today);
    if (result.error) errors[field.name] = result.error;
    else if (result.value !== undefined) answers[field.name] = result.value;
  }
  return { answers, errors };
}

/** The raw scalar values of a step, so conditions inside the same step see what was just typed. */
function flatScalars(step: Step, values: Values): Answers {
  const result: Answers = {};
  for (const field of step.fields) {
    const value = values[field.name];
    if (field.type !== 'group' && field.type !== 'file' && field.type !== 'location' && field.type !== 'address' && value !== undefined)
      result[field.name] = Array.isArray(value) ? value : value.trim();
  }
  return result;
}

export function visibleSteps(definition: ServiceDefinition, answers: Answers): Step[] {
  return definition.steps.filter((step) => holds(step.visibleIf, answers));
}

/** Answers as posted values again (for re-checking stored answers and for filling forms). */
export function toValues(step: Step, answers: Answers): Values {
  const values: Values = {};
  for (const field of step.fields) {
    const answer = answers[field.name];
    if (field.type === 'group' && Array.isArray(answer)) {
      (answer as Answers[]).forEach((item, index) => {
        for (const [name, value] of Object.entries(item)) values[`${field.name}.${index}.${name}`] = value as string | string[];
      });
    } else if (field.type === 'location' && Array.isArray(answer)) {
      const place = (answer as Answers[])[0] ?? {};
      values[field.name] = place.address as string | undefined;
      if (place.lat && place.precision !== 'street') values[`${field.name}.coordinates`] = `${String(place.lat)}, ${String(place.lng)}`;
    } else if (field.type === 'address' && Array.isArray(answer)) {
      for (const [key, value] of Object.entries((answer as Answers[])[0] ?? {})) values[`${field.name}.${key}`] = value as string;
    } else if (answer !== undefined && field.type !== 'group' && field.type !== 'file') values[field.name] = answer as string | string[];
  }
  return values;
}

/** Re-checks every visible step and the cross-field rules: what is stored is always valid. */
export function checkAll(
  definition: ServiceDefinition,
  answers: Answers,
  options: ReadOptions = {},
): { answers: Answers; errors: Record<string, StepErrors> } {
  const clean: Answers = {};
  const errors: Record<string, StepErrors> = {};
  for (const step of visibleSteps(definition, answers)) {
    const result = readStep(step, toValues(step, answers), answers, options);
    Object.assign(clean, result.answers);
    if (Object.keys(result.errors).length > 0) errors[step.id] = result.errors;
  }
  for (const rule of definition.rules) {
    if (!holds(rule.when, clean)) continue;
    const step = definition.steps.find((candidate) => candidate.fields.some((field) => field.name === rule.field));
    if (step) (errors[step.id] ??= {})[rule.field] = { code: 'rule', message: rule.message };
  }
  return { answers: clean, errors };
}
