/* The guided player page (/play?routine=<id>). The clock is routine/timer.js, driven by
   timestamps; this file draws it, plays cues, keeps the screen on, saves progress so a reload
   resumes, and records the session in IndexedDB when the routine ends. */
// @ts-check
import { announce, byId, confirmTap, formatClock, formatMinutes, prefs } from '../lib/dom.js';
import { uuid7 } from '../lib/ids.js';
import * as catalog from '../lib/catalog.js';
import * as cues from './cues.js';
import * as expand from './expand.js';
import * as records from '../sync/records.js';
import * as safety from '../safety/state.js';
import * as safetyRules from '../safety/rules.js';
import * as store from '../lib/store.js';
import { sessionRecord } from './session.js';
import * as timer from './timer.js';

const root = byId('player');

const SAVE_KEY = 'relieve.player';
// Whether built-in routines play their optional self-massage steps (FACTS §9: an add-on to
// movement, never required). On unless the person switched it off.
const OPTIONAL_KEY = 'relieve.includeOptional';
const TICK_MS = 200;
const params = new URLSearchParams(window.location.search);
const routineId = params.get('routine');
const el = (id) => byId(id);
const views = ['player-loading', 'player-error', 'player-blocked', 'player-setup', 'player-run', 'player-done'];

let data = null;       // the catalog
let routine = null;
let state = null;      // timer state
let run = null;        // what the session record needs besides the timer
let loop = 0;
let lastSaved = 0;
let wakeLock = null;
/** @type {Record<string, string[]>} */
let notAdvised = {};   // technique → why the safety answers rule it out
let concerns = [];     // this routine's steps that the answers rule out

if (params.get('flare') === '1') document.body.classList.add('flare');
// Flare mode starts without a tap on this page, and browsers keep sound off until one comes:
// the first touch or key anywhere turns the cues on.
for (const type of ['pointerdown', 'keydown']) {
  document.addEventListener(type, () => cues.unlock(), { once: true, capture: true });
}

function show(id) {
  for (const view of views) el(view).hidden = view !== id;
}

function fail(message) {
  el('player-error-text').textContent = message;
  show('player-error');
}

function buildScale(container) {
  const name = container.dataset.name;
  for (let n = 0; n <= 10; n += 1) {
    const label = document.createElement('label');
    label.innerHTML = `<input type="radio" name="${name}" value="${n}"><span>${n}</span>`;
    container.append(label);
  }
}
const scaleValue = (name) => {
  const checked = /** @type {HTMLInputElement | null} */ (root.querySelector(`input[name="${name}"]:checked`));
  return checked ? Number(checked.value) : null;
};

// ---- setup -------------------------------------------------------------------------------

/** Play the optional steps? Always, unless the routine offers the choice and it is switched off. */
function includeOptional() {
  return el('optional-switch').hidden || /** @type {HTMLInputElement} */ (el('include-optional')).checked;
}

async function setup() {
  el('setup-name').textContent = routine.name;
  el('setup-summary').textContent = routine.summary || '';
  el('setup-summary').hidden = !routine.summary;
  const facts = await catalog.facts(routine);
  // The switch only when there is a choice: some steps optional and some not.
  const optional = routine.steps.filter((s) => s.optional === true);
  const choice = optional.length > 0 && optional.length < routine.steps.length;
  const toggle = /** @type {HTMLInputElement} */ (el('include-optional'));
  el('optional-switch').hidden = !choice;
  toggle.checked = prefs.get(OPTIONAL_KEY) !== '0';
  el('optional-hint').textContent = `Optional: ${optional.map((s) => data.techniques[s.technique].name).join(', ')}. `
    + 'Moving and stretching help most; self-massage is an extra you can leave out.';
  const describe = () => {
    const steps = includeOptional() ? routine.steps : routine.steps.filter((s) => s.optional !== true);
    const used = steps.map((s) => data.techniques[s.technique]);
    el('setup-time').textContent = formatMinutes(includeOptional() ? facts.seconds : facts.secondsWithoutOptional);
    el('setup-equipment').textContent = [...new Set(used.flatMap((t) => t.equipment))].map((e) => data.labels.equipment[e]).join(', ') || 'None';
    el('setup-positions').textContent = [...new Set(used.map((t) => t.position))].map((p) => data.labels.positions[p]).join(', ');
    el('setup-steps').textContent = steps.map((s) => data.techniques[s.technique].name + (s.optional === true ? ' (optional)' : '')).join(', ');
  };
  toggle.onchange = () => {
    prefs.set(OPTIONAL_KEY, toggle.checked ? '1' : '0');
    describe();
  };
  describe();

  const flags = await store.all('flags').catch(() => []);
  // Several devices (or days) may have flagged one technique: offer it once, with the latest date.
  const latest = new Map();
  for (const f of flags) if (!latest.has(f.technique) || latest.get(f.technique).at < f.at) latest.set(f.technique, f);
  concerns = safetyRules.routineConcerns(routine, notAdvised);
  const flagged = [...latest.values()].filter((f) => routine.steps.some((s) => s.technique === f.technique)
    && !concerns.some((c) => c.technique === f.technique));
  const list = el('flag-offer-list');
  list.replaceChildren();
  for (const flag of flagged) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = true;
    input.value = flag.technique;
    const date = new Date(flag.at).toLocaleDateString();
    label.append(input, ` Skip ${data.techniques[flag.technique].name} (flagged ${date})`);
    list.append(label);
  }
  el('flag-offer').hidden = flagged.length === 0;

  // Steps the safety answers rule out are left out, not offered: the reason is always shown,
  // and changing the answers is the way to bring a step back.
  const safetyList = el('safety-offer-list');
  safetyList.replaceChildren();
  for (const concern of concerns) {
    const item = document.createElement('li');
    item.dataset.technique = concern.technique;
    item.textContent = data.techniques[concern.technique].name + ': not advised with ' + concern.reasons.join('; ');
    safetyList.append(item);
  }
  el('safety-offer').hidden = concerns.length === 0;

  const settings = cues.settings();
  /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('[data-cue]')).forEach((box) => {
    box.checked = settings[box.dataset.cue];
    box.onchange = () => cues.save({ [box.dataset.cue]: box.checked });
  });
  show('player-setup');
}

