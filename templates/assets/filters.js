// Directory filters. The form is in the page from the start (so showing it shifts nothing) and
// hidden by noscript.css when JavaScript is off, where the grouped list works alone. This hides items whose data-KEY attribute does not contain the chosen value.
// Groups with no visible item are hidden; counts are updated and announced in a status region.
const form = document.querySelector('form[data-filters]');
const status = document.querySelector('[data-filter-count]');
if (form) {
  const items = [...document.querySelectorAll('[data-filter-item]')];
  const groups = [...document.querySelectorAll('[data-filter-group]')];
  const selects = [...form.querySelectorAll('select[data-filter]')];
  const noun = status ? status.dataset.noun : 'items';

  const apply = () => {
    const chosen = selects.filter((s) => s.value !== '').map((s) => [s.dataset.filter, s.value]);
    let shown = 0;
    for (const item of items) {
      const match = chosen.every(([key, value]) => (item.dataset[key] || '').split(' ').includes(value));
      item.hidden = !match;
      if (match) shown++;
    }
    for (const group of groups) {
      const visible = group.querySelectorAll('[data-filter-item]:not([hidden])').length;
      group.hidden = visible === 0;
      const count = group.querySelector('[data-group-count]');
      if (count) count.textContent = String(visible);
    }
    if (status) {
      status.textContent = chosen.length === 0
        ? `Showing all ${items.length} ${noun}.`
        : `Showing ${shown} of ${items.length} ${noun}.`;
    }
    const params = new URLSearchParams();
    for (const [key, value] of chosen) params.set(key, value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };

  // Filters chosen earlier (the address keeps them, so back and reload restore the view).
  const initial = new URLSearchParams(location.search);
  for (const s of selects) {
    const v = initial.get(s.dataset.filter);
    if (v && [...s.options].some((o) => o.value === v)) s.value = v;
  }
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply, 0));
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}
