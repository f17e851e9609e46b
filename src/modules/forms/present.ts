// Answers as readable rows (label and text per field, grouped by step) for the summary, the receipt and its PDF.
import { formatMoney, type Lang } from '../../platform/i18n/index.js';
import type { Step } from './definition.js';
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
      let text: string;
      if (field.type === 'group' && Array.isArray(value)) {
        text = (value as Answers[]).map((item, index) => `${field.itemLabel[lang]} ${index + 1}: ${Object.values(item).map((inner) => display(inner, t)).join(', ')}`).join(' · ');
      } else if (field.type === 'file' && Array.isArray(value)) {
        text = (value as Answers[]).map((file) => `${String(file.name)} (${Math.ceil(Number(file.size) / 1024)} KB)`).join(', ');
      } else if (field.type === 'location' && Array.isArray(value)) {
        const place = (value as Answers[])[0] ?? {};
        text = [place.address, place.lat ? `(${String(place.lat)}, ${String(place.lng)})` : ''].filter(Boolean).join(' ');
      } else if (field.type === 'address' && Array.isArray(value)) {
        text = addressLine((value as Answers[])[0] ?? {});
      } else if (field.type === 'computed' && typeof value === 'string') {
        text = field.format === 'money' ? formatMoney(lang, Number(value)) : value;
      } else if (field.type === 'iban' && typeof value === 'string') {
        const bank = bankOf(value);
        text = bank ? `${groupedIban(value)} (${bank.name}, BIC ${bank.bic})` : groupedIban(value);
      } else if (field.type === 'choice') {
        text = display(field.options.filter((option) => ([] as unknown[]).concat(value).includes(option.value)).map((option) => option.label[lang]), t);
      } else text = display(value, t);
      return [{ name: field.name, label: field.label[lang], text }];
    }),
  }));
}
