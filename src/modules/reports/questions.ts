// The extra questions of a category: checked the same way for the web form and for Open311 (where they are the
// service definition's attributes). Answers are kept as text by question code.
import type { ReportProblem } from './texts.js';
import type { CategoryQuestion } from './tables.js';

export function checkAnswers(
  questions: CategoryQuestion[],
  given: Record<string, string | undefined>,
): { answers: Record<string, string>; errors: Record<string, ReportProblem> } {
  const answers: Record<string, string> = {};
  const errors: Record<string, ReportProblem> = {};
  for (const question of questions) {
    const value = (given[question.code] ?? '').trim().slice(0, question.datatype === 'text' ? 4000 : 200);
    if (!value) {
      if (question.required) errors[question.code] = { code: 'error.question', params: { question: { de: question.de, en: question.en } } };
      continue;
    }
    if (question.datatype === 'singlevaluelist' && !question.values?.some((option) => option.key === value))
      errors[question.code] = { code: 'error.questionValue', params: { question: { de: question.de, en: question.en } } };
    else if (question.datatype === 'number' && !Number.isFinite(Number(value.replace(',', '.'))))
      errors[question.code] = { code: 'error.questionNumber', params: { question: { de: question.de, en: question.en } } };
    else answers[question.code] = value;
  }
  return { answers, errors };
}
