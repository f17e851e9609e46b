// Enhancements only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
  document.querySelectorAll('input[data-suggest]').forEach(suggestWhileTyping);
  document.querySelectorAll('form[data-check]').forEach(checkWhileTyping);
  document.querySelectorAll('svg[data-pick-for]').forEach(pickOnMap);
  document.querySelectorAll('button[data-locate-for]').forEach(useMyPosition);
  document.querySelectorAll('button[data-live-map]').forEach(offerLiveMap);
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
    const match = latest.find((item) => item.name === input.value && item.url);
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
  if (condition.more || 'before' in condition) return true; // compared on the server
  const value = answerOf(form, condition.field);
  if (value === undefined) return true;
  if ('equals' in condition) return Array.isArray(value) ? value.includes(String(condition.equals)) : value === String(condition.equals);
  if ('in' in condition) return condition.in.map(String).includes(value);
  if ('greaterThan' in condition) return (Array.isArray(value) ? value.length : Number(String(value).replace(',', '.'))) > condition.greaterThan;
  const filled = Array.isArray(value) ? value.length > 0 : value !== '';
  return filled === condition.filled;
}

// Inline validation: when a field changes, the step's answers go to the form's check endpoint, which applies
// exactly the server's rules without saving; the message appears at the field (and disappears when fixed).
function checkWhileTyping(form) {
  const touched = new Set();
  form.addEventListener('change', async (event) => {
    if (!event.target.name || event.target.type === 'file') return;
    touched.add(event.target.name.replace(/\.(street|postalCode|city|coordinates)$/, ''));
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && name !== 'action') body.append(name, value);
    try {
      const response = await fetch(form.dataset.check, { method: 'POST', body, headers: { accept: 'application/json', 'csrf-token': form.elements._csrf.value } });
      if (!response.ok) return;
      const { errors } = await response.json();
      for (const name of touched) showFieldError(form, name, errors[name]);
    } catch {
      // Offline: the server checks again on "next".
    }
  });
}

function showFieldError(form, name, message) {
  const control = form.querySelector(`[id="f-${name}"], [id="f-${name}.street"]`);
  const field = control?.closest('.field');
  if (!field) return;
  const id = `${control.id}-error`;
  let slot = document.getElementById(id);
  if (!message) {
    slot?.remove();
    field.classList.remove('field--error');
    control.removeAttribute('aria-invalid');
    return;
  }
  if (!slot) {
    slot = Object.assign(document.createElement('p'), { className: 'error-message', id });
    control.before(slot);
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
  }
  slot.textContent = message;
  field.classList.add('field--error');
  control.setAttribute('aria-invalid', 'true');
}

// Map picking: a click on the town map fills the coordinates input named in data-pick-for and moves the mark.
// With the keyboard: the map takes focus, the arrow keys move the mark (Shift for bigger steps).
function pickOnMap(svg) {
  const input = document.getElementById(`f-${svg.dataset.pickFor}`);
  const [minLat, minLng, cos, scale, height] = svg.dataset.inverse.split(' ').map(Number);
  const marker = svg.querySelector('.map-marker');
  const place = (x, y) => {
    const lat = minLat + (height - 20 - y) / scale;
    const lng = minLng + (x - 20) / (cos * scale);
    input.value = `${lat.toFixed(5)}, ${lng.toFixed(5)}`;
    marker.setAttribute('cx', x.toFixed(1));
    marker.setAttribute('cy', y.toFixed(1));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  svg.addEventListener('click', (event) => {
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
    place(point.x, point.y);
  });
  svg.setAttribute('tabindex', '0');
  const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  svg.addEventListener('keydown', (event) => {
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    const size = event.shiftKey ? 20 : 4;
    const x = Number(marker.getAttribute('cx')) < 0 ? 240 : Number(marker.getAttribute('cx'));
    const y = Number(marker.getAttribute('cy')) < 0 ? 160 : Number(marker.getAttribute('cy'));
    place(x + step[0] * size, y + step[1] * size);
  });
}

// "Use my position": shown only where the browser can tell it; fills the coordinates input.
function useMyPosition(button) {
  if (!navigator.geolocation) return;
  const input = document.getElementById(`f-${button.dataset.locateFor}`);
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition((position) => {
      input.value = `${position.coords.latitude.toFixed(5)}, ${position.coords.longitude.toFixed(5)}`;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, () => input.focus(), { enableHighAccuracy: true, timeout: 10000 });
  });
}

