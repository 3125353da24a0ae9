/* The guided player page (/play?routine=<id>, or /play?technique=<slug> for one technique).
   The clock is routine/timer.js, driven by timestamps; reps follow routine/cadence.js and the
   pauses to move follow routine/transitions.js. This file draws it, plays cues, keeps the screen
   on, saves progress so a reload (or a phone that killed the app) resumes, and records the
   session in IndexedDB when the routine ends. One tap starts it: there is no set-up screen. */
// @ts-check
import { announce, byId, confirmTap, formatClock, prefs } from '../lib/dom.js';
import { uuid7 } from '../lib/ids.js';
import * as catalog from '../lib/catalog.js';
import * as cadence from './cadence.js';
import * as cues from './cues.js';
import * as expand from './expand.js';
import * as records from '../sync/records.js';
import { knownAccount } from '../sync/account.js';
import { RESUME_MAX_AGE_MS, SAVE_KEY } from './resume.js';
import * as safety from '../safety/state.js';
import * as safetyRules from '../safety/rules.js';
import * as store from '../lib/store.js';
import { sessionRecord, stepPosition, stepTally } from './session.js';
import { sessionOutcome } from '../insights/outcome.js';
import * as timer from './timer.js';
import { transitionOptions, transitionSeconds } from './transitions.js';
import { settleAfter } from '../lib/settle.js';
import { textForSide, withoutSwitch } from '../lib/sides.js';

const root = byId('player');

// Whether built-in routines play their optional self-massage steps (FACTS §9: an add-on to
// movement, never required). On unless the person switched it off (on the routine page).
const OPTIONAL_KEY = 'relieve.includeOptional';
// Pace until the synced preferences carry it: { transition: 'normal' | 'slower', tempo: 'normal' | 'slow' }.
const PACE_KEY = 'relieve.pace';
const TICK_MS = 200;
const params = new URLSearchParams(window.location.search);
// Flare mode (?flare=1): larger controls, slower transitions, only the emergency questions first.
const flare = params.get('flare') === '1';
const techniqueSlug = params.get('technique');
const routineId = techniqueSlug ? `technique:${techniqueSlug}` : params.get('routine');
const el = (id) => byId(id);
const views = ['player-loading', 'player-error', 'player-blocked', 'player-run', 'player-done'];

let data = null;       // the catalog
let routine = null;
let state = null;      // timer state
let run = null;        // what the session record needs besides the timer
let loop = 0;
let lastSaved = 0;
let wakeLock = null;
let lastBeat = '';     // the rep and phase last cued
/** @type {Record<string, string[]>} */
let notAdvised = {};   // technique → why the safety answers rule it out

if (flare) document.body.classList.add('flare');
// The first touch or key anywhere turns the cues on (browsers keep sound off until one comes).
for (const type of ['pointerdown', 'keydown']) {
  document.addEventListener(type, () => cues.unlock(), { once: true, capture: true });
}

