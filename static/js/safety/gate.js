/* Applies the safety answers to the pages that lead to a routine: the first-run offer of the
   check and a red-flag day's message on the home page, and on card and routine pages why a technique is not advised for this person.
   The player enforces the same rules itself (routine/player.js). */
// @ts-check
import { byId } from '../lib/dom.js';
import * as catalog from '../lib/catalog.js';
import * as records from '../sync/records.js';
import * as safety from './state.js';
import * as safetyRules from './rules.js';

const today = byId('safety-today');
const card = byId('card-safety');
const routineNote = byId('routine-safety');
const firstRun = byId('safety-first-run');
const tiles = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.card-tile[data-slug], .routine-tile[data-routine]'));

/** A short note on list tiles; the card or routine page says why. */
function markTiles(state) {
  for (const tile of tiles) {
    tile.querySelector('.safety-tag')?.remove();
    let concern = false;
    if (tile.dataset.slug) concern = Boolean(state.notAdvised[tile.dataset.slug]);
    else {
      const routine = state.data.routines.find((r) => r.id === tile.dataset.routine);
      concern = safetyRules.routineConcerns(routine, state.notAdvised).length > 0;
    }
    if (!concern) continue;
    const tag = document.createElement('span');
    tag.className = 'badge badge-urgent safety-tag';
    tag.textContent = tile.dataset.slug ? 'Not advised for you' : 'Some steps not advised for you';
    (tile.querySelector('.tile-text') || tile.querySelector('h3')).after(tag);
  }
}

function notAdvisedText(reasons) {
  return 'Not advised for you: you told us you have ' + reasons.join('; and ') + '.';
}

function changeLink() {
  const a = document.createElement('a');
  a.href = safety.checkUrl({ part: 'contraindications', source: 'settings', next: window.location.pathname });
  a.textContent = 'Change your answers';
  return a;
}

async function draw() {
  const state = await safety.current();
  if (today) {
    if (state.block) safety.renderBlock(today, state.block);
    else today.hidden = true;
  }
  // Offered on first run; the player insists on it before the first routine.
  if (firstRun) firstRun.hidden = state.screenings.length > 0 || Boolean(state.block);
  if (tiles.length) markTiles(state);
  if (card) {
    const reasons = state.notAdvised[card.dataset.technique];
    card.hidden = !reasons;
    if (reasons) {
      const p = document.createElement('p');
      p.textContent = notAdvisedText(reasons) + ' ';
      p.append(changeLink());
      card.replaceChildren(p);
    }
  }
  if (routineNote) {
    const routine = await catalog.routine(routineNote.dataset.routine);
    const concerns = safetyRules.routineConcerns(routine, state.notAdvised);
    routineNote.replaceChildren();
    if (state.block) {
      safety.renderBlock(routineNote, state.block);
      return;
    }
    routineNote.className = 'callout stop';
    routineNote.hidden = concerns.length === 0;
    if (!concerns.length) return;
    const heading = document.createElement('p');
    heading.textContent = 'Some steps are not advised for you. The player will offer to skip them:';
    const list = document.createElement('ul');
    for (const concern of concerns) {
      const item = document.createElement('li');
      item.textContent = state.data.techniques[concern.technique].name + ': you told us you have ' + concern.reasons.join('; and ') + '.';
      list.append(item);
    }
    const change = document.createElement('p');
    change.append(changeLink());
    routineNote.append(heading, list, change);
  }
}

if (today || card || routineNote || firstRun || tiles.length) {
  draw().catch(() => { /* no answers yet, or storage unavailable: nothing to show */ });
  records.onChange(() => draw().catch(() => {}), { types: ['screening', 'symptom_log'] });
  window.addEventListener('relieve:synced', () => draw().catch(() => {}));
}
