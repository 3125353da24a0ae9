/* The home page's own part: when this episode started (symptoms/episode-form.js) and, when the
   log shows sciatica not easing after about 6 weeks or weakness getting worse, a calm suggestion
   to book a GP or physio review (insights/review.js decides), with the figures behind it and the
   printable summary one tap away. The safety banners on this page are safety/gate.js's. */
// @ts-check
import { LEVELS, RED_FLAGS, TIERS } from '../generated/contract.js';
import { byId, make } from '../lib/dom.js';
import * as store from '../lib/store.js';
import * as records from '../sync/records.js';
import { reviewNudge, MEANINGFUL_POINTS, MEANINGFUL_SHARE } from '../insights/review.js';
import * as episodeForm from '../symptoms/episode-form.js';

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
    lines.push(`A change that usually matters is a drop of at least ${MEANINGFUL_POINTS} points, or ${Math.round(MEANINGFUL_SHARE * 100)}%.`);
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

const redraw = () => drawNudge().catch(() => {});
episodeForm.init({ onSaved: redraw });
redraw();
records.onChange(redraw, { types: ['symptom_log', 'episode'] });
window.addEventListener('relieve:synced', redraw);