function show(id) {
  for (const view of views) el(view).hidden = view !== id;
  // Focus mode: while a routine runs, the site header and tab bar give way to the player, so a
  // stray tap can't leave it; End is the way out.
  document.body.classList.toggle('player-focus', id === 'player-run');
  // "A new version is ready" waits for the end of the routine (static/js/pwa/register.js).
  document.body.toggleAttribute('data-hold-updates', id === 'player-run');
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

/** The pacing settings: the synced preferences when the settings page has written them into
    localStorage's pace key, with the cue settings alongside; slower transitions in a flare. */
function pace() {
  return transitionOptions(prefs.getJSON(PACE_KEY) || {}, { flare });
}

// ---- start: one tap from the routine page ------------------------------------------------

async function start() {
  const includeOptional = prefs.get(OPTIONAL_KEY) !== '0';
  const concerns = safetyRules.routineConcerns(routine, notAdvised);
  const flags = await store.all('flags').catch(() => []);
  // A technique flagged as making things worse is left out (the routine page says so).
  const flagged = techniqueSlug ? [] : [...new Set(flags.map((f) => f.technique))]
    .filter((slug) => routine.steps.some((s) => s.technique === slug));
  const skip = [...new Set([...concerns.map((c) => c.technique), ...flagged])];
  const options = pace();
  let segments;
  try {
    segments = expand.expandRoutine(routine, data.techniques, {
      skip, withoutOptional: !includeOptional, slower: options.slower, tempoPercent: options.tempoPercent,
      switchSides: options.switchSides,
    });
  } catch (error) {
    if (techniqueSlug && concerns.length) {
      fail(`${routine.name} is not advised for you: you told us you have ${concerns[0].reasons.join('; and ')}.`);
    } else {
      fail(error.message);
    }
    return;
  }
  const now = Date.now();
  state = timer.start(segments, now);
  run = {
    routineId: routine.id, routineName: routine.name, sessionId: uuid7(now),
    painBefore: null, worse: [], repsDone: 0, skippedAtStart: skip,
  };
  const leftOut = skip.map((slug) => data.techniques[slug].name);
  el('left-out').textContent = leftOut.length ? `Left out today: ${leftOut.join(', ')} (see the routine page for why).` : '';
  el('left-out').hidden = leftOut.length === 0;
  show('player-run');
  enterSegment(timer.current(state), true);
  el('step-name').focus();
  save(now);
  startLoop();
}

// ---- running -----------------------------------------------------------------------------

const sideWord = (side) => (side === 'left' ? 'left side' : side === 'right' ? 'right side' : '');
const positionWord = (position) => (data.labels.positions[position] || '').toLowerCase();

function phaseText(segment) {
  if (segment.kind === 'ready') return segment.position ? `Get ready: ${positionWord(segment.position)}` : 'Get ready';
  if (segment.kind === 'rest') return 'Rest';
  if (segment.kind === 'switch') return 'Switch sides';
  const side = sideWord(segment.side);
  const parts = [side ? side[0].toUpperCase() + side.slice(1) : '', segment.sets > 1 ? `Set ${segment.set} of ${segment.sets}` : ''];
  return parts.filter(Boolean).join(' · ') || 'Now';
}

function nextWork(index) {
  const segments = state.segments;
  for (let i = index + 1; i < segments.length; i += 1) if (segments[i].kind === 'work') return segments[i];
  return null;
}

function isReps(segment) {
  return Boolean(segment && segment.kind === 'work' && segment.mode === 'reps');
}

function enterSegment(segment, quiet, restoring = false) {
  if (!segment) return;
  const work = segment.kind === 'work' ? segment : nextWork(state.index);
  if (!restoring) run.repsDone = 0;
  lastBeat = '';
  el('phase').textContent = phaseText(segment);
  const image = /** @type {HTMLImageElement} */ (el('step-image'));
  if (work) {
    image.src = work.illustration;
    // What the drawing shows, in words (a screen reader hears the movement, not only a name);
    // on the left side with left and right swapped, as the drawing is mirrored.
    image.alt = work.alt ? textForSide(work.alt, work.side) : `${work.name}: illustration`;
    // The drawings show the right side; the figure is mirrored for the left (css/figures.css).
    /** @type {HTMLElement} */ (image.parentElement).dataset.side = work.side || '';
  }
  el('step-name').textContent = segment.kind === 'work' ? segment.name : work ? `Next: ${work.name}` : '';
  el('step-cue').textContent = work ? work.cue : '';
  fillHowTo(work);
  const following = segment.kind === 'work' ? nextWork(state.index) : null;
  const nextSide = following && following.side ? ` (${following.side})` : '';
  el('up-next').textContent = following ? `Up next: ${following.name}${nextSide}` : '';
  el('reps').hidden = !isReps(segment);
  el('clock').hidden = !el('reps').hidden;
  /** @type {HTMLButtonElement} */ (el('worse-button')).disabled = !worseTarget();
  skipLabels(segment);
  // Pain before: optional, asked while getting ready for the first step, never in the way.
  el('pain-before').hidden = run.painBefore !== null || stepPosition(state.segments, state.index).current > 1
    || (segment.kind === 'work' && state.log.length > 0);
  renderReps();
  render();

  let spoken = phaseText(segment);
  if (segment.kind === 'work') {
    const amount = segment.mode === 'time' ? `${segment.seconds} seconds` : `${segment.reps} reps`;
    const side = segment.side ? `${phaseText(segment).split(' · ')[0]}: ` : '';
    spoken = `${side}${segment.name}, ${amount}`;
  } else if (segment.kind === 'switch') {
    spoken = `Switch sides. Next: ${sideWord(segment.toSide)}`;
  } else if (work) {
    spoken = `${phaseText(segment)}. Next: ${work.name}`;
  }
  announce(spoken);
  if (!quiet) {
    cues.transition();
    cues.say(spoken);
  }
}

/** What each skip button leaves, in its words: Skip is the segment on screen (a set, a side, a
    rest, the get-ready), Skip exercise every set and side of the exercise. Where the exercise is
    one segment the two would do the same: the one button says "Skip exercise". */
function skipLabels(segment) {
  const rest = state.segments.slice(state.index + 1);
  const more = segment.kind === 'work' && rest.some((s) => s.kind === 'work' && s.step === segment.step);
  const earlier = state.segments.slice(0, state.index).some((s) => s.kind === 'work' && s.step === segment.step);
  let label = 'Skip';
  if (segment.kind === 'ready') label = 'Skip get-ready';
  else if (segment.kind === 'rest') label = 'Skip rest';
  else if (segment.kind === 'switch') label = 'Skip side switch';
  else if (!more && !earlier) label = 'Skip exercise';
  // With sides, one segment is one side of one set (the phase line above says which set).
  else if (segment.side) label = 'Skip this side';
  else label = 'Skip set';
  el('skip-button').textContent = label;
  // Alone, the exercise's only segment: "Skip" already leaves all of it.
  el('skip-step-button').hidden = label === 'Skip exercise';
}

function fillHowTo(work) {
  const list = el('how-to-steps');
  list.replaceChildren();
  const technique = work ? data.techniques[work.technique] : null;
  el('how-to').hidden = !technique || !technique.steps;
  if (!technique || !technique.steps) return;
  // Two-sided cards are written for one side: on the other, the words follow the mirrored drawing.
  el('how-to-name').textContent = work.side ? `${technique.name}, ${work.side} side` : technique.name;
  for (const line of technique.steps) {
    // On the last side of the last set, "then switch legs" has no other side left to go to.
    const text = work.final ? withoutSwitch(textForSide(line, work.side)) : textForSide(line, work.side);
    if (!text) continue;
    const item = document.createElement('li');
    item.textContent = text;
    list.append(item);
  }
  const link = /** @type {HTMLAnchorElement} */ (el('how-to-card'));
  link.href = technique.url;
}

/** The rep count and phase on screen; a tone at each phase and the rep number spoken. */
function renderReps(now = Date.now()) {
  const segment = timer.current(state);
  if (!isReps(segment)) return;
  if (typeof segment.seconds !== 'number') {
    // Saved before reps ran themselves: counted by tap.
    el('rep-count').textContent = `${run.repsDone} of ${segment.reps} reps`;
    el('rep-phase').textContent = '';
    return;
  }
  const into = Math.max(0, (state.status === 'paused' ? state.pausedAt : now) - state.segmentStart);
  const beat = cadence.cadenceAt(segment, into);
  el('rep-count').textContent = `Rep ${beat.rep} of ${beat.reps}`;
  const seconds = Math.ceil(beat.phaseLeftMs / 1000);
  const words = cadence.PHASE_WORDS[beat.phase];
  const text = beat.phase === 'hold' ? `${words} · ${seconds}` : words;
  if (el('rep-phase').textContent !== text) el('rep-phase').textContent = text;
  el('rep-phase').dataset.phase = beat.phase;
  const key = `${beat.rep}:${beat.phase}`;
  if (key !== lastBeat && state.status === 'running') {
    if (lastBeat) {
      if (beat.phase === 'up') cues.say(String(beat.rep));
      else if (beat.phase === 'hold') cues.say('Hold');
      cues.countdown();
    }
    lastBeat = key;
  }
}

function render(now = Date.now()) {
  const left = timer.remaining(state, now);
  if (left !== null) el('clock').textContent = formatClock(left);
  const position = stepPosition(state.segments, state.index);
  const progress = /** @type {HTMLProgressElement} */ (el('progress'));
  progress.max = position.total;
  progress.value = Math.max(0, position.current - 1);
  const segment = timer.current(state);
  const side = segment && segment.kind === 'work' ? sideWord(segment.side)
    : segment && segment.kind === 'switch' ? `${sideWord(segment.toSide)} next` : '';
  const text = `Step ${position.current} of ${position.total}${side ? ` · ${side}` : ''}`;
  if (el('progress-text').textContent !== text) el('progress-text').textContent = text;
  const paused = state.status === 'paused';
  const label = paused ? 'Resume' : 'Pause';
  if (el('pause-button').textContent !== label) el('pause-button').textContent = label;
  el('paused-banner').hidden = !paused || !el('worse-panel').hidden;
  root.classList.toggle('is-paused', paused);
  renderReps(now);
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
  prefs.setJSON(SAVE_KEY, {
    routineId, url: window.location.pathname + window.location.search, run, state: timer.serialize(state, now),
  });
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

const active = () => state && (state.status === 'running' || state.status === 'paused');
document.addEventListener('visibilitychange', () => {
  // Phones kill background apps without a pagehide: save the moment the page is hidden.
  if (document.visibilityState === 'hidden' && active()) save();
  if (document.visibilityState === 'visible' && state && state.status === 'running') {
    tick();
    keepAwake();
  }
});
window.addEventListener('pagehide', () => {
  if (active()) save();
});

// ---- the control bar -------------------------------------------------------------------

// Stuck at the screen's bottom (it sits 1px past it then, css/routines.css), the bar gets an edge,
// and the page a scroll padding of its height, so a control reached with Tab is never under it.
const bar = el('control-bar');
if ('IntersectionObserver' in window) {
  new IntersectionObserver(([entry]) => {
    const stuck = entry.intersectionRatio < 1 && entry.boundingClientRect.top > 0;
    bar.classList.toggle('is-stuck', stuck);
    document.documentElement.style.scrollPaddingBottom = stuck ? `${Math.ceil(entry.boundingClientRect.height)}px` : '';
  }, { threshold: [0, 0.5, 0.99, 1] }).observe(bar);
}

// ---- controls ----------------------------------------------------------------------------

function pauseNow() {
  const now = Date.now();
  apply(timer.pause(state, now), now);
  cues.silence();
  letSleep();
}
function resumeNow() {
  const now = Date.now();
  cues.unlock();
  apply(timer.resume(state, now), now);
  keepAwake();
}

el('pause-button').addEventListener('click', () => {
  if (state.status === 'paused') {
    resumeNow();
    announce('Resumed');
  } else {
    pauseNow();
    announce('Paused');
  }
});
el('skip-button').addEventListener('click', () => apply(timer.skip(state, Date.now())));
// Skip leaves one set or side; this leaves the whole exercise (every set and side still to come),
// each logged as skipped, as Skip logs one.
el('skip-step-button').addEventListener('click', () => {
  const segment = timer.current(state);
  const work = segment && (segment.kind === 'work' ? segment : nextWork(state.index));
  apply(timer.skipStep(state, Date.now()));
  if (!work || !active()) return;
  const now = timer.current(state);
  const next = now && (now.kind === 'work' ? now : nextWork(state.index));
  announce(`${work.name} skipped. ${next ? `Next: ${next.name}` : 'That was the last exercise.'}`);
});
el('back-button').addEventListener('click', () => apply(timer.back(state, Date.now())));
el('rep-button').addEventListener('click', () => {
  const segment = timer.current(state);
  if (!isReps(segment)) return;
  if (typeof segment.seconds !== 'number') {
    run.repsDone += 1;
    if (run.repsDone < segment.reps) {
      renderReps();
      save();
      return;
    }
  }
  apply(timer.completeReps(state, Date.now()));
  if (el('reps').hidden) el('step-name').focus();
});
el('pain-before').addEventListener('change', (event) => {
  const input = /** @type {HTMLInputElement} */ (event.target);
  run.painBefore = Number(input.value);
  save();
  announce(`Pain ${run.painBefore} out of 10 noted.`);
});

// "This made it worse" acts at once: the step stops, the card's stop-if advice shows, and the
// person chooses to skip it, switch to something gentler, or end the routine.
let worseWork = null;
el('worse-button').addEventListener('click', async () => {
  const work = worseTarget();
  if (!work) return;
  worseWork = work;
  if (state.status === 'running') pauseNow();
  if (!run.worse.includes(work.technique)) run.worse.push(work.technique);
  save();
  const technique = data.techniques[work.technique];
  el('worse-heading').textContent = `Stopped: ${work.name}`;
  const list = el('worse-stop-if');
  list.replaceChildren();
  for (const line of technique.stop_if || []) {
    const item = document.createElement('li');
    item.textContent = line;
    list.append(item);
  }
  const segment = timer.current(state);
  // Getting ready for it counts: "Skip" and "Switch" then apply to the step about to start.
  const inStep = segment.step === work.step;
  const gentler = technique.gentler && data.techniques[technique.gentler];
  el('worse-skip').hidden = !inStep;
  el('worse-gentler').hidden = !inStep || !gentler || (notAdvised[technique.gentler] || []).length > 0;
  if (gentler) el('worse-gentler').textContent = `Switch to ${gentler.name} (gentler)`;
  el('worse-panel').hidden = false;
  el('run-controls').hidden = true;
  /** @type {HTMLDetailsElement} */ (el('how-to')).open = false;
  render();
  el('worse-heading').focus();
  el('worse-panel').scrollIntoView({ block: 'start' });
  await records.save('flag', { id: uuid7(), technique: work.technique, at: new Date().toISOString(), routineId: run.routineId })
    .catch(() => {});
});

function closeWorse() {
  el('worse-panel').hidden = true;
  el('run-controls').hidden = false;
  worseWork = null;
}

el('worse-skip').addEventListener('click', () => {
  const name = worseWork.name;
  closeWorse();
  apply(timer.skipStep(state, Date.now()));
  resumeNow();
  announce(`${name} skipped. Next: ${(timer.current(state) || {}).next || ''}`);
  el('step-name').focus();
});
el('worse-gentler').addEventListener('click', () => {
  const work = worseWork;
  const technique = data.techniques[work.technique];
  const gentler = data.techniques[technique.gentler];
  const options = pace();
  const segments = expand.expandRoutine({
    name: gentler.name,
    steps: [{ technique: gentler.slug, sides: work.side ? 'left-right' : 'none', rest: 0 }],
  }, data.techniques, { getReady: transitionSeconds(technique.position, gentler.position, options),
    slower: options.slower, tempoPercent: options.tempoPercent, switchSides: options.switchSides })
    .map((segment) => Object.assign(segment, { step: work.step }));
  if (segments[0].kind === 'ready' && gentler.position !== technique.position) segments[0].position = gentler.position;
  closeWorse();
  apply(timer.replaceStep(state, Date.now(), segments));
  resumeNow();
  el('step-name').focus();
});
el('worse-end').addEventListener('click', () => {
  run.stoppedFor = worseWork.technique;
  closeWorse();
  apply(timer.end(state, Date.now()));
});
el('worse-carry-on').addEventListener('click', () => {
  closeWorse();
  resumeNow();
  el('step-name').focus();
});
confirmTap(el('end-button'), 'Tap again to end', () => apply(timer.end(state, Date.now())));

/** What "This made it worse" is about: the exercise on screen; while getting ready, the one about
    to start; in a rest or a switch of sides, the one just done. */
function worseTarget() {
  const segment = timer.current(state);
  if (!segment) return null;
  if (segment.kind === 'work') return segment;
  if (segment.kind === 'ready') return nextWork(state.index) || lastWork();
  return lastWork() || nextWork(state.index);
}

/** The technique on screen, or the one just done (a rest or switch after it). */
function lastWork() {
  for (let i = Math.min(state.index, state.segments.length - 1); i >= 0; i -= 1) {
    if (state.segments[i].kind === 'work') return state.segments[i];
  }
  return null;
}

// Sound, voice, vibration and pace, changed while running; remembered on this device.
function fillSettings() {
  const settings = cues.settings();
  /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('[data-cue]')).forEach((box) => {
    box.checked = settings[box.dataset.cue];
    box.onchange = () => cues.save({ [box.dataset.cue]: box.checked });
  });
  const paceSaved = prefs.getJSON(PACE_KEY) || {};
  /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('[data-pace]')).forEach((box) => {
    const [field, value] = box.dataset.pace.split(':');
    box.checked = paceSaved[field] === value;
    if (field === 'transition' && flare && paceSaved[field] !== value) {
      // In a flare the time to move is the longer one whatever the setting (routine/transitions.js).
      box.checked = true;
      box.disabled = true;
      el('pace-note').textContent = 'In a flare there is always more time to move between steps.';
      return;
    }
    box.onchange = () => {
      prefs.setJSON(PACE_KEY, { ...(prefs.getJSON(PACE_KEY) || {}), [field]: box.checked ? value : 'normal' });
      el('pace-note').textContent = 'Used from the next routine you start.';
    };
  });
}