// Keyboard shortcuts for staff: j/k move between the case links of a list, buttons with data-shortcut react to
// their key. Never while typing in a field, never with a modifier key.
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest('input, textarea, select, [contenteditable]')) return;
  const links = [...document.querySelectorAll('main table a[href^="/bo/vorgaenge/"]')];
  if ((event.key === 'j' || event.key === 'k') && links.length) {
    const current = links.indexOf(document.activeElement);
    const next = event.key === 'j' ? Math.min(current + 1, links.length - 1) : Math.max(current - 1, 0);
    links[next].focus();
    event.preventDefault();
    return;
  }
  const button = document.querySelector(`button[data-shortcut="${CSS.escape(event.key)}"]`);
  if (button) {
    event.preventDefault();
    button.click();
  }
});

// The interactive map, on request: Leaflet is loaded only now (the page itself stays small). Tiles when the
// town configured a tile server; the town's outline and villages always, so it works without any external
// service. Markers come from the GeoJSON; close ones are grouped by a grid that follows the zoom. The list below
// the map stays the equivalent for screen readers; Leaflet's own keys pan (arrows) and zoom (+/-).
function offerLiveMap(button) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    await loadLeaflet();
    const holder = document.createElement('div');
    holder.className = 'live-map';
    holder.setAttribute('role', 'region');
    holder.setAttribute('aria-label', button.textContent);
    button.closest('figure').replaceWith(holder);
    const map = L.map(holder, { keyboard: true });
    if (button.dataset.tiles) L.tileLayer(button.dataset.tiles, { attribution: button.dataset.attribution || '', maxZoom: 19 }).addTo(map);
    const outline = L.polygon(JSON.parse(button.dataset.boundary), { color: '#2f6b3a', weight: 2, fillColor: '#e4efe6', fillOpacity: button.dataset.tiles ? 0.1 : 1, interactive: false }).addTo(map);
    for (const [name, lat, lng] of JSON.parse(button.dataset.localities)) L.marker([lat, lng], { icon: L.divIcon({ className: 'live-map-locality', html: `<span>${name.replace(/[<&]/g, '')}</span>` }), interactive: false, keyboard: false }).addTo(map);
    map.fitBounds(outline.getBounds());
    const features = (await (await fetch(button.dataset.liveMap)).json()).features;
    const layer = L.layerGroup().addTo(map);
    const draw = () => drawClusters(map, layer, features);
    map.on('zoomend moveend', draw);
    draw();
    holder.focus();
  });
}

function loadLeaflet() {
  if (window.L) return Promise.resolve();
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/static/leaflet/leaflet.css';
  document.head.append(css);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/static/leaflet/leaflet.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

function drawClusters(map, layer, features) {
  layer.clearLayers();
  const cells = new Map();
  for (const feature of features) {
    const [lng, lat] = feature.geometry.coordinates;
    const point = map.latLngToLayerPoint([lat, lng]);
    const key = `${Math.round(point.x / 40)}:${Math.round(point.y / 40)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(feature);
  }
  for (const group of cells.values()) {
    const [lng, lat] = group[0].geometry.coordinates;
    const single = group.length === 1;
    const props = group[0].properties;
    const title = single ? `${props.number}: ${props.categoryName}, ${props.address || ''}, ${props.statusName}` : `${group.length}`;
    const marker = L.marker([lat, lng], {
      title, alt: title, keyboard: true,
      icon: L.divIcon({ className: single ? 'live-map-marker' : 'live-map-cluster', html: single ? '' : `<span>${group.length}</span>`, iconSize: single ? [18, 18] : [30, 30] }),
    });
    // Leaflet turns Enter on a focused marker into a click.
    marker.on('click', () => (single ? location.assign(props.url) : map.setView([lat, lng], map.getZoom() + 2)));
    layer.addLayer(marker);
  }
}
