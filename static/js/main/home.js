/* Home, "Today": on a first visit the offer of first run (three questions, or skip); an
   interrupted routine to continue (routine/resume.js); today's suggestion (main/suggest.js, via
   main/today.js); the last session with pain before and after; the days done this week (no
   streaks); techniques to try that fit the person's answers; when this episode started
   (symptoms/episode-form.js) and, when the log shows sciatica not easing after about 6 weeks or
   weakness getting worse, a calm suggestion to book a GP or physio review (insights/review.js
   decides). The safety banners on this page are safety/gate.js's. */
// @ts-check
import { LEVELS, MOVEMENT, RED_FLAGS, TIERS } from '../generated/contract.js';
import { byId, make } from '../lib/dom.js';
import * as store from '../lib/store.js';
import * as records from '../sync/records.js';
import { reviewNudge } from '../insights/review.js';
import { didSteps, RULE_TEXT, sessionOutcome } from '../insights/outcome.js';
import * as episodeForm from '../symptoms/episode-form.js';
import { resumable } from '../routine/resume.js';
import { localDay } from '../lib/days.js';
import { shortTime } from '../lib/since.js';
import { load as loadPrefs, mirror, save as savePrefs } from '../preferences/data.js';
import { facts, startUrl, today } from './today.js';
import { fitsTechnique } from './suggest.js';
import { settleAfter } from '../lib/settle.js';

const card = byId('review-nudge');

const shortDay = (day) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
};
const score = (n) => String(Math.round(n * 10) / 10);
const entries = (n) => (n === 1 ? '1 entry' : `${n} entries`);
const level = (rank) => LEVELS[Math.round(rank)];

/** The figures behind the suggestion, in plain sentences. @param {import('../insights/review.js').Nudge} nudge */
function why(nudge) {
  const { first, latest } = nudge;
  const lines = [
    nudge.since === 'episode'
      ? `Counting from when you said this episode started: ${shortDay(nudge.start)}, ${nudge.weeks} weeks ago.`
      : `Counting from your first log entry: ${shortDay(nudge.start)}, ${nudge.weeks} weeks ago.`,
    `Your first week of entries (${shortDay(first.from)} to ${shortDay(first.to)}): leg pain averaged ${score(first.legPain)} out of 10 (${entries(first.entries)}).`,
    `The last 7 days (${shortDay(latest.from)} to ${shortDay(latest.to)}): leg pain averaged ${score(latest.legPain)} out of 10 (${entries(latest.entries)}).`,
  ];
  if (nudge.pain) {
    lines.push(`A meaningful change is a drop of ${RULE_TEXT}.`);
  }
  if (nudge.weakness && first.weakness !== null && latest.weakness !== null) {
    lines.push(`Weakness you logged: mostly ${level(first.weakness)} in the first week, mostly ${level(latest.weakness)} in the last 7 days.`);
  }
  return lines;
}

function message(nudge) {
  const weeks = `It's been ${nudge.weeks} weeks`;
  if (nudge.pain && nudge.weakness) return `${weeks}, your leg pain hasn't eased much and the weakness you've logged is getting worse. It's a good time to book a GP or physio review.`;
  if (nudge.weakness) return `${weeks} and the weakness you've logged is getting worse. It's a good time to book a GP or physio review.`;
  return `${weeks} and your leg pain hasn't eased much. It's a good time to book a GP or physio review.`;
}

let drawn = '';
async function drawNudge() {
  const [logs, episode] = await Promise.all([store.all('logs').catch(() => []), episodeForm.load()]);
  const nudge = reviewNudge({ logs, episodeStart: episode ? episode.startedOn : null, now: Date.now() });
  const signature = JSON.stringify(nudge);
  if (signature === drawn) return;
  drawn = signature;
  card.hidden = !nudge;
  if (!nudge) return;
  byId('review-text').textContent = message(nudge);
  byId('review-why').replaceChildren(...why(nudge).map((line) => make('li', { textContent: line })));
  // Getting weaker is also a warning sign in its own right: the same words as the safety check.
  const warning = byId('review-weakness');
  const sign = RED_FLAGS.find((q) => q.id === 'weakness-worse');
  const tier = sign && TIERS.find((t) => t.id === sign.tier);
  warning.hidden = !(nudge.weakness && sign && tier);
  if (!warning.hidden) warning.replaceChildren(make('strong', { textContent: `${tier.name}:` }), ` if you have ${sign.sign}. ${tier.action}`);
}

