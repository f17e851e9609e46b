// Answers as readable rows (label and text per field, grouped by step) for the summary, the receipt and its PDF.
import { formatDay, formatMoney, type Lang } from '../../platform/i18n/index.js';
import type { Field, Step } from './definition.js';
import type { Answers } from './expressions.js';
import type { FormsTranslate } from './texts.js';
import { bankOf, groupedIban } from './banks.js';

export type AnswerRow = { name: string; label: string; text: string };
export type AnswerSection = { stepId: string; title: string; rows: AnswerRow[] };

function display(value: unknown, t: FormsTranslate): string {
  if (value === undefined || value === '') return t('summary.none');
  if (value === 'yes') return t('yes');
  if (value === 'no') return t('no');
  return Array.isArray(value) ? value.join(', ') : String(value);
}

export function addressLine(address: Answers): string {
  return [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

export function answerRows(steps: Step[], answers: Answers, lang: Lang, t: FormsTranslate): AnswerSection[] {
  return steps.map((step) => ({
    stepId: step.id,
    title: step.title[lang],
    rows: step.fields.flatMap((field): AnswerRow[] => {
      if (field.type === 'info' || !(field.name in answers)) return [];
      const value = answers[field.name];
      // A repeated group reads as one row per item, each value with its label: "Hund 1 – Name des Hundes: Bello; …".
      if (field.type === 'group' && Array.isArray(value)) {
        return (value as Answers[]).map((item, index) => ({
          name: `${field.name}.${index}`,
          label: `${field.itemLabel[lang]} ${index + 1}`,
          text: field.fields
            .filter((inner) => inner.name in item)
            .map((inner) => `${inner.label[lang]}: ${fieldText(inner, item[inner.name], lang, t)}`)
            .join('; '),
        }));
      }
      return [{ name: field.name, label: field.label[lang], text: fieldText(field, value, lang, t) }];
    }),
  }));
}

/** One answer as text: dates as "20.11.2026", yes/no as Ja/Nein, amounts in euros, choices by their label. */
export function fieldText(field: Field, value: unknown, lang: Lang, t: FormsTranslate): string {
  if (field.type === 'file' && Array.isArray(value))
    return (value as Answers[]).map((file) => `${String(file.name)} (${Math.ceil(Number(file.size) / 1024)} KB)`).join(', ');
  if (field.type === 'location' && Array.isArray(value)) {
    const place = (value as Answers[])[0] ?? {};
    return [place.address, place.lat ? `(${String(place.lat)}, ${String(place.lng)})` : ''].filter(Boolean).join(' ');
  }
  if (field.type === 'address' && Array.isArray(value)) return addressLine((value as Answers[])[0] ?? {});
  if (field.type === 'computed' && typeof value === 'string') return field.format === 'money' ? formatMoney(lang, Number(value)) : value;
  if (field.type === 'money' && typeof value === 'string' && value !== '') return formatMoney(lang, Number(value));
  if (field.type === 'date' && typeof value === 'string' && value !== '') return formatDay(lang, value);
  if (field.type === 'iban' && typeof value === 'string') {
    const bank = bankOf(value);
    return bank ? `${groupedIban(value)} (${bank.name}, BIC ${bank.bic})` : groupedIban(value);
  }
  if (field.type === 'choice')
    return display(
      field.options.filter((option) => ([] as unknown[]).concat(value).includes(option.value)).map((option) => option.label[lang]),
      t,
    );
  return display(value, t);
}
