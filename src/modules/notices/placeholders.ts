// Placeholders in notice templates: {{name}} style, a fixed set plus {{angabe.feldname}} for an answer of the
// application. A template with a placeholder outside this set is refused before it is saved.
import { formatMoney } from '../../platform/i18n/index.js';
// `gebuehr` is the amount ("24,00 €", "0,00 €" without a fee); `gebuehrenfestsetzung` the whole sentence that reads
// right with and without a fee, which is what the default template uses. `anrede` greets the applicant by name,
// `anschrift` is the full postal address, `sachbearbeitung`/`funktion` sign, `stelle` is the unit's full name,
// `zahlungsfrist` the date a month after the notice, `zahlungsweise` how to pay (direct debit or transfer to the
// town's account), `laufnummer` a number per service and year (a dog tag, a permit).
export const PLACEHOLDERS = [
  'anrede',
  'name',
  'anschrift',
  'leistung',
  'eingangsnummer',
  'antragsdatum',
  'bescheiddatum',
  'bescheidnummer',
  'gebuehr',
  'gebuehrenfestsetzung',
  'zahlungsfrist',
  'zahlungsweise',
  'laufnummer',
  'sachbearbeitung',
  'funktion',
  'stelle',
  'stadt',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type NoticeValues = Record<Placeholder, string> & { answers: Record<string, string> };

const PATTERN = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

/** Placeholders the template uses that we cannot fill (unknown names, or answers the service does not have). */
export function unknownPlaceholders(template: string, answerFields: string[]): string[] {
  const unknown = new Set<string>();
  for (const [, name] of template.matchAll(PATTERN)) {
    const known =
      (PLACEHOLDERS as readonly string[]).includes(name!) ||
      (name!.startsWith('angabe.') && answerFields.includes(name!.slice('angabe.'.length)));
    if (!known) unknown.add(name!);
  }
  return [...unknown];
}

/** The fee placeholders for a fee in cents (none or 0: the act is free of charge). */
export function feeValues(cents: number | null | undefined): Pick<NoticeValues, 'gebuehr' | 'gebuehrenfestsetzung'> {
  const amount = formatMoney('de', (cents ?? 0) / 100);
  return {
    gebuehr: amount,
    gebuehrenfestsetzung: cents
      ? `Für diese Amtshandlung wird eine Gebühr von ${amount} festgesetzt.`
      : 'Diese Amtshandlung ist gebührenfrei.',
  };
}

/** Placeholders the template uses that have no value for this notice: issuing is refused while any is left. */
export function emptyPlaceholders(template: string, values: NoticeValues): string[] {
  const empty = new Set<string>();
  for (const [, name] of template.matchAll(PATTERN)) {
    const value = name!.startsWith('angabe.') ? values.answers[name!.slice('angabe.'.length)] : values[name as Placeholder];
    if (!value?.trim()) empty.add(name!);
  }
  return [...empty];
}

/** "Guten Tag Erika Mustermann," for a named applicant; the collective greeting only when no name is known. */
export function salutation(name: string): string {
  return name.trim() ? `Guten Tag ${name.trim()},` : 'Sehr geehrte Damen und Herren,';
}

export function fillPlaceholders(template: string, values: NoticeValues): string {
  return template.replace(PATTERN, (_, name: string) =>
    name.startsWith('angabe.') ? (values.answers[name.slice('angabe.'.length)] ?? '') : (values[name as Placeholder] ?? ''),
  );
}

export const DEFAULT_BODY = `{{anrede}}

zu Ihrem Antrag „{{leistung}}“ vom {{antragsdatum}} (Eingangsnummer {{eingangsnummer}}) ergeht folgender Bescheid:

1. Ihrem Antrag wird entsprochen.
2. {{gebuehrenfestsetzung}}

Begründung:
Die Voraussetzungen liegen vor. Ihre Angaben wurden geprüft.`;

export const DEFAULT_LEGAL_REMEDY = `Rechtsbehelfsbelehrung:
Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage erhoben werden. Die Klage ist schriftlich beim Verwaltungsgericht Köln, Appellhofplatz, 50667 Köln, einzureichen oder zur Niederschrift des Urkundsbeamten der Geschäftsstelle zu erklären. Die Klage kann auch als elektronisches Dokument nach Maßgabe des § 55a der Verwaltungsgerichtsordnung (VwGO) und der Elektronischer-Rechtsverkehr-Verordnung (ERVV) eingereicht werden.`;