// ---- first visit ------------------------------------------------------------------------

async function drawFirstRun() {
  const prefs = await loadPrefs();
  mirror(prefs); // an edit made on another device reaches this device's player
  byId('first-run').hidden = Boolean(prefs);
  byId('today-header').hidden = !prefs;
}
byId('first-run-skip').addEventListener('click', async () => {
  // An empty record: nothing answered, and Today stops asking (Settings can answer later).
  await savePrefs({}).catch(() => {});
  byId('first-run').hidden = true;
  byId('today-header').hidden = false;
  byId('today-heading').focus();
});

// ---- an interrupted routine ---------------------------------------------------------------

function drawResume() {
  const saved = resumable(Date.now());
  const section = byId('resume');
  section.hidden = !saved;
  if (!saved) return;
  byId('resume-text').textContent = [saved.name, saved.stepText].filter(Boolean).join(' · ');
  /** @type {HTMLAnchorElement} */ (byId('resume-link')).href = saved.url;
}

// ---- today's suggestion -------------------------------------------------------------------

/** Why a routine is not offered (suggest.js setAside), in the finish screen's words (FACTS §9). */
function setAsideText(routines) {
  return routines.map(({ name, endedAt }) => `Not suggesting ${name} for now: after it (${shortTime(endedAt)}) your symptoms spread further down your leg, which suggests easing off. You can still choose it from Other routines.`).join(' ');
}

// How a movement reads in a sentence (the cards' `movement`, MOVEMENT in the contract).
const MOVEMENT_WORDS = { [MOVEMENT.BENDS_FORWARD]: 'forward bends' };

/** Why moves like a flagged one are left out (suggest.js avoidedMovements): FACTS §9's
    direction guidance, worded as a guide, never a diagnosis.
    @param {import('./suggest.js').DirectionNote} note @param {Record<string, any>} techniques */
function directionText(note, techniques) {
  const moves = MOVEMENT_WORDS[note.movement] || 'movements like it';
  const names = note.techniques.map((slug) => (techniques[slug] || {}).name || slug).join(' and ');
  const said = `you said ${names} made things worse (${shortTime(note.at)})`;
  if (note.kept) return `This routine has ${moves} in it, and ${said}. Go gently, and stop any step that makes your leg pain stronger.`;
  return `No ${moves} today: ${said}. When one direction of movement stirs the leg up, many physiotherapists suggest favouring others for a while (a guide, not a diagnosis). Any routine is still in Other routines.`;
}

let suggestionSignature = '';
async function drawSuggestion() {
  const { suggestion, state, techniques, prefs } = await today();
  pickTechniques(techniques, prefs);
  const signature = JSON.stringify(suggestion);
  if (signature === suggestionSignature) return;
  suggestionSignature = signature;
  const section = byId('today-suggestion');
  // A red-flag day: the safety banner says why; no routine is offered.
  section.hidden = Boolean(state.block);
  const aside = byId('suggestion-aside');
  aside.hidden = !(suggestion && suggestion.setAside && suggestion.setAside.length);
  const direction = byId('suggestion-direction');
  direction.hidden = !(suggestion && suggestion.direction);
  if (!suggestion) return;
  if (!aside.hidden) aside.textContent = setAsideText(suggestion.setAside || []);
  if (suggestion.direction) byId('suggestion-direction-text').textContent = directionText(suggestion.direction, techniques);
  byId('suggestion-why').textContent = suggestion.reasons.length ? `Today · fits ${suggestion.reasons.join(', ')}` : 'Suggested for today';
  byId('suggestion-heading').textContent = suggestion.routine.name;
  const names = suggestion.routine.steps.map((step) => techniques[step.technique].name);
  byId('suggestion-facts').textContent = `${facts(suggestion)}: ${names.join(', ')}.`;
  const start = /** @type {HTMLAnchorElement} */ (byId('suggestion-start'));
  start.href = suggestion.builtin ? await startUrl(suggestion) : '/routines/';
  start.onclick = suggestion.builtin ? null : (event) => {
    event.preventDefault();
    startUrl(suggestion).then((url) => window.location.assign(url)).catch(() => {});
  };
}

/** The four techniques to try that fit the answers: gentle, the right position, never rolling
    the lower back first (the server's order already is; this keeps the ones that fit). */
