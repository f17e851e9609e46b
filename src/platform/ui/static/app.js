// Enhancements only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
  document.querySelectorAll('input[data-suggest]').forEach(suggestWhileTyping);
});

// Search suggestions: fills the input's <datalist> from the JSON endpoint named in data-suggest;
// choosing a suggestion that names a service opens it directly.
function suggestWhileTyping(input) {
  const list = input.list;
  if (!list) return;
  let timer;
  let latest = [];
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const match = latest.find((item) => item.name === input.value);
    if (match) {
      window.location.assign(match.url);
      return;
    }
    timer = setTimeout(async () => {
      if (input.value.trim().length < 2) return;
      try {
        const response = await fetch(`${input.dataset.suggest}?q=${encodeURIComponent(input.value)}`, { headers: { accept: 'application/json' } });
        if (!response.ok) return;
        latest = (await response.json()).suggestions;
        list.replaceChildren(...latest.map((item) => Object.assign(document.createElement('option'), { value: item.name })));
      } catch {
        // Offline or slow: the form still submits to the full search.
      }
    }, 150);
  });
}

// Live conditional fields: elements with data-visible-if hold a condition over the form's answers (the same
// operators the server evaluates); they are hidden while it does not hold. Without JavaScript all are shown.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('form').forEach((form) => {
    const conditional = form.querySelectorAll('[data-visible-if]');
    if (conditional.length === 0) return;
    const update = () => conditional.forEach((element) => {
      element.hidden = !holds(JSON.parse(element.dataset.visibleIf), form);
    });
    form.addEventListener('change', update);
    form.addEventListener('input', update);
    update();
  });
});

function answerOf(form, name) {
  const fields = [...form.elements].filter((element) => element.name === name);
  if (fields.length === 0) return undefined;
  if (fields[0].type === 'radio') return fields.find((field) => field.checked)?.value ?? '';
  if (fields[0].type === 'checkbox') return fields.filter((field) => field.checked).map((field) => field.value);
  return fields[0].value.trim();
}

function holds(condition, form) {
  if (condition.all) return condition.all.every((inner) => holds(inner, form));
  if (condition.any) return condition.any.some((inner) => holds(inner, form));
  if (condition.not) return !holds(condition.not, form);
  const value = answerOf(form, condition.field);
  if (value === undefined) return true;
  if ('equals' in condition) return Array.isArray(value) ? value.includes(String(condition.equals)) : value === String(condition.equals);
  if ('in' in condition) return condition.in.map(String).includes(value);
  if ('greaterThan' in condition) return (Array.isArray(value) ? value.length : Number(String(value).replace(',', '.'))) > condition.greaterThan;
  const filled = Array.isArray(value) ? value.length > 0 : value !== '';
  return filled === condition.filled;
}
