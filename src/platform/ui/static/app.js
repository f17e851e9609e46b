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