function start() {
  const skip = [...Array.from(/** @type {NodeListOf<HTMLInputElement>} */ (el('flag-offer-list').querySelectorAll('input:checked')), (i) => i.value),
    ...concerns.map((c) => c.technique)];
  let segments;
  try {
    segments = expand.expandRoutine(routine, data.techniques, { skip, withoutOptional: !includeOptional() });
  } catch (error) {
    fail(error.message);
    return;
  }
  cues.unlock();
  const now = Date.now();
  state = timer.start(segments, now);
  run = {
    routineId: routine.id, routineName: routine.name, sessionId: uuid7(now),
    painBefore: scaleValue('pain-before'), worse: [], repsDone: 0, skippedAtStart: skip,
  };
  show('player-run');
  enterSegment(timer.current(state), true);
  el('step-name').focus();
  save(now);
  startLoop();
}

// ---- running -----------------------------------------------------------------------------

const sideLabel = (side) => (side === 'left' ? 'Left side' : side === 'right' ? 'Right side' : '');

function phaseText(segment) {
  if (segment.kind === 'ready') return 'Get ready';
  if (segment.kind === 'rest') return 'Rest';
  if (segment.kind === 'switch') return 'Switch sides';
  const parts = [sideLabel(segment.side), segment.sets > 1 ? `Set ${segment.set} of ${segment.sets}` : ''];
  return parts.filter(Boolean).join(' · ') || 'Now';
}

function nextWork(index) {
  const segments = state.segments;
  for (let i = index + 1; i < segments.length; i += 1) if (segments[i].kind === 'work') return segments[i];
  return null;
}

function enterSegment(segment, quiet, restoring = false) {
  if (!segment) return;
  const work = segment.kind === 'work' ? segment : nextWork(state.index);
  if (!restoring) run.repsDone = 0;
  el('phase').textContent = phaseText(segment);
  const image = /** @type {HTMLImageElement} */ (el('step-image'));
  if (work) {
    image.src = work.illustration;
    image.alt = `${work.name}: illustration`;
  }
  // Drawings show the right side; figures.css mirrors the figure and labels it for the side worked.
  if (image.parentElement) image.parentElement.dataset.side = (work && work.side) || '';
  el('step-name').textContent = segment.kind === 'work' ? segment.name : work ? `Next: ${work.name}` : '';
  el('step-cue').textContent = work ? work.cue : '';
  const following = segment.kind === 'work' ? nextWork(state.index) : null;
  const nextSide = following && following.side ? ` (${following.side})` : '';
  el('up-next').textContent = following ? `Up next: ${following.name}${nextSide}` : '';
  el('reps').hidden = !(segment.kind === 'work' && segment.mode === 'reps');
  el('clock').hidden = !el('reps').hidden;
  /** @type {HTMLButtonElement} */ (el('worse-button')).disabled = !work && segment.kind !== 'work';
  renderReps();
  render();

  let spoken = phaseText(segment);
  if (segment.kind === 'work') {
    const amount = segment.mode === 'time' ? `${segment.seconds} seconds` : `${segment.reps} reps`;
    const side = segment.side ? `${sideLabel(segment.side)}: ` : '';
    spoken = `${side}${segment.name}, ${amount}`;
  } else if (segment.kind === 'switch') {
    spoken = `Switch sides. Next: ${sideLabel(segment.toSide).toLowerCase()}`;
  } else if (work) {
    spoken = `${phaseText(segment)}. Next: ${work.name}`;
  }
  announce(spoken);
  if (!quiet) {
    cues.transition();
    cues.say(segment.kind === 'work' ? spoken : phaseText(segment));
  }
}

