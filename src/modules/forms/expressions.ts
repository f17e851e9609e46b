// Evaluates conditions and computed values over a submission's answers. Pure functions, no eval:
// a definition can only combine the operators defined in definition.ts.
import type { Condition, Expression, ServiceDefinition } from './definition.js';

export type Answer = string | string[] | Answers[] | undefined;
export type Answers = { [name: string]: Answer };
/** The amounts a definition's `{ rate }` expressions stand for, as the town set them. */
export type Rates = Record<string, number>;

export function ratesOf(definition: Pick<ServiceDefinition, 'rates'>): Rates {
  return Object.fromEntries(Object.entries(definition.rates ?? {}).map(([name, rate]) => [name, rate.amount]));
}

function answerOf(answers: Answers, name: string): Answer {
  return answers[name];
}

function asNumber(value: Answer): number {
  if (typeof value !== 'string' || value.trim() === '') return 0;
  // Stored numbers use a decimal point ("400.50"); typed ones may be German ("1.200,50").
  const parsed = /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number(value.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : 0;
}

export function holds(condition: Condition | undefined, answers: Answers, rates: Rates = {}): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((inner) => holds(inner, answers, rates));
  if ('any' in condition) return condition.any.some((inner) => holds(inner, answers, rates));
  if ('not' in condition) return !holds(condition.not, answers, rates);
  if ('more' in condition) return evaluate(condition.more[0], answers, rates) > evaluate(condition.more[1], answers, rates);
  const value = answerOf(answers, condition.field);
  if ('equals' in condition)
    return Array.isArray(value) ? value.includes(String(condition.equals) as never) : value === String(condition.equals);
  if ('in' in condition) return typeof value === 'string' && condition.in.map(String).includes(value);
  if ('before' in condition) {
    const other = answerOf(answers, condition.before);
    return typeof value === 'string' && typeof other === 'string' && value !== '' && other !== '' && value < other;
  }
  if ('greaterThan' in condition) return (Array.isArray(value) ? value.length : asNumber(value)) > condition.greaterThan;
  const filled = Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== '';
  return filled === condition.filled;
}

export function evaluate(expression: Expression, answers: Answers, rates: Rates = {}): number {
  if (typeof expression === 'number') return expression;
  if ('rate' in expression) return rates[expression.rate] ?? 0;
  if ('field' in expression) return asNumber(answerOf(answers, expression.field));
  if ('sum' in expression) return expression.sum.reduce<number>((total, part) => total + evaluate(part, answers, rates), 0);
  if ('times' in expression) return evaluate(expression.times[0], answers, rates) * evaluate(expression.times[1], answers, rates);
  if ('count' in expression) {
    const items = answerOf(answers, expression.count);
    return Array.isArray(items) ? items.length : 0;
  }
  if ('sumOver' in expression) {
    const items = answerOf(answers, expression.sumOver);
    if (!Array.isArray(items)) return 0;
    return (items as Answers[]).reduce<number>(
      (total, item, index) => total + evaluate(expression.of, { ...answers, ...item, position: String(index + 1) }, rates),
      0,
    );
  }
  return holds(expression.if, answers, rates) ? evaluate(expression.then, answers, rates) : evaluate(expression.else, answers, rates);
}
