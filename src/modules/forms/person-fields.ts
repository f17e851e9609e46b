// Identity fields many services ask for, taken from the citizen account when one is logged in (once-only).
import type { ServiceDefinitionInput } from './definition.js';

type FieldInput = ServiceDefinitionInput['steps'][number]['fields'][number];

export const nameFields: FieldInput[] = [
  { type: 'text', name: 'givenName', label: { de: 'Vorname', en: 'First name' }, prefill: 'given_name' },
  { type: 'text', name: 'familyName', label: { de: 'Familienname', en: 'Surname' }, prefill: 'family_name' },
];

/** Date of birth, at most `maxDays` relative to today (0 = not in the future, −6570 = at least 18 years ago). */
export function birthDateField(maxDays = 0): FieldInput {
  return {
    type: 'date',
    name: 'birthDate',
    label: { de: 'Geburtsdatum', en: 'Date of birth' },
    max: { days: maxDays },
    prefill: 'birthdate',
  };
}

export const birthPlaceField: FieldInput = {
  type: 'text',
  name: 'birthPlace',
  label: { de: 'Geburtsort', en: 'Place of birth' },
  maxLength: 80,
};
