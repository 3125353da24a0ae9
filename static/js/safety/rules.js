/* Safety screening rules, applied on the device so they hold offline. Pure: the answers, log
   entries, questions and techniques come in; what to ask, what to block and why goes out.

   - Red flags: a "yes" recorded today, in a screening or ticked on a log entry, means no
     routines until tomorrow and a message to get medical care (urgent for the emergency signs).
     The latest screening of a day replaces earlier ones that day, so a mistaken answer can be
     corrected; a warning sign on a log entry stands until that entry is edited or deleted. An
     entry counts for the day it is dated and the day it was saved: last night's symptoms logged
     this morning still block today.
   - The red-flag check is asked before the first routine, again before the next routine after
     any "yes", after a log entry that suggests a red flag, and when the app has added a question
     since the last check.
   - Contraindications: each "yes" rules out the techniques tagged with it (avoid_if), and any
     routine using them shows why. The latest answers count. */
// @ts-check
import { LEG_REGIONS, LEVEL_RANK } from '../generated/contract.js';

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
/** @typedef {{ id: string, question: string, urgency?: string, detail?: string, avoidIf?: string, reason?: string }} Question */
/** @typedef {{ level: 'emergency' | 'soon', reasons: Array<Question & { source: 'check' | 'log', logId?: string }> }} Block */
/**
 * @typedef {object} Assessment
 * @property {boolean} needsRedFlags
 * @property {boolean} needsContraindications
 * @property {Block | null} block
 * @property {Record<string, string[]>} notAdvised  technique slug: reasons
 * @property {string[]} contraindications  ids answered yes
 */



function byTime(records, field) {
  return records.filter((r) => r && time(r[field]) !== null).sort((a, b) => time(a[field]) - time(b[field]));
}

/** @param {Screening[]} screenings @param {Screening['kind']} kind @returns {Screening | null} */
function latest(screenings, kind) {
  const list = byTime((screenings || []).filter((s) => s && s.kind === kind), 'takenAt');
  return list.length ? list[list.length - 1] : null;
}

const yesAnswers = (screening) => (screening ? Object.keys(screening.answers || {}).filter((id) => screening.answers[id] === true) : []);

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
 * severe since the previous entry: reasons to ask the full check, not answers to it.
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

/**
 * Everything the app needs to decide before a routine:
 * { needsRedFlags, needsContraindications, block: null | {level, reasons: [{id, question, urgency, source}]},
 *   notAdvised: {techniqueSlug: [reason, ...]}, contraindications: [ids answered yes] }
 * @param {{ screenings?: Screening[], logs?: SymptomLog[], questions?: { redFlags?: Question[], contraindications?: Question[] },
 *   techniques?: Record<string, { avoid_if?: string[] }>, now?: number | Date }} input
 * @returns {Assessment}
 */
function assess({ screenings = [], logs = [], questions, techniques = {}, now = Date.now() }) {
  const today = localDay(now);
  const redFlags = (questions && questions.redFlags) || [];
  const question = Object.fromEntries(redFlags.map((q) => [q.id, q]));
  const lastRedFlags = latest(screenings, 'red-flags');
  const lastContra = latest(screenings, 'contraindications');
  const sortedLogs = byTime(logs || [], 'loggedAt');

  const reasons = new Map();
  const add = (id, source, logId) => {
    if (question[id] && !reasons.has(id)) reasons.set(id, { ...question[id], source, ...(logId ? { logId } : {}) });
  };
  if (lastRedFlags && localDay(time(lastRedFlags.takenAt)) === today) {
    for (const id of yesAnswers(lastRedFlags)) add(id, 'check');
  }
  for (const entry of sortedLogs) {
    if (localDay(recordedAt(entry)) === today || localDay(time(entry.loggedAt)) === today) {
      for (const id of entry.warningSigns || []) add(id, 'log', entry.id);
    }
  }
  const list = redFlags.filter((q) => reasons.has(q.id)).map((q) => reasons.get(q.id));
  /** @type {Block | null} */
  const block = list.length
    ? { level: list.some((r) => r.urgency === 'emergency') ? 'emergency' : 'soon', reasons: list }
    : null;

  const checkedAt = lastRedFlags ? time(lastRedFlags.takenAt) : -Infinity;
  const loggedSince = sortedLogs.some((entry, i) => {
    if (recordedAt(entry) <= checkedAt) return false;
    const { explicit, suggested } = logTriggers(entry, sortedLogs[i - 1]);
    return explicit.length > 0 || suggested.length > 0;
  });
  // A question added since the last check (a newer app version) has not been answered yet.
  const unanswered = (screening, asked) => asked.some((q) => typeof (screening.answers || {})[q.id] !== 'boolean');
  const needsRedFlags = !lastRedFlags || loggedSince || unanswered(lastRedFlags, redFlags)
    || (yesAnswers(lastRedFlags).length > 0 && localDay(checkedAt) !== today);
  const contraQuestions = (questions && questions.contraindications) || [];

  const contraindications = yesAnswers(lastContra);
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
    needsRedFlags, needsContraindications: !lastContra || unanswered(lastContra, contraQuestions),
    block, notAdvised, contraindications,
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

export { assess, logTriggers, routineConcerns, latest };
