/* How long the insights take on a phone-sized history, in Node (the same code the page runs).
   A year of heavy use: 4 log entries a day, 2 sessions a day, a flag a week. The page redraws
   on every change, so a 90-day summary must stay well under a frame or two.
   Run: node bench/insights.js */
import { performance } from 'node:perf_hooks';
import { summarize, chartPoints } from '../static/js/insights/calc.js';
import { logsCsv, sessionsCsv } from '../static/js/export/csv.js';

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-11-24T20:00:00');
const logs = [];
const sessions = [];
const flags = [];
let seed = 7;
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
for (let d = 0; d < 365; d += 1) {
  const day = now.getTime() - d * DAY;
  for (let i = 0; i < 4; i += 1) {
    logs.push({ id: `l${d}-${i}`, loggedAt: new Date(day - i * 3 * 3600 * 1000).toISOString(),
      legPain: Math.floor(random() * 11), backPain: Math.floor(random() * 11), numbness: 'mild', tingling: 'none',
      weakness: 'none', areas: { calf: 'left', buttock: 'both' }, helped: ['heat'], helpedOther: '', sleep: 'fair',
      notes: 'Sat too long, "bad" day, then a walk', warningSigns: [] });
  }
  for (let i = 0; i < 2; i += 1) {
    const start = day - (i * 6 + 1) * 3600 * 1000;
    sessions.push({ id: `s${d}-${i}`, routineId: i ? 'desk-break' : 'morning-relief', routineName: i ? 'Desk break' : 'Morning relief',
      startedAt: new Date(start).toISOString(), endedAt: new Date(start + 600000).toISOString(), status: 'finished',
      completed: [], skipped: [], worse: d % 7 ? [] : ['cat-cow'], painBefore: 6, painAfter: 4 });
  }
  if (d % 7 === 0) flags.push({ id: `f${d}`, technique: 'cat-cow', at: new Date(day).toISOString() });
}

function time(label, fn, runs = 50) {
  fn(); // warm up
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(runs / 2)];
  const p95 = samples[Math.floor(runs * 0.95)];
  console.log(`${label.padEnd(44)} median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
}

console.log(`History: ${logs.length} log entries, ${sessions.length} sessions, ${flags.length} flags`);
for (const days of [7, 30, 90]) {
  time(`summarize + chartPoints, ${days} days`, () => chartPoints(summarize({ logs, sessions, flags, days, now }).days));
}
time('CSV of every log entry', () => logsCsv(logs), 10);
time('CSV of every session', () => sessionsCsv(sessions), 10);
