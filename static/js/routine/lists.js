/* Device data shown on server-rendered pages: "My routines", the history, a shared routine
   link, and the "made it worse" note on a technique card. */
// @ts-check
import { announce, byId, confirmTap, formatMinutes, make } from '../lib/dom.js';
import { uuid7 } from '../lib/ids.js';
import * as catalog from '../lib/catalog.js';
import * as records from '../sync/records.js';
import { resumable } from './resume.js';
import * as share from './share.js';
import * as store from '../lib/store.js';
import { settleAfter } from '../lib/settle.js';
import { sessionStepsText } from '../insights/outcome.js';
import { SYMPTOM_DIRECTION_LABELS } from '../generated/contract.js';
import { latestFlags } from './starting.js';

const shareUrl = (routine) => `${window.location.origin}/routines/shared#r=${share.encodeRoutine(routine)}`;

let listRun = 0;
let drawn = null;

async function myRoutines() {
  const list = byId('my-routines');
  if (!list) return;
  const run = ++listRun;
  const status = byId('mine-status');
  const data = await catalog.load();
  const routines = (await store.all('routines')).sort((a, b) => a.name.localeCompare(b.name));
  const flagged = latestFlags(await store.all('flags').catch(() => []));
  // Redraw only when something changed: a redraw in the middle of a two-tap Delete would
  // swallow the second tap.
  const signature = JSON.stringify([routines, [...flagged]]);
  if (signature === drawn) return;
  const items = [];
  for (const routine of routines) {
    let time = '';
    try {
      time = formatMinutes((await catalog.facts(routine)).seconds);
    } catch {
      time = 'needs editing';
    }
    const names = routine.steps.map((s) => (data.techniques[s.technique] || { name: s.technique }).name);
    const start = make('a', { className: 'button primary', href: `/play?routine=${encodeURIComponent(routine.id)}`, textContent: 'Start' });
    const edit = make('a', { className: 'button', href: `/routines/new?id=${encodeURIComponent(routine.id)}`, textContent: 'Edit' });
    const copy = make('button', { type: 'button', className: 'button', textContent: 'Duplicate' });
    const shareButton = make('button', { type: 'button', className: 'button', textContent: 'Share' });
    const remove = make('button', { type: 'button', className: 'button quiet', textContent: 'Delete' });
    for (const button of [start, edit, copy, shareButton, remove]) button.setAttribute('aria-label', `${button.textContent} ${routine.name}`);
    copy.addEventListener('click', async () => {
      const now = new Date().toISOString();
      const name = `${routine.name} (copy)`.slice(0, 60);
      // A copy is the person's own: not the one Today's Start reuses (its `suggestion` mark).
      const { suggestion: _made, ...own } = routine;
      await records.save('routine', { ...own, id: uuid7(), name, createdAt: now });
      status.textContent = `Made a copy: ${name}.`;
      await myRoutines();
      status.focus();
    });
    shareButton.addEventListener('click', async () => {
      let url;
      try {
        url = shareUrl(routine);
      } catch (error) {
        status.textContent = `This routine can't be shared as it is: ${error.message} Edit it and try again.`;
        return;
      }
      try {
        if (navigator.share) await navigator.share({ title: routine.name, url });
        else {
          await navigator.clipboard.writeText(url);
          status.textContent = `Link to “${routine.name}” copied. Anyone who opens it can save the routine.`;
        }
      } catch {
        status.replaceChildren('Copy this link to share: ', make('a', { href: url, textContent: url }));
      }
    });
    confirmTap(remove, 'Tap again to delete', async () => {
      await records.remove('routine', routine.id);
      status.textContent = `Deleted ${routine.name}.`;
      await myRoutines();
      status.focus();
    });
    // Steps marked as making things worse stay in the routine (the person's), but the player
    // leaves them out: said here, as on a built-in routine's page.
    const worse = [...new Set(routine.steps.map((s) => s.technique).filter((slug) => flagged.has(slug)))];
    const notes = worse.length
      ? [make('p', { className: 'worse', textContent: `Left out when played: ${worse.map((slug) => (data.techniques[slug] || { name: slug }).name).join(', ')}, which you said made things worse. Its card can clear the mark.` })]
      : [];
    items.push(make('li', { className: 'routine-tile' },
      make('h3', { textContent: routine.name }),
      make('p', { className: 'tile-meta', textContent: `${time} · ${names.join(', ')}` }),
      ...notes,
      make('div', { className: 'tile-actions' }, start, edit, copy, shareButton, remove)));
  }
  // A newer refresh started while this one awaited: let that one draw the list.
  if (run !== listRun) return;
  drawn = signature;
  byId('mine-empty').hidden = routines.length > 0;
  list.replaceChildren(...items);
}