function renderReps() {
  const segment = timer.current(state);
  if (!segment || segment.kind !== 'work' || segment.mode !== 'reps') return;
  const hold = segment.holdSeconds ? `, hold ${segment.holdSeconds} s each` : '';
  el('rep-count').textContent = `${run.repsDone} of ${segment.reps} reps${hold}`;
  el('rep-button').textContent = run.repsDone + 1 >= segment.reps ? 'Last rep done' : 'Rep done';
}

function render(now = Date.now()) {
  const left = timer.remaining(state, now);
  if (left !== null) el('clock').textContent = formatClock(left);
  const total = state.segments.length;
  const progress = /** @type {HTMLProgressElement} */ (el('progress'));
  progress.max = total;
  progress.value = state.index;
  const works = state.segments.filter((s) => s.kind === 'work');
  const doneWorks = state.segments.slice(0, state.index).filter((s) => s.kind === 'work').length;
  el('progress-text').textContent = `${Math.min(doneWorks + 1, works.length)} of ${works.length}`;
  const paused = state.status === 'paused';
  const label = paused ? 'Resume' : 'Pause';
  if (el('pause-button').textContent !== label) el('pause-button').textContent = label;
  root.classList.toggle('is-paused', paused);
}

function handle(events) {
  for (const event of events) {
    if (event.type === 'segment') enterSegment(event.segment, false);
    else if (event.type === 'countdown') cues.countdown();
    else if (event.type === 'finished' || event.type === 'ended') finish();
  }
}

function apply(result, now = Date.now()) {
  state = result.state;
  handle(result.events);
  if (state.status === 'running' || state.status === 'paused') {
    render(now);
    save(now);
  }
}

function tick() {
  const now = Date.now();
  const result = timer.advance(state, now);
  state = result.state;
  handle(result.events);
  if (state.status === 'running' || state.status === 'paused') {
    render(now);
    if (now - lastSaved > 5000 || result.events.length) save(now);
  }
}

function startLoop() {
  stopLoop();
  loop = setInterval(tick, TICK_MS);
  if (state.status === 'running') keepAwake();
}
function stopLoop() {
  clearInterval(loop);
  loop = 0;
}

function save(now = Date.now()) {
  lastSaved = now;
  prefs.setJSON(SAVE_KEY, { routineId, run, state: timer.serialize(state, now) });
}

// ---- screen wake lock --------------------------------------------------------------------

async function keepAwake() {
  if (!('wakeLock' in navigator) || wakeLock || document.visibilityState !== 'visible') return;
  try {
    const lock = await navigator.wakeLock.request('screen');
    // Paused or ended while the request was pending: let the screen sleep after all.
    if (!state || state.status !== 'running') {
      lock.release().catch(() => {});
      return;
    }
    wakeLock = lock;
    wakeLock.addEventListener('release', () => { wakeLock = null; });
  } catch {
    wakeLock = null; // refused (battery saver): the routine still works
  }
}
function letSleep() {
  if (wakeLock) wakeLock.release().catch(() => {});
  wakeLock = null;
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && state && state.status === 'running') {
    tick();
    keepAwake();
  }
});
window.addEventListener('pagehide', () => {
  if (state && (state.status === 'running' || state.status === 'paused')) save();
});

// ---- controls ----------------------------------------------------------------------------