function pickTechniques(techniques, prefs) {
  const tiles = /** @type {HTMLElement[]} */ (Array.from(document.querySelectorAll('#featured-list .card-tile')));
  const fitting = tiles.filter((tile) => fitsTechnique(techniques[tile.dataset.slug], tile.dataset.slug, prefs, {}));
  const chosen = new Set((fitting.length >= 2 ? fitting : tiles).slice(0, 4));
  for (const tile of tiles) tile.hidden = !chosen.has(tile);
}

// ---- the last session and this week --------------------------------------------------------

const dayName = (at) => new Date(at).toLocaleDateString(undefined, { weekday: 'long' });

function lastSessionText(session) {
  const when = localDay(Date.parse(session.startedAt)) === localDay(Date.now()) ? 'today' : dayName(Date.parse(session.startedAt));
  const parts = [`${session.routineName || 'A routine'}, ${when}.`];
  // The finish screen's words (insights/outcome.js): one session is told as numbers, never as a verdict.
  const outcome = sessionOutcome(session);
  if (outcome.pain) parts.push(outcome.pain);
  else {
    if (!didSteps(session)) parts.push('No step was done.');
    if (Number.isInteger(session.painBefore)) parts.push(`Pain ${session.painBefore} before.`);
  }
  if (session.symptomDirection === 'further-down') parts.push(outcome.direction);
  return parts.join(' ');
}

async function drawSessions() {
  const sessions = (await store.all('sessions').catch(() => [])).filter((s) => s && s.startedAt);
  sessions.sort((a, b) => String(b.startedAt).localeCompare(String(a.startedAt)));
  const last = sessions[0];
  byId('last-session').hidden = !last;
  if (last) byId('last-session-text').textContent = lastSessionText(last);

  // Monday to Sunday of this week, each day done or not: no streaks, nothing "broken".
  const now = new Date();
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
  // Calendar days from Monday (`from` 0 this week, -7 last week), built by date, not by adding
  // 24 hours, so a clock change never moves a day.
  const weekOf = (from) => Array.from({ length: 7 }, (_, i) => new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + from + i));
  const days = weekOf(0);
  // A day with a routine: one with a step done (outcome.js), as in Insights and the summary.
  const done = new Set(sessions.filter(didSteps).map((s) => localDay(Date.parse(s.startedAt))));
  const todayKey = localDay(Date.now());
  let count = 0;
  const items = days.map((day) => {
    const key = localDay(day.getTime());
    const did = done.has(key);
    if (did) count += 1;
    const name = day.toLocaleDateString(undefined, { weekday: 'long' });
    const item = make('li', { className: `${did ? 'done' : ''}${key === todayKey ? ' today' : ''}`.trim() },
      make('span', { textContent: name.slice(0, 1), ariaHidden: 'true' }),
      make('span', { className: 'visually-hidden', textContent: `${name}: ${did ? 'done' : 'not yet'}` }));
    return item;
  });
  byId('week-days').replaceChildren(...items);
  byId('this-week').hidden = sessions.length === 0;
  // A new week starts empty; last week's days are still the person's (a Monday is not a reset).
  const lastWeek = weekOf(-7).filter((day) => done.has(localDay(day.getTime()))).length;
  const dayCount = (n) => `${n} day${n === 1 ? '' : 's'}`;
  byId('week-text').textContent = count === 0
    ? (lastWeek ? `A new week. Last week: ${dayCount(lastWeek)} with a routine. Even a few minutes counts.` : 'Nothing yet this week. Even a few minutes counts.')
    : `${dayCount(count)} with a routine this week. Rest days are part of it too.`;
}

const redrawToday = () => {
  drawResume();
  return Promise.all([drawFirstRun(), drawSuggestion(), drawSessions()].map((draw) => draw.catch(() => {})));
};
settleAfter(redrawToday());
records.onChange(redrawToday, { types: ['preferences', 'session', 'screening', 'symptom_log', 'flag', 'routine'] });
window.addEventListener('relieve:synced', redrawToday);
window.addEventListener('pageshow', (event) => { if (event.persisted) redrawToday(); });

const redraw = () => drawNudge().catch(() => {});
episodeForm.init({ onSaved: redraw });
settleAfter(redraw());
records.onChange(redraw, { types: ['symptom_log', 'episode'] });
window.addEventListener('relieve:synced', redraw);
