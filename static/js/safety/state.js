/* The device's safety state: the screening answers and log entries run through the rules
   (safety/rules.js), plus saving answers and the "get medical help" message. Used by the safety
   check, the player, routine and card pages, the home page and the log. */
// @ts-check
import { make } from '../lib/dom.js';
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

/** The message for a day with a red flag. Plain words, what to do first, and why.
    @param {HTMLElement} container @param {import('./rules.js').Block} block
    @param {{ headingLevel?: 'h1' | 'h2' | 'h3' }} [options] */
function renderBlock(container, block, { headingLevel = 'h2' } = {}) {
  const emergency = block.level === 'emergency';
  container.replaceChildren();
  container.className = 'callout urgent safety-block';
  container.append(make(headingLevel, { textContent: emergency ? 'Get urgent medical help now' : 'See a doctor before doing a routine' }));
  container.append(make('p', { textContent: 'You told us about:' }));
  const list = make('ul');
  for (const reason of block.reasons) list.append(make('li', { textContent: reason.question }));
  container.append(list);
  if (emergency) {
    container.append(make('p', { textContent: 'With sciatica, these can be signs of cauda equina syndrome: a rare problem with the nerves at the bottom of the spine that needs treatment in hospital the same day.' }));
    container.append(make('p', { textContent: 'Go to an emergency department (A&E) now, or call your emergency number: 999 in the UK, 112 in Europe, 911 in the US and Canada. Do not wait to see if it passes.', className: 'strong-line' }));
  } else {
    container.append(make('p', { textContent: 'A doctor should check what is causing your pain before you start self-care. Make an appointment to see your doctor soon. If you feel very unwell or it is getting worse quickly, get urgent advice (NHS 111 in the UK).', className: 'strong-line' }));
  }
  container.append(make('p', { textContent: 'Relieve won\'t start routines today. Please don\'t massage or stretch until a doctor has checked you.' }));
  const more = make('p');
  more.append(link('/learn/when-to-get-help', 'When to get medical help'));
  // A mistake is undone where it was made: the log entry that recorded it, or a new check.
  const fromLog = block.reasons.find((r) => r.source === 'log' && r.logId);
  if (fromLog) more.append(' · ', link('/log/new?id=' + encodeURIComponent(fromLog.logId), 'Ticked by mistake? Edit the log entry'));
  if (block.reasons.some((r) => r.source !== 'log')) {
    more.append(' · ', link(checkUrl({ part: 'red-flags', source: 'settings' }), 'Answered by mistake? Go through the check again'));
  }
  container.append(more);
  container.hidden = false;
}

export { current, saveScreening, checkUrl, safeNext, renderBlock };