el('start-button').addEventListener('click', start);
el('pause-button').addEventListener('click', () => {
  const now = Date.now();
  if (state.status === 'paused') {
    cues.unlock();
    apply(timer.resume(state, now), now);
    announce('Resumed');
    keepAwake();
  } else {
    apply(timer.pause(state, now), now);
    cues.silence();
    announce('Paused');
    letSleep();
  }
});
el('skip-button').addEventListener('click', () => apply(timer.skip(state, Date.now())));
el('back-button').addEventListener('click', () => apply(timer.back(state, Date.now())));
el('rep-button').addEventListener('click', () => {
  const segment = timer.current(state);
  if (!segment || segment.mode !== 'reps') return;
  run.repsDone += 1;
  if (run.repsDone >= segment.reps) {
    apply(timer.completeReps(state, Date.now()));
    // The rep button may now be hidden: keep focus somewhere meaningful.
    if (el('reps').hidden) el('step-name').focus();
  } else {
    renderReps();
    announce(`${run.repsDone} of ${segment.reps}`);
    save();
  }
});
el('worse-button').addEventListener('click', async () => {
  const segment = timer.current(state);
  const work = segment && segment.kind === 'work' ? segment : lastWork();
  if (!work) return;
  if (!run.worse.includes(work.technique)) run.worse.push(work.technique);
  save();
  await records.save('flag', { id: uuid7(), technique: work.technique, at: new Date().toISOString(), routineId: run.routineId })
    .catch(() => {});
  announce(`Noted: ${work.name} made things worse. Next time you'll be offered to skip it.`);
  el('worse-button').textContent = 'Noted';
  setTimeout(() => { el('worse-button').textContent = 'This made it worse'; }, 3000);
});
confirmTap(el('end-button'), 'Tap again to end', () => apply(timer.end(state, Date.now())));

function lastWork() {
  for (let i = state.index; i >= 0; i -= 1) if (state.segments[i].kind === 'work') return state.segments[i];
  return null;
}

// ---- finishing ---------------------------------------------------------------------------

async function finish() {
  stopLoop();
  letSleep();
  prefs.remove(SAVE_KEY);
  const finished = state.status === 'finished';
  if (finished) cues.finished();
  const session = sessionRecord(state, run, Date.now());
  el('done-heading').textContent = finished ? 'Routine finished' : 'Routine ended early';
  el('done-summary').textContent = `${session.completed.length} done, ${session.skipped.length} skipped.`;
  show('player-done');
  el('done-heading').focus();
  await persistSession(session, 'Saved to your history on this device.');
  /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('input[name="pain-after"]')).forEach((input) => {
    input.addEventListener('change', () => {
      session.painAfter = Number(input.value);
      persistSession(session, `Saved: pain ${session.painAfter} out of 10 after this routine.`);
    });
  });
}

async function persistSession(session, message) {
  try {
    Object.assign(session, await records.save('session', session));
    el('done-saved').textContent = message;
  } catch (error) {
    el('done-saved').textContent = `This session could not be saved on this device: ${error.message}`;
  }
}

// ---- start-up ----------------------------------------------------------------------------

/** A routine left unfinished is kept in the history as ended, not lost. */
async function endUnfinished(saved) {
  if (!saved) return;
  const other = saved.run ? timer.restore(saved.state, Date.now()) : null;
  if (other && (other.status === 'running' || other.status === 'paused')) {
    const ended = timer.end(other, Date.now()).state;
    await records.save('session', sessionRecord(ended, saved.run, Date.now())).catch(() => {});
  }
  prefs.remove(SAVE_KEY);
}

async function init() {
  root.querySelectorAll('.scale').forEach(buildScale);
  try {
    data = await catalog.load();
    routine = await catalog.routine(routineId);
  } catch (error) {
    fail(`The routine could not be loaded: ${error.message}`);
    return;
  }
  if (!routine) {
    fail(routineId ? 'We could not find that routine. It may have been deleted.' : 'No routine was chosen.');
    return;
  }
  // Safety first: no routine on a day with a red flag, and none before the check is answered.
  const safe = await safety.current();
  if (safe.block) {
    await endUnfinished(prefs.getJSON(SAVE_KEY));
    safety.renderBlock(el('player-blocked'), safe, { headingLevel: 'h1' });
    show('player-blocked');
    return;
  }
  // In a flare only the emergency questions come first (one screen); the rest can wait.
  const flare = params.get('flare') === '1';
  const owed = Object.entries(safe.needs).filter(([screen, due]) => due && (!flare || screen === 'emergency')).map(([screen]) => screen);
  if (owed.length) {
    window.location.replace(safety.checkUrl({ part: owed.join(','), source: 'routine', next: window.location.pathname + window.location.search }));
    return;
  }
  notAdvised = safe.notAdvised;
  const saved = prefs.getJSON(SAVE_KEY);
  const restored = saved && saved.routineId === routineId && saved.run ? timer.restore(saved.state, Date.now()) : null;
  if (restored && (restored.status === 'running' || restored.status === 'paused')) {
    state = restored;
    run = saved.run;
    show('player-run');
    enterSegment(timer.current(state), true, true);
    render();
    announce('Paused where you left off. Press Resume to continue.');
    startLoop();
    return;
  }
  await endUnfinished(saved);
  await setup();
  // Flare mode is one tap from the home screen: no set-up questions on a bad day. Techniques
  // flagged as making things worse stay skipped (they are ticked by default).
  if (document.body.classList.contains('flare')) start();
}

init().catch((error) => fail(`The routine could not start: ${error.message}`));
