/* A card's own actions (templates/library/detail.html): "Try it now" and "Add to a new routine"
   are plain links; this adds "Add to one of your routines", listing the routines saved on this
   device, each opening the builder with the technique added as its last step. */
// @ts-check
import { byId, make } from '../lib/dom.js';
import * as store from '../lib/store.js';

const slug = encodeURIComponent(byId('card-actions').dataset.technique || '');

async function draw() {
  const mine = (await store.all('routines').catch(() => [])).filter((r) => r && r.name);
  mine.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  byId('add-to-mine').hidden = mine.length === 0;
  byId('add-to-mine-list').replaceChildren(...mine.map((routine) => make('li', {},
    make('a', { href: `/routines/new?id=${encodeURIComponent(routine.id)}&add=${slug}`, textContent: routine.name }))));
}
draw().catch(() => {});
