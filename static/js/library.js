/* Filters and search for the card list, in the page so they work offline. The rules match
   webapp/library/filters.py, which renders the same result without JavaScript; the search's
   synonyms are the server's own table (lib/search.js). */
// @ts-check
import { byId, debounce } from './lib/dom.js';
import { matchesQuery, rank } from './lib/search.js';

const form = /** @type {HTMLFormElement & { elements: { q: HTMLInputElement } }} */ (byId('library-filters'));

const FIELDS = ['q', 'kind', 'area', 'position', 'equipment'];
const list = byId('card-list');
// In the list's own order (the server may have drawn them ranked for a search in the address).
const tiles = Array.from(/** @type {NodeListOf<HTMLElement>} */ (list.querySelectorAll('.card-tile')))
  .sort((a, b) => Number(a.dataset.order) - Number(b.dataset.order));
const count = byId('result-count');
const empty = byId('no-results');
const clear = byId('clear-filters');

/** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll('[data-js-hide]')).forEach((el) => { el.hidden = true; });

const read = () => Object.fromEntries(
  FIELDS.map((name) => [name, (form.elements[name].value || '').trim().replace(/\s+/g, ' ')]),
);

function matches(tile, f) {
  const d = tile.dataset;
  if (f.kind && d.kind !== f.kind) return false;
  if (f.position && d.position !== f.position) return false;
  if (f.area && !d.areas.split(' ').includes(f.area)) return false;
  if (f.equipment && !d.equipment.split(' ').includes(f.equipment)) return false;
  if (f.q) return matchesQuery(f.q, d.search);
  return true;
}

/** Best match first for a search, as the server lists them (webapp/library/filters.py ordered):
    a stable sort, so equal matches keep the list's order; cards that do not match go last. */
function ordered(q) {
  if (!q) return tiles;
  const key = (/** @type {HTMLElement} */ tile) => rank(q, tile.dataset.search || '') ?? Infinity;
  return tiles.map((tile) => ({ tile, at: key(tile) })).sort((a, b) => (a.at === b.at ? 0 : a.at - b.at)).map((x) => x.tile);
}

function apply(updateUrl) {
  const filters = read();
  let shown = 0;
  for (const tile of tiles) {
    const ok = matches(tile, filters);
    tile.hidden = !ok;
    if (ok) shown += 1;
  }
  const order = ordered(filters.q);
  // Moved only when the order changes, so typing that keeps it moves nothing.
  if (order.some((tile, i) => list.children[i] !== tile)) list.append(...order);
  count.textContent = `${shown} of ${tiles.length} techniques`;
  empty.hidden = shown > 0;
  const active = Object.values(filters).some(Boolean);
  clear.hidden = !active;
  if (updateUrl) {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
    const query = params.toString();
    window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
  }
}

// Offline, the service worker answers any query with the saved, unfiltered page: take the
// filters from the address so a shared or bookmarked filtered link still shows the right cards.
const params = new URLSearchParams(window.location.search);
for (const name of FIELDS) {
  if (params.has(name)) form.elements[name].value = params.get(name);
}

const applySoon = debounce(() => apply(true), 200);
form.addEventListener('input', applySoon);
form.addEventListener('change', applySoon);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  apply(true);
});
clear.addEventListener('click', (event) => {
  event.preventDefault();
  for (const name of FIELDS) form.elements[name].value = '';
  apply(true);
  form.elements.q.focus();
});
apply(false);
