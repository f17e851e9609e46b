// The extra questions of a category: checked the same way for the web form and for Open311 (where they are the
// service definition's attributes). Answers are kept as text by question code.
import type { Lang } from '../../platform/i18n/index.js';
import type { CategoryQuestion } from './tables.js';
import { reportsText } from './texts.js';

export function checkAnswers(
  questions: CategoryQuestion[],
  given: Record<string, string | undefined>,
  lang: Lang,
): { answers: Record<string, string>; errors: Record<string, string> } {
  const t = reportsText(lang);
  const answers: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const value = (given[question.code] ?? '').trim().slice(0, question.datatype === 'text' ? 4000 : 200);
    if (!value) {
      if (question.required) errors[question.code] = t('error.question', { question: question[lang] });
      continue;
    }
    if (question.datatype === 'singlevaluelist' && !question.values?.some((option) => option.key === value))
      errors[question.code] = t('error.questionValue', { question: question[lang] });
    else if (question.datatype === 'number' && !Number.isFinite(Number(value.replace(',', '.'))))
      errors[question.code] = t('error.questionNumber', { question: question[lang] });
    else answers[question.code] = value;
  }
  return { answers, errors };
}
