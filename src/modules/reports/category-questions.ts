// Extra questions as editors write them: one per line, "code | Frage | Question | Pflicht | Antwort 1, Antwort 2".
// The fourth part is "ja" for a required question; answers make it a choice, without them it is free text.
import type { CategoryQuestion } from './tables.js';

export function questionsToText(questions: CategoryQuestion[]): string {
  return questions
    .map((question) =>
      [
        question.code,
        question.de,
        question.en,
        question.required ? 'ja' : 'nein',
        (question.values ?? []).map((value) => value.de).join(', '),
      ]
        .join(' | ')
        .replace(/ \| $/, ''),
    )
    .join('\n');
}

const keyOf = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'wert';

/** The questions, or the number of the first line that cannot be read. */
export function questionsFromText(text: string): { questions: CategoryQuestion[] } | { badLine: number } {
  const questions: CategoryQuestion[] = [];
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  for (const [index, line] of lines.entries()) {
    if (!line) continue;
    const [code, de, en, required, answers] = line.split('|').map((part) => part.trim());
    if (!code || !/^[a-z][a-z0-9-]{0,39}$/.test(code) || !de || !en || questions.some((question) => question.code === code))
      return { badLine: index + 1 };
    const values = (answers ?? '')
      .split(',')
      .map((answer) => answer.trim())
      .filter(Boolean)
      .map((answer) => ({ key: keyOf(answer), de: answer, en: answer }));
    questions.push({
      code,
      de,
      en,
      required: /^(ja|yes|true)$/i.test(required ?? ''),
      datatype: values.length ? 'singlevaluelist' : 'string',
      ...(values.length ? { values } : {}),
    });
  }
  return { questions };
}
