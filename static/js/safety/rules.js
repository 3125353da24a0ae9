/* Safety screening rules, applied on the device so they hold offline. Pure: the answers, log
   entries, questions and techniques come in; what to ask, what to block and why goes out. The
   questions, tiers and combinations come from webapp/safety/questions.py (through /catalog.json
   and the generated contract): this file holds no clinical content of its own.

   - Tiers: every red flag has one ("emergency": Emergency now, "today": Today, "soon": Within a
     few days). A "yes" recorded today, in the check or ticked on a log entry, means no routines
     until tomorrow and the tier's advice; the most urgent tier wins. Some signs together need care
     sooner than either alone (combinations: fever or a risk of infection with new leg weakness or
     numbness is an emergency).
   - Answers count per question: the latest answer to each question stands, so a later check the
     same day corrects a mistaken one, and a check of the emergency questions alone leaves the
     other answers as they were. A warning sign on a log entry stands until that entry is edited or
     deleted. An entry counts for the day it is dated and the day it was saved: last night's
     symptoms logged this morning still block today.
   - What to ask before a routine, by screen: the emergency questions before the first routine,
     again every RECHECK_DAYS days, after a log entry that records or suggests a nerve sign, and
     after any "yes" on an earlier day; the other warning signs once (again after a "yes" on an
     earlier day, or when the app adds a question); the contraindications once (again when the app
     adds one). A flare-up asks only the emergency questions.
   - Contraindications: each "yes" rules out the techniques tagged with it (avoid_if), and any
     routine using them shows why. The latest answers count. */
// @ts-check
import { LEG_REGIONS, LEVEL_RANK, RECHECK_DAYS } from '../generated/contract.js';

// A red-flag day ends at the person's midnight, not UTC's.
import { timeOf as time, localDay } from '../lib/days.js';

/** @typedef {import('../symptoms/validate.js').SymptomLog} SymptomLog */
/** @typedef {import('../routine/expand.js').Routine} Routine */
/**
 * One set of screening answers (ScreeningData on the server); every screening is kept.
 * @typedef {object} Screening
 * @property {string} [id]
 * @property {'red-flags' | 'contraindications'} kind
 * @property {string} takenAt  ISO time
 * @property {Record<string, boolean>} answers  question id: yes
 * @property {'first-run' | 'log' | 'routine' | 'settings' | null} [source]
 * @property {string | null} [updatedAt]
 */
/** @typedef {'emergency' | 'today' | 'soon'} TierId */
/** @typedef {{ id: string, question: string, tier?: TierId, screen?: string, detail?: string, avoidIf?: string, reason?: string }} Question */
/** @typedef {{ id: string, tier: TierId, anyOf: string[], withAny: string[], explanation: string, logLevels?: string[][] }} Combination */
/** @typedef {Question & { source: 'check' | 'log', logId?: string, at: number }} Reason */
/** @typedef {{ tier: TierId, level: TierId, reasons: Reason[], combinations: Combination[] }} Block */
/**
 * @typedef {object} Assessment
 * @property {{ emergency: boolean, warning: boolean, contraindications: boolean }} needs  screens to ask before a routine
 * @property {boolean} needsRedFlags  the emergency or the warning screen
 * @property {boolean} needsContraindications
 * @property {number | null} lastCheck  when the emergency questions were last answered (ms)
 * @property {Block | null} block
 * @property {Record<string, string[]>} notAdvised  technique slug: reasons
 * @property {string[]} contraindications  ids answered yes
 */

const TIER_RANK = { soon: 1, today: 2, emergency: 3 };
const DAY_MS = 24 * 60 * 60 * 1000;

function byTime(records, field) {
  return records.filter((r) => r && time(r[field]) !== null).sort((a, b) => time(a[field]) - time(b[field]));
}

/** @param {Screening[]} screenings @param {Screening['kind']} kind @returns {Screening | null} */
function latest(screenings, kind) {
  const list = byTime((screenings || []).filter((s) => s && s.kind === kind), 'takenAt');
  return list.length ? list[list.length - 1] : null;
}