async function history() {
  const list = byId('history-list');
  if (!list) return;
  const sessions = (await store.all('sessions')).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  byId('history-empty').hidden = sessions.length > 0;
  const data = await catalog.load();
  const nameOf = (slug) => (data.techniques[slug] || { name: slug }).name;
  list.replaceChildren();
  for (const s of sessions) {
    const started = new Date(s.startedAt);
    const minutes = Math.max(1, Math.round((new Date(s.endedAt).getTime() - started.getTime()) / 60000));
    const when = started.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    // Steps, not sets or sides, in the finish screen's words (insights/outcome.js).
    const facts = [`${minutes} min`, sessionStepsText(s).replace(/\.$/, '')];
    if (s.status === 'ended') facts.push('ended early');
    const pain = s.painBefore !== null || s.painAfter !== null
      ? `Pain ${s.painBefore ?? '–'} before, ${s.painAfter ?? '–'} after (out of 10)` : '';
    const item = make('li', { className: 'history-item' },
      make('h2', { textContent: s.routineName }),
      make('p', { className: 'tile-meta' }, make('time', { dateTime: s.startedAt, textContent: when }), ` · ${facts.join(' · ')}`));
    if (pain) item.append(make('p', { textContent: pain }));
    // What the finish screen asked; "further down" is what to look back for before the next one.
    if (s.symptomDirection && SYMPTOM_DIRECTION_LABELS[s.symptomDirection]) {
      const spread = s.symptomDirection === 'further-down';
      item.append(make('p', { className: spread ? 'worse' : '', textContent: `Leg symptoms afterwards: ${SYMPTOM_DIRECTION_LABELS[s.symptomDirection].toLowerCase()}` }));
    }
    if (s.worse && s.worse.length) item.append(make('p', { className: 'worse', textContent: `Made it worse: ${s.worse.map(nameOf).join(', ')}` }));
    list.append(item);
  }
}

async function shared() {
  const box = byId('shared');
  if (!box) return;
  const error = byId('shared-error');
  const text = new URLSearchParams(window.location.hash.slice(1)).get('r');
  const data = await catalog.load();
  const result = text ? share.decodeRoutine(text, data.techniques) : { ok: false, error: 'This link has no routine in it.' };
  if (!result.ok) {
    error.textContent = `This shared routine can't be opened: ${result.error} Nothing was saved.`;
    error.hidden = false;
    return;
  }
  const routine = result.routine;
  byId('shared-name').textContent = routine.name;
  byId('shared-time').textContent = formatMinutes((await catalog.facts(routine)).seconds);
  byId('shared-steps').replaceChildren(...routine.steps.map((step) => {
    const t = data.techniques[step.technique];
    const timed = t.dosing.type === 'time';
    const amount = timed ? `${step.seconds ?? t.dosing.seconds} seconds` : `${step.reps ?? t.dosing.reps} reps`;
    return make('li', {}, make('a', { href: t.url, textContent: t.name }), ` · ${amount}${step.sides === 'left-right' ? ', left then right' : ''}`);
  }));
  byId('shared-preview').hidden = false;
  const save = /** @type {HTMLButtonElement} */ (byId('shared-save'));
  const now = new Date().toISOString();
  // One id for this link's routine, so tapping Save twice can't make two copies.
  const record = { ...routine, id: uuid7(), createdAt: now, updatedAt: now };
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      await records.save('routine', record);
    } catch (e) {
      save.disabled = false;
      byId('shared-status').textContent = `Not saved: ${e.message} Please try again.`;
      return;
    }
    byId('shared-status').replaceChildren(`Saved “${record.name}” to your routines. `,
      make('a', { href: `/play?routine=${encodeURIComponent(record.id)}`, textContent: 'Start it now' }));
  });
}

async function cardFlag() {
  const note = byId('worse-note');
  if (!note) return;
  const flags = await store.byIndex('flags', 'technique', note.dataset.technique);
  if (!flags.length) return;
  const latest = flags.map((f) => f.at).sort().pop();
  byId('worse-date').textContent = new Date(latest).toLocaleDateString();
  note.hidden = false;
  byId('worse-clear').addEventListener('click', async () => {
    for (const flag of flags) await records.remove('flag', flag.id);
    note.hidden = true;
    byId('card-title').focus();
    announce('Mark cleared.');
  });
}

/** An interrupted routine (less than a day old), offered first on the routines list. */
async function resumeOffer() {
  const offer = byId('resume-offer');
  if (!offer) return;
  const saved = resumable();
  offer.hidden = !saved;
  if (!saved) return;
  byId('resume-text').textContent = `${saved.name}${saved.stepText ? ` · ${saved.stepText}` : ''}, left ${new Date(saved.savedAt).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })}.`;
  /** @type {HTMLAnchorElement} */ (byId('resume-link')).href = saved.url;
}

for (const part of [resumeOffer, myRoutines, history, shared, cardFlag]) {
  settleAfter(part()).catch((error) => console.warn(`${part.name}:`, error));
}
// Changes pulled from the account appear without a reload.
window.addEventListener('relieve:synced', () => {
  for (const part of [myRoutines, history]) part().catch((error) => console.warn(`${part.name}:`, error));
});
