/* The device's safety state: the screening answers and log entries run through the rules
   (safety/rules.js), plus saving answers and the "get medical help" message with tap-to-call
   buttons for the person's region (safety/calls.js). Used by the safety
   check, the player, routine and card pages, the home page and the log. */
// @ts-check
import { make, prefs } from '../lib/dom.js';
import { localDay } from '../lib/days.js';
import { regionFor, telHref } from './calls.js';
import { uuid7 } from '../lib/ids.js';
import * as catalog from '../lib/catalog.js';
import * as records from '../sync/records.js';
import * as safetyRules from './rules.js';
import * as store from '../lib/store.js';

async function current() {
  const data = await catalog.load();
  const [screenings, logs] = await Promise.all([
    store.all('screenings').catch(() => []),
    store.all('logs').catch(() => []),
  ]);
  const state = safetyRules.assess({ screenings, logs, questions: data.safety, techniques: data.techniques });
  return { ...state, data, screenings, logs };
}

function saveScreening(kind, answers, source) {
  const now = Date.now();
  return records.save('screening', { id: uuid7(now), kind, takenAt: new Date(now).toISOString(), answers, source });
}

/** Only a page on this site may be continued to after the check. Parsed as the browser will
    parse it (tabs and backslashes included), then reduced to its path and query. */
function safeNext(value) {
  if (typeof value !== 'string' || !value.startsWith('/')) return null;
  try {
    const url = new URL(value, window.location.origin);
    return url.origin === window.location.origin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

function checkUrl({ next = null, part = null, source = null, signs = [] } = {}) {
  const params = new URLSearchParams();
  if (part) params.set('part', part);
  if (source) params.set('source', source);
  if (signs.length) params.set('signs', signs.join(','));
  if (safeNext(next)) params.set('next', next);
  const query = params.toString();
  return '/safety/' + (query ? '?' + query : '');
}

const link = (href, text) => make('a', { href, textContent: text });
const REGION_KEY = 'relieve.region';

/** The region whose numbers to show: the person's choice, the deployment's, or a guess. */
function region(calls) {
  return regionFor(calls, {
    chosen: prefs.get(REGION_KEY),
    languages: navigator.languages || [navigator.language],
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
}

/** "today at 10:42", "yesterday at 21:05", or a date. @param {number} at */
function whenNoted(at) {
  const day = localDay(at);
  const clock = new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (day === localDay(Date.now())) return `today at ${clock}`;
  if (day === localDay(Date.now() - 864e5)) return `yesterday at ${clock}`;
  return new Date(at).toLocaleDateString([], { day: 'numeric', month: 'short' }) + ` at ${clock}`;
}

/** Tap-to-call buttons, most urgent first. "Emergency now" shows the emergency number alone: a
    second, slower instruction beside it (an advice line, "call your GP today") would blur what
    to do. "Today" leads with the urgent advice line, or says to call the GP where the region has
    no sourced line, with the emergency number for "if it gets worse". */
function callButtons(tier, place) {
  const box = make('div', { className: 'call-actions' });
  if (!place) {
    box.append(make('p', { className: 'strong-line', textContent: tier.call === 'emergency'
      ? 'Call your local emergency number now.' : 'Call your GP surgery, or your local urgent advice line.' }));
    return box;
  }
  const emergency = make('a', { className: 'button call call-emergency', href: telHref(place.emergency), textContent: `Call ${place.emergency}` });
  emergency.setAttribute('aria-label', `Call ${place.emergency}, the emergency number`);
  if (tier.call === 'emergency') {
    emergency.classList.add('huge');
    box.append(emergency);
    return box;
  }
  const urgent = place.urgent
    ? make('a', { className: 'button call call-urgent', href: telHref(place.urgent), textContent: `Call ${place.urgentName || place.urgent}` })
    : make('p', { className: 'call-note', textContent: 'Call your doctor (GP) and ask for advice today.' });
  if (place.urgent) urgent.setAttribute('aria-label', `Call ${place.urgentName || place.urgent} (${place.urgent}), for urgent advice`);
  urgent.classList.add('huge');
  emergency.textContent = `If it gets worse: call ${place.emergency}`;
  box.append(urgent, emergency);
  return box;
}

/** Numbers for which region, changeable in one tap. */
function regionPicker(calls, place, onChange) {
  const id = 'region-' + Math.random().toString(36).slice(2, 8);
  const select = make('select', { id });
  select.append(make('option', { value: '', textContent: 'Choose your region' }));
  for (const r of calls.regions) select.append(make('option', { value: r.id, textContent: r.name, selected: Boolean(place && r.id === place.id) }));
  select.addEventListener('change', () => {
    if (!select.value) return;
    prefs.set(REGION_KEY, select.value);
    onChange();
  });
  return make('p', { className: 'region-picker' }, make('label', { htmlFor: id, textContent: 'Numbers for ' }), select);
}

/** What to hand a doctor: the signs, from where, and when they were noted. */
function doctorCard(block, headingLevel) {
  const card = make('section', { className: 'doctor-card' });
  const heading = headingLevel === 'h1' ? 'h2' : 'h3';
  card.append(make(heading, { textContent: 'Show this to the doctor' }));
  const list = make('ul');
  for (const reason of block.reasons) {
    const where = reason.source === 'log' ? 'on my symptom log' : 'in the safety check';
    list.append(make('li', {}, make('strong', { textContent: reason.question }), ` Noted ${where} ${whenNoted(reason.at)}.`));
  }
  card.append(list);
  for (const combination of block.combinations || []) card.append(make('p', { textContent: combination.explanation }));
  return card;
}

/**
 * The message for a day with a red flag: the tier's name and advice, tap-to-call buttons first
 * for "Emergency now" and "Today", then what to show the doctor, then how to undo a mistake.
 * @param {HTMLElement} container
 * @param {{ block: import('./rules.js').Block, data: { safety: any } }} state  from current()
 * @param {{ headingLevel?: 'h1' | 'h2' | 'h3' }} [options]
 */
function renderBlock(container, state, { headingLevel = 'h2' } = {}) {
  const { block } = state;
  const safetyData = state.data.safety;
  const tier = safetyData.tiers.find((t) => t.id === block.tier);
  const place = region(safetyData.calls);
  container.replaceChildren();
  container.className = `callout urgent safety-block tier-${tier.id}`;
  container.append(make(headingLevel, { className: 'tier-name', textContent: tier.name }));
  if (tier.call) container.append(callButtons(tier, place));
  container.append(make('p', { className: 'strong-line', textContent: tier.action }));
  container.append(regionPicker(safetyData.calls, place, () => renderBlock(container, state, { headingLevel })));
  container.append(doctorCard(block, headingLevel));
  container.append(make('p', { textContent: 'Relieve won\'t start routines today. Please don\'t massage or stretch until a doctor has checked you.' }));
  const more = make('p');
  more.append(link('/learn/when-to-get-help', 'When to get medical help'));
  // A mistake is undone where it was made: the log entry that recorded it, or a new check.
  const fromLog = block.reasons.find((r) => r.source === 'log' && r.logId);
  if (fromLog) more.append(' · ', link('/log/new?id=' + encodeURIComponent(fromLog.logId), 'Ticked by mistake? Edit the log entry'));
  if (block.reasons.some((r) => r.source !== 'log')) {
    more.append(' · ', link(checkUrl({ part: 'emergency,warning', source: 'settings' }), 'Answered by mistake? Go through the check again'));
  }
  container.append(more);
  container.hidden = false;
}

export { current, saveScreening, checkUrl, safeNext, renderBlock };