/** The latest answer to each question of a kind: {id: {yes, at}}.
    @param {Screening[]} screenings @param {Screening['kind']} kind */
function latestAnswers(screenings, kind) {
  /** @type {Record<string, { yes: boolean, at: number }>} */
  const answers = {};
  for (const screening of byTime((screenings || []).filter((s) => s && s.kind === kind), 'takenAt')) {
    for (const [id, yes] of Object.entries(screening.answers || {})) {
      if (typeof yes === 'boolean') answers[id] = { yes, at: time(screening.takenAt) };
    }
  }
  return answers;
}

function bothLegs(entry) {
  const areas = (entry && entry.areas) || {};
  const sides = LEG_REGIONS.map((region) => areas[region]).filter(Boolean);
  return sides.includes('both') || (sides.includes('left') && sides.includes('right'));
}

/** When an entry became known on this device: its own time, or later if it was saved (or
    edited, or synced in) later, so last night's entry made this morning still counts today. */
const recordedAt = (entry) => Math.max(time(entry.loggedAt), time(entry.updatedAt) || -Infinity);

/**
 * Red-flag signs a log entry records or suggests. `explicit`: warning signs ticked on the entry.
 * `suggested`: symptoms in both legs on the body map, or weakness that has risen to moderate or
 * severe since the previous entry: reasons to ask the emergency questions, not answers to them.
 * @param {SymptomLog} entry @param {SymptomLog | null} [previous]
 * @returns {{ explicit: string[], suggested: string[] }}
 */
function logTriggers(entry, previous) {
  const explicit = Array.isArray(entry && entry.warningSigns) ? entry.warningSigns.slice() : [];
  const suggested = [];
  // Carried over unchanged from the previous entry, both legs were already asked about.
  if (bothLegs(entry) && !bothLegs(previous) && !explicit.includes('both-legs')) suggested.push('both-legs');
  const now = LEVEL_RANK[entry && entry.weakness] || 0;
  const before = LEVEL_RANK[previous && previous.weakness] || 0;
  if (now >= LEVEL_RANK.moderate && now > before && !explicit.includes('weakness-worse')) suggested.push('weakness-worse');
  return { explicit, suggested };
}

/** The most urgent of some tiers, or null. @param {TierId[]} tiers @returns {TierId | null} */
function mostUrgent(tiers) {
  return tiers.reduce((best, tier) => (best === null || TIER_RANK[tier] > TIER_RANK[best] ? tier : best), null);
}

/**
 * Combinations met today: one sign of `anyOf` with one of `withAny`, or with a log entry today
 * whose symptom reaches a level in `logLevels`.
 * @param {Combination[]} combinations @param {Set<string>} signs @param {SymptomLog[]} logsToday
 */
function combinationsMet(combinations, signs, logsToday) {
  return (combinations || []).filter((c) => {
    if (!c.anyOf.some((id) => signs.has(id))) return false;
    if (c.withAny.some((id) => signs.has(id))) return true;
    return logsToday.some((entry) => (c.logLevels || []).some(([field, level]) => (LEVEL_RANK[entry[field]] || 0) >= LEVEL_RANK[level]));
  });
}

/**
 * Everything the app needs to decide before a routine (see Assessment).
 * @param {{ screenings?: Screening[], logs?: SymptomLog[],
 *   questions?: { redFlags?: Question[], retiredRedFlags?: Question[], combinations?: Combination[], contraindications?: Question[] },
 *   techniques?: Record<string, { avoid_if?: string[] }>, now?: number | Date }} input
 * @returns {Assessment}
 */