// ---- finishing ---------------------------------------------------------------------------

async function finish() {
  stopLoop();
  letSleep();
  prefs.remove(SAVE_KEY);
  const finished = state.status === 'finished';
  if (finished) cues.finished();
  const session = sessionRecord(state, run, Date.now());
  const tally = stepTally(state);
  const stopped = !finished && run.stoppedFor && data.techniques[run.stoppedFor];
  el('done-heading').textContent = stopped ? 'Routine stopped' : tally.heading;
  el('done-summary').textContent = tally.text;
  el('done-worse').hidden = !stopped;
  if (stopped) {
    el('done-worse-name').textContent = stopped.name;
    const list = el('done-worse-stop-if');
    list.replaceChildren(...(stopped.stop_if || []).map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }));
    el('done-worse-card').hidden = list.childElementCount === 0;
  }
  show('player-done');
  el('done-heading').focus();
  // Signed in, the session goes to the account too (the header's account link reads the same key).
  const where = knownAccount() ? 'Saved to your history. It syncs to your account.'
    : 'Saved to your history on this device.';
  await persistSession(session, where);
  // One text for pain and symptom direction together (insights/outcome.js, as Home and History
  // tell it): each answer can change the other's words.
  const showChange = () => {
    const notes = sessionOutcome(session);
    el('pain-change').textContent = notes.pain;
    el('pain-change').hidden = !notes.pain;
    el('direction-advice').textContent = notes.direction;
  };
  /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('input[name="pain-after"]')).forEach((input) => {
    input.addEventListener('change', () => {
      session.painAfter = Number(input.value);
      showChange();
      persistSession(session, `Saved: pain ${session.painAfter} out of 10 after this routine.`);
    });
  });
  /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('input[name="symptom-direction"]')).forEach((input) => {
    input.addEventListener('change', () => {
      session.symptomDirection = /** @type {any} */ (input.value);
      showChange();
      persistSession(session, 'Saved with this session.');
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
  const other = saved.run ? timer.restore(saved.state, Date.now(), { maxAgeMs: RESUME_MAX_AGE_MS }) : null;
  if (other && (other.status === 'running' || other.status === 'paused')) {
    const ended = timer.end(other, Date.now()).state;
    await records.save('session', sessionRecord(ended, saved.run, Date.now())).catch(() => {});
  }
  prefs.remove(SAVE_KEY);
}

/** One technique from its card ("Try it now"): one step with the card's dosing. */
function techniqueRoutine(slug) {
  const technique = data.techniques[slug];
  if (!technique) return null;
  return {
    id: `technique:${slug}`,
    name: technique.name,
    steps: [{ technique: slug, sides: technique.dosing.per_side ? 'left-right' : 'none', rest: 0 }],
  };
}

async function init() {
  root.querySelectorAll('.scale').forEach(buildScale);
  fillSettings();
  try {
    data = await catalog.load();
    routine = techniqueSlug ? techniqueRoutine(techniqueSlug) : await catalog.routine(routineId);
  } catch (error) {
    fail(`The routine could not be loaded: ${error.message}`);
    return;
  }
  if (!routine) {
    fail(techniqueSlug ? 'We could not find that technique.'
      : routineId ? 'We could not find that routine. It may have been deleted.' : 'No routine was chosen.');
    return;
  }
  // The first drawing is the biggest thing on the screen when the routine opens: start its
  // download now (the image is still hidden) rather than after the safety answers are read.
  const first = data.techniques[routine.steps[0]?.technique];
  if (first) /** @type {HTMLImageElement} */ (el('step-image')).src = first.illustration;
  // Safety first: no routine on a day with a red flag, and none before the check is answered.
  const safe = await safety.current();
  if (safe.block) {
    await endUnfinished(prefs.getJSON(SAVE_KEY));
    safety.renderBlock(el('player-blocked'), safe, { headingLevel: 'h1' });
    show('player-blocked');
    return;
  }
  // In a flare only the emergency questions come first (one screen); the rest can wait.
  const owed = Object.entries(safe.needs).filter(([screen, due]) => due && (!flare || screen === 'emergency')).map(([screen]) => screen);
  if (owed.length) {
    window.location.replace(safety.checkUrl({ part: owed.join(','), source: 'routine', next: window.location.pathname + window.location.search }));
    return;
  }
  notAdvised = safe.notAdvised;
  const saved = prefs.getJSON(SAVE_KEY);
  const restored = saved && saved.routineId === routineId && saved.run
    ? timer.restore(saved.state, Date.now(), { maxAgeMs: RESUME_MAX_AGE_MS }) : null;
  if (restored && (restored.status === 'running' || restored.status === 'paused')) {
    state = restored;
    run = saved.run;
    el('left-out').hidden = true;
    show('player-run');
    enterSegment(timer.current(state), true, true);
    render();
    announce('Paused where you left off. Press Resume to continue.');
    el('pause-button').focus();
    startLoop();
    return;
  }
  await endUnfinished(saved);
  await start();
}

settleAfter(init()).catch((error) => fail(`The routine could not start: ${error.message}`));
