/* The insights page: pain over the chosen period with routines marked, before/after figures,
   how often routines were done, the routines followed by the biggest drops, and CSV downloads.
   Everything is read from this device's IndexedDB, so it works offline. */
(() => {
  'use strict';
  const R = window.Relieve;
  const root = R.byId('insights');
  if (!root) return;

  const PERIOD_KEY = 'relieve.insights.period';
  const PERIODS = ['7', '30', '90'];
  const { make } = R;
  const { score } = R.chart;
  const points = (n) => (n === 1 ? '1 point' : `${score(n)} points`);
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  function period() {
    const checked = root.querySelector('input[name="period"]:checked');
    return Number(checked ? checked.value : 30);
  }

  /** "went down by 1.5 points" from the change between the halves of the period. */
  function changeText(change) {
    if (change === null) return '';
    if (change === 0) return 'about the same';
    return change < 0 ? `down ${points(-change)}` : `up ${points(change)}`;
  }

  function sentence(s) {
    const span = `the last ${s.dayCount} days (${R.chart.dayRange(s.from, s.to)})`;
    if (!s.entries) return `No pain was logged in ${span}.`;
    const parts = [];
    if (s.avgLeg !== null) parts.push(`leg pain averaged ${score(s.avgLeg)}`);
    if (s.avgBack !== null) parts.push(`back pain ${score(s.avgBack)}`);
    const changes = [];
    if (s.change.leg !== null) changes.push(`leg pain ${changeText(s.change.leg)}`);
    if (s.change.back !== null) changes.push(`back pain ${changeText(s.change.back)}`);
    const trend = changes.length ? ` From the first half of the period to the second, ${changes.join(' and ')}.` : '';
    return `Over ${span}, ${parts.join(' and ')} out of 10, from ${plural(s.entries, 'entry', 'entries')}; `
      + `routines were done on ${plural(s.activeDays, 'day', 'days')}.${trend}`;
  }

  function table(s) {
    const body = R.byId('pain-table').tBodies[0];
    const rows = [...s.days].reverse().map((day) => make('tr', {},
      make('th', { scope: 'row', textContent: R.chart.tableDay(day.day) }),
      make('td', { textContent: day.leg === null ? 'not logged' : score(day.leg) }),
      make('td', { textContent: day.back === null ? 'not logged' : score(day.back) }),
      make('td', { textContent: String(day.entries) }),
      make('td', { textContent: day.routines.join(', ') || '–' })));
    body.replaceChildren(...rows);
    R.byId('pain-table-caption').textContent = `Pain per day, out of 10, newest first: ${R.chart.dayRange(s.from, s.to)}`;
  }

  function beforeAfter(s) {
    const b = s.beforeAfter;
    if (!b.count) {
      return 'No sessions in this period have a pain rating at both the start and the end. The player asks for both; they are optional.';
    }
    const drop = b.drop > 0 ? `${points(b.drop)} lower afterwards` : b.drop < 0 ? `${points(-b.drop)} higher afterwards` : 'no different afterwards';
    return `Across ${plural(b.count, 'session', 'sessions')} with both ratings, pain averaged ${score(b.before)} before and ${score(b.after)} after (out of 10): ${drop}.`;
  }

  function often(s) {
    R.byId('days-per-week').textContent = s.sessions.finished
      ? `You finished a routine on ${plural(s.activeDays, 'day', 'days')} of the last ${s.dayCount}: about ${score(s.daysPerWeek)} days a week (${plural(s.sessions.finished, 'routine', 'routines')} finished).`
      : `No routines finished in the last ${s.dayCount} days.`;
    const weeks = s.weeks.length > 1 && s.sessions.finished ? s.weeks : [];
    R.byId('week-list').replaceChildren(...[...weeks].reverse().map((w) => make('li', {},
      make('span', { textContent: R.chart.dayRange(w.from, w.to) }),
      make('strong', { textContent: `${w.activeDays} of ${w.dayCount} days` }))));
  }

  function drops(s) {
    const items = s.routines.map((r) => {
      const change = r.avgDrop > 0 ? `${points(r.avgDrop)} lower on average` : r.avgDrop < 0 ? `${points(-r.avgDrop)} higher on average` : 'no change on average';
      return make('li', {}, make('strong', { textContent: r.name }), `: pain ${change} (${plural(r.rated, 'rated session', 'rated sessions')})`);
    });
    R.byId('drop-list').replaceChildren(...items);
    R.byId('drops-empty').hidden = items.length > 0;
  }

  let drawing = 0;
  let drawn = null;
  async function draw() {
    const run = ++drawing;
    const [logs, sessions, flags] = await Promise.all([R.store.all('logs'), R.store.all('sessions'), R.store.all('flags')]);
    if (run !== drawing) return; // a newer draw (another period, a sync) is on its way
    const days = period();
    // A sync that brought nothing new leaves the page alone: no flicker, no lost place in the table.
    const signature = JSON.stringify([days, R.insights.localDay(new Date()), logs, sessions, flags]);
    if (signature === drawn) return;
    const summaryLink = R.byId('summary-link');
    summaryLink.href = `/insights/summary?days=${days}`;
    const empty = !logs.length && !sessions.length;
    R.byId('insights-empty').hidden = !empty;
    R.byId('insights-body').hidden = empty;
    if (empty) return;
    const s = R.insights.summarize({ logs, sessions, flags, days, now: new Date() });
    const text = sentence(s);
    R.byId('chart-summary').textContent = text;
    R.byId('pain-chart').replaceChildren(R.chart.painChart(s, { label: `Chart of leg and back pain per day. ${text}` }));
    const legend = R.byId('chart-legend');
    legend.querySelector('.chart-legend')?.remove();
    legend.prepend(R.chart.legend());
    table(s);
    R.byId('before-after').textContent = beforeAfter(s);
    often(s);
    drops(s);
    drawn = signature;
  }

  const redraw = () => draw().catch((error) => {
    R.byId('chart-summary').textContent = `Your insights could not be worked out: ${error.message}`;
    R.byId('insights-body').hidden = false;
  });

  const saved = R.prefs.get(PERIOD_KEY);
  if (PERIODS.includes(saved)) root.querySelector(`input[name="period"][value="${saved}"]`).checked = true;
  R.byId('period-switch').addEventListener('change', () => {
    R.prefs.set(PERIOD_KEY, String(period()));
    redraw();
    R.announce(`Showing the last ${period()} days.`);
  });

  /** A file made here, handed to the browser as a download: nothing goes to a server. */
  function download(text, name, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = make('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function techniqueNames() {
    try {
      const data = await R.catalog.load();
      return Object.fromEntries(Object.entries(data.techniques).map(([slug, t]) => [slug, t.name]));
    } catch {
      return {}; // the file still lists the techniques by their short ids
    }
  }

  const status = R.byId('download-status');
  R.byId('download-logs').addEventListener('click', async () => {
    try {
      const logs = (await R.store.all('logs')).sort((a, b) => String(a.loggedAt).localeCompare(String(b.loggedAt)));
      download(R.csv.logsCsv(logs), R.csv.filename('logs', new Date()), 'text/csv;charset=utf-8');
      status.textContent = `Symptom log downloaded: ${plural(logs.length, 'entry', 'entries')}.`;
    } catch (error) {
      status.textContent = `The file could not be made: ${error.message}`;
    }
  });
  R.byId('download-sessions').addEventListener('click', async () => {
    try {
      const sessions = (await R.store.all('sessions')).sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)));
      download(R.csv.sessionsCsv(sessions, { techniqueNames: await techniqueNames() }), R.csv.filename('sessions', new Date()), 'text/csv;charset=utf-8');
      status.textContent = `Sessions downloaded: ${plural(sessions.length, 'session', 'sessions')}.`;
    } catch (error) {
      status.textContent = `The file could not be made: ${error.message}`;
    }
  });

  redraw();
  // New entries from this device or pulled from the account appear without a reload.
  R.records.onChange(redraw);
  window.addEventListener('relieve:synced', redraw);
})();