function assess({ screenings = [], logs = [], questions, techniques = {}, now = Date.now() }) {
  const at = now instanceof Date ? now.getTime() : now;
  const today = localDay(at);
  const redFlags = (questions && questions.redFlags) || [];
  const known = [...redFlags, ...((questions && questions.retiredRedFlags) || [])];
  const question = Object.fromEntries(known.map((q) => [q.id, q]));
  const answers = latestAnswers(screenings, 'red-flags');
  const sortedLogs = byTime(logs || [], 'loggedAt');
  const logsToday = sortedLogs.filter((entry) => localDay(recordedAt(entry)) === today || localDay(time(entry.loggedAt)) === today);

  /** @type {Map<string, Reason>} */
  const reasons = new Map();
  const add = (id, source, when, logId) => {
    if (question[id] && !reasons.has(id)) reasons.set(id, { ...question[id], source, at: when, ...(logId ? { logId } : {}) });
  };
  for (const [id, answer] of Object.entries(answers)) {
    if (answer.yes && localDay(answer.at) === today) add(id, 'check', answer.at);
  }
  for (const entry of logsToday) {
    for (const id of entry.warningSigns || []) add(id, 'log', time(entry.loggedAt), entry.id);
  }
  const list = known.filter((q) => reasons.has(q.id)).map((q) => reasons.get(q.id));
  const combinations = combinationsMet(questions && questions.combinations, new Set(reasons.keys()), logsToday);
  const tier = mostUrgent([...list.map((r) => r.tier), ...combinations.map((c) => c.tier)]);
  /** @type {Block | null} */
  const block = tier ? { tier, level: tier, reasons: list, combinations } : null;

  // Each screen is asked again when a question on it has never been answered, or was answered
  // "yes" on an earlier day (a sign is rechecked, not assumed to have gone).
  const screenOf = (q) => q.screen || (q.tier === 'emergency' ? 'emergency' : 'warning');
  const onScreen = (screen) => redFlags.filter((q) => screenOf(q) === screen);
  const stale = (qs) => qs.some((q) => !answers[q.id] || (answers[q.id].yes && localDay(answers[q.id].at) !== today));
  const emergencyQuestions = onScreen('emergency');
  const answeredAt = emergencyQuestions.map((q) => (answers[q.id] ? answers[q.id].at : null));
  const lastCheck = answeredAt.length && answeredAt.every((t) => t !== null) ? Math.min(...answeredAt) : null;
  const loggedSince = sortedLogs.some((entry, i) => {
    if (lastCheck !== null && recordedAt(entry) <= lastCheck) return false;
    const { explicit, suggested } = logTriggers(entry, sortedLogs[i - 1]);
    return explicit.length > 0 || suggested.length > 0;
  });
  const needs = {
    emergency: stale(emergencyQuestions) || lastCheck === null || at - lastCheck > RECHECK_DAYS * DAY_MS || loggedSince,
    warning: stale(onScreen('warning')),
    contraindications: false,
  };

  const contraQuestions = (questions && questions.contraindications) || [];
  const lastContra = latestAnswers(screenings, 'contraindications');
  needs.contraindications = contraQuestions.some((q) => !lastContra[q.id]);
  const contraindications = contraQuestions.filter((q) => lastContra[q.id] && lastContra[q.id].yes).map((q) => q.id);
  const byTag = {};
  for (const q of contraQuestions) {
    if (contraindications.includes(q.id)) byTag[q.avoidIf] = q.reason;
  }
  /** @type {Record<string, string[]>} */
  const notAdvised = {};
  for (const [slug, technique] of Object.entries(techniques)) {
    const why = (technique.avoid_if || []).filter((tag) => byTag[tag]).map((tag) => byTag[tag]);
    if (why.length) notAdvised[slug] = why;
  }
  return {
    needs, needsRedFlags: needs.emergency || needs.warning, needsContraindications: needs.contraindications,
    lastCheck, block, notAdvised, contraindications,
  };
}

/** The steps of a routine that the answers rule out, with why: [{technique, reasons}].
    @param {Routine} routine @param {Record<string, string[]>} notAdvised
    @returns {Array<{ technique: string, reasons: string[] }>} */
function routineConcerns(routine, notAdvised) {
  const seen = new Set();
  const concerns = [];
  for (const step of (routine && routine.steps) || []) {
    if (notAdvised[step.technique] && !seen.has(step.technique)) {
      seen.add(step.technique);
      concerns.push({ technique: step.technique, reasons: notAdvised[step.technique] });
    }
  }
  return concerns;
}

export { assess, logTriggers, routineConcerns, latest, latestAnswers, mostUrgent, TIER_RANK };
