/* Applies the safety answers to the pages that lead to a routine: the first-run offer of the
   check, when it was last answered and a red-flag day's message on the home page; on card and
   routine pages why a technique is not advised for this person; and on a red-flag day, every
   link that would start a routine shows that routines are paused today, and why. The player
   enforces the same rules itself (routine/player.js). */
// @ts-check
import { byId } from '../lib/dom.js';
import * as catalog from '../lib/catalog.js';
import * as records from '../sync/records.js';
import * as safety from './state.js';
import * as safetyRules from './rules.js';
import { settleAfter } from '../lib/settle.js';

const today = byId('safety-today');
const card = byId('card-safety');
const routineNote = byId('routine-safety');
const firstRun = byId('safety-first-run');
const last = byId('safety-last');
const starts = /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll('a[href^="/play"]'));
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

/** "today", "yesterday", "3 days ago". @param {number} at */
function daysAgo(at) {
  const days = Math.round((new Date().setHours(0, 0, 0, 0) - new Date(at).setHours(0, 0, 0, 0)) / 864e5);
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** When the emergency questions were last answered, and an offer to answer them again when due. */
function showLastCheck(state) {
  if (!last || !state.screenings.length || state.block) {
    if (last) last.hidden = true;
    return;
  }
  last.replaceChildren(state.lastCheck === null ? 'Safety check: the emergency questions are not answered yet. '
    : `Safety check: last answered ${daysAgo(state.lastCheck)}. `);
  const again = document.createElement('a');
  again.href = safety.checkUrl({ part: 'emergency', source: 'settings', next: window.location.pathname });
  again.textContent = state.needs.emergency ? 'Time to check the emergency signs again (one screen)' : 'Check again';
  last.append(again);
  last.classList.toggle('due', state.needs.emergency);
  last.hidden = false;
}

/** On a red-flag day, every way into a routine says it is paused and leads to why. */
function markStarts(block) {
  for (const link of starts) {
    if (link.dataset.label === undefined) {
      link.dataset.label = link.innerHTML;
      link.dataset.aria = link.getAttribute('aria-label') || '';
    }
    link.classList.toggle('is-blocked', Boolean(block));
    if (block) {
      link.textContent = 'Paused today: see why';
      link.setAttribute('aria-label', 'Routines are paused today because of a warning sign: see why and who to call');
    } else {
      link.innerHTML = link.dataset.label;
      if (link.dataset.aria) link.setAttribute('aria-label', link.dataset.aria);
      else link.removeAttribute('aria-label');
    }
  }
}

/** Pages with no place of their own for the message (lists, cards) get it at the top. */
function banner() {
  let box = byId('safety-banner');
  if (!box) {
    box = document.createElement('div');
    box.id = 'safety-banner';
    box.setAttribute('role', 'alert');
    document.querySelector('main').prepend(box);
  }
  return box;
}

async function draw() {
  const state = await safety.current();
  markStarts(state.block);
  showLastCheck(state);
  if (!today && !routineNote) {
    if (state.block) safety.renderBlock(banner(), state);
    else if (byId('safety-banner')) byId('safety-banner').hidden = true;
  }
  if (today) {
    if (state.block) safety.renderBlock(today, state);
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
      safety.renderBlock(routineNote, state);
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

if (today || card || routineNote || firstRun || tiles.length || starts.length) {
  settleAfter(draw()).catch(() => { /* no answers yet, or storage unavailable: nothing to show */ });
  records.onChange(() => draw().catch(() => {}), { types: ['screening', 'symptom_log'] });
  window.addEventListener('relieve:synced', () => draw().catch(() => {}));
}
