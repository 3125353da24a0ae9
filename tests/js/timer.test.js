import test from 'node:test';
import assert from 'node:assert/strict';
import * as timer from '../../static/js/routine/timer.js';
import { expandRoutine } from '../../static/js/routine/expand.js';
import { catalog, routine } from './fixtures.js';

const T0 = 1700000000000;
const at = (seconds) => T0 + Math.round(seconds * 1000);

// Timed only (cat-cow, the rep step, is skipped):
// 0 ready 5 | 1 L 30 | 2 switch 5 | 3 R 30 | 4 rest 10 | 5 L 30 | 6 switch 5 | 7 R 30 | 8 rest 30 | 9 ball 45
// Segment starts (s): 0, 5, 35, 40, 70, 80, 110, 115, 145, 175; end 220.
const timed = () => expandRoutine(routine(), catalog, { skip: ['cat-cow'] });
// With the rep step: 0 ready 5 | 1 cat-cow reps | 2 rest 20 | 3 L 30 | ...
const withReps = () => expandRoutine(routine(), catalog);

const kinds = (events) => events.map((e) => (e.type === 'segment' ? `segment ${e.index}` : e.type === 'countdown' ? `countdown ${e.secondsLeft}@${e.index}` : e.type));

function deepFreeze(value) {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function runTo(state, seconds) {
  return timer.advance(state, at(seconds));
}

test('start builds a plain, JSON-safe running state', () => {
  const segments = timed();
  const state = timer.start(segments, T0);
  assert.equal(state.status, 'running');
  assert.equal(state.index, 0);
  assert.equal(state.segmentStart, T0);
  assert.equal(state.pausedAt, null);
  assert.equal(state.startedAt, T0);
  assert.deepEqual(state.log, []);
  assert.deepEqual(state.segments, segments);
  assert.notEqual(state.segments, segments);
  assert.deepEqual(JSON.parse(JSON.stringify(state)), state);
  assert.deepEqual(timer.current(state), segments[0]);
  assert.throws(() => timer.start([], T0), TypeError);
  assert.throws(() => timer.start(segments), TypeError);
});

test('a normal run through with fast-forwarded time', () => {
  let state = timer.start(timed(), T0);
  const seen = [];
  for (let ms = 0; ms <= 230000; ms += 100) {
    const result = timer.advance(state, T0 + ms);
    state = result.state;
    for (const event of result.events) seen.push(Object.assign({ ms }, event));
  }
  const segmentEvents = seen.filter((e) => e.type === 'segment');
  assert.deepEqual(segmentEvents.map((e) => [e.index, e.ms]), [
    [1, 5000], [2, 35000], [3, 40000], [4, 70000], [5, 80000], [6, 110000], [7, 115000], [8, 145000], [9, 175000],
  ]);
  assert.equal(segmentEvents[0].segment.technique, 'piriformis-stretch');
  assert.equal(segmentEvents[0].segment.side, 'left');
  // Every timed segment here is at least 5 s, so each gets exactly 3, 2, 1.
  const countdowns = seen.filter((e) => e.type === 'countdown');
  assert.equal(countdowns.length, 30);
  assert.deepEqual(countdowns.slice(0, 3).map((e) => [e.secondsLeft, e.index, e.ms]), [[3, 0, 2000], [2, 0, 3000], [1, 0, 4000]]);
  const finished = seen.filter((e) => e.type === 'finished');
  assert.deepEqual(finished.map((e) => e.ms), [220000]);
  assert.equal(state.status, 'finished');
  assert.equal(state.endedAt, at(220));
  assert.equal(timer.current(state), null);
  assert.equal(timer.remaining(state, at(300)), 0);
  assert.deepEqual(state.log.map((e) => [e.index, e.result, e.at - T0]), [
    [1, 'done', 35000], [3, 'done', 70000], [5, 'done', 110000], [7, 'done', 145000], [9, 'done', 220000],
  ]);
  assert.deepEqual(state.log[0], { index: 1, step: 1, technique: 'piriformis-stretch', side: 'left', set: 1, result: 'done', at: at(35) });
});

test('one advance call carries over several segments exactly', () => {
  const { state, events } = runTo(timer.start(timed(), T0), 95);
  assert.deepEqual(kinds(events), ['segment 1', 'segment 2', 'segment 3', 'segment 4', 'segment 5']);
  assert.equal(state.index, 5);
  assert.equal(state.segmentStart, at(80));
  assert.equal(timer.remaining(state, at(95)), 15);
  assert.deepEqual(state.log.map((e) => [e.index, e.at - T0]), [[1, 35000], [3, 70000]]);
  // The same place a page that never slept would have reached.
  let stepped = timer.start(timed(), T0);
  for (let s = 0; s <= 95; s += 0.25) stepped = runTo(stepped, s).state;
  assert.equal(stepped.index, state.index);
  assert.equal(stepped.segmentStart, state.segmentStart);
  assert.deepEqual(stepped.log, state.log);
});

test('remaining is a float that never goes negative', () => {
  let state = timer.start(timed(), T0);
  assert.equal(timer.remaining(state, T0), 5);
  assert.equal(timer.remaining(state, at(1.25)), 3.75);
  assert.equal(timer.remaining(state, at(9)), 0);
  // A clock that jumps backwards must not show more than the segment's length.
  assert.equal(timer.remaining(state, at(-10)), 5);
  state = runTo(state, 6).state;
  assert.equal(timer.remaining(state, at(6)), 29);
});

test('countdown cues fire once per second however often advance is called', () => {
  let state = runTo(timer.start(timed(), T0), 30).state;
  const cues = [];
  for (let ms = 30000; ms < 35000; ms += 7) {
    const result = timer.advance(state, T0 + ms);
    state = result.state;
    cues.push(...result.events.filter((e) => e.type === 'countdown').map((e) => [e.secondsLeft, e.index]));
  }
  assert.deepEqual(cues, [[3, 1], [2, 1], [1, 1]]);
  assert.deepEqual(state.lastCue, { index: 1, secondsLeft: 1 });
});

test('no stale countdown burst after a long background gap: only the current second', () => {
  let result = runTo(timer.start(timed(), T0), 32.5);
  assert.deepEqual(kinds(result.events), ['segment 1', 'countdown 3@1']);
  // Backgrounded until 1.8 s before the end of segment 3.
  result = timer.advance(result.state, at(68.2));
  assert.deepEqual(kinds(result.events), ['segment 2', 'segment 3', 'countdown 2@3']);
  result = timer.advance(result.state, at(68.9));
  assert.deepEqual(result.events, []);
  result = timer.advance(result.state, at(69.1));
  assert.deepEqual(kinds(result.events), ['countdown 1@3']);
  // Waking up just after a boundary gives the new segment only, no cue for the old one.
  result = timer.advance(result.state, at(70.3));
  assert.deepEqual(kinds(result.events), ['segment 4']);
});

test('waking up inside the last 3 seconds cues that second only', () => {
  const result = runTo(timer.start(timed(), T0), 33.9);
  assert.deepEqual(kinds(result.events), ['segment 1', 'countdown 2@1']);
});

test('pause holds time; resume shifts the segment start by the paused time', () => {
  let state = runTo(timer.start(timed(), T0), 15).state;
  assert.equal(timer.remaining(state, at(15)), 20);
  const paused = timer.pause(state, at(15));
  assert.deepEqual(paused.events, []);
  state = paused.state;
  assert.equal(state.status, 'paused');
  assert.equal(state.pausedAt, at(15));
  assert.equal(timer.remaining(state, at(500)), 20);
  const idle = timer.advance(state, at(500));
  assert.equal(idle.state, state);
  assert.deepEqual(idle.events, []);

  assert.equal(timer.pause(state, at(600)).state, state, 'pausing twice is a no-op');

  const resumed = timer.resume(state, at(615));
  state = resumed.state;
  assert.equal(state.status, 'running');
  assert.equal(state.pausedAt, null);
  assert.equal(state.segmentStart, at(5 + 600));
  assert.equal(timer.remaining(state, at(616)), 19);
  assert.equal(timer.resume(state, at(700)).state, state, 'resuming while running is a no-op');
  const next = timer.advance(state, at(635));
  assert.deepEqual(kinds(next.events), ['segment 2']);
  assert.equal(next.state.log[0].at, at(635));
});

test('pause first catches up with time that already passed', () => {
  const { state, events } = timer.pause(timer.start(timed(), T0), at(36));
  assert.deepEqual(kinds(events), ['segment 1', 'segment 2']);
  assert.equal(state.index, 2);
  assert.equal(state.status, 'paused');
  assert.equal(timer.remaining(state, at(1000)), 4);
});

test('a countdown second already cued is not repeated after pause and resume', () => {
  let result = runTo(timer.start(timed(), T0), 32.5);
  assert.deepEqual(kinds(result.events), ['segment 1', 'countdown 3@1']);
  result = timer.pause(result.state, at(32.6));
  result = timer.resume(result.state, at(60));
  result = timer.advance(result.state, at(60.1));
  assert.deepEqual(result.events, []);
  result = timer.advance(result.state, at(60.5));
  assert.deepEqual(kinds(result.events), ['countdown 2@1']);
});

test('skip ends the segment now, logs it as skipped and starts the next', () => {
  const state = runTo(timer.start(timed(), T0), 12).state;
  const { state: after, events } = timer.skip(state, at(12));
  assert.deepEqual(kinds(events), ['segment 2']);
  assert.equal(after.index, 2);
  assert.equal(after.segmentStart, at(12));
  assert.deepEqual(after.log, [
    { index: 1, step: 1, technique: 'piriformis-stretch', side: 'left', set: 1, result: 'skipped', at: at(12) },
  ]);
  assert.equal(timer.remaining(after, at(13)), 4);
  // Skipping a pause (switch, rest, ready) logs nothing.
  const again = timer.skip(after, at(13)).state;
  assert.equal(again.index, 3);
  assert.equal(again.log.length, 1);
});

test('skip while paused stays paused at the start of the next segment', () => {
  let state = timer.pause(runTo(timer.start(timed(), T0), 12).state, at(12)).state;
  state = timer.skip(state, at(40)).state;
  assert.equal(state.status, 'paused');
  assert.equal(state.index, 2);
  assert.equal(timer.remaining(state, at(90)), 5);
  state = timer.resume(state, at(100)).state;
  assert.equal(timer.remaining(state, at(101)), 4);
});

test('skip does not skip a second segment when the one on screen already ran out', () => {
  const state = runTo(timer.start(timed(), T0), 30).state;
  assert.equal(state.index, 1);
  const { state: after, events } = timer.skip(state, at(35.5));
  assert.deepEqual(kinds(events), ['segment 2']);
  assert.equal(after.index, 2);
  assert.deepEqual(after.log.map((e) => e.result), ['done']);
});

test('skipping the last segment finishes the routine', () => {
  let state = runTo(timer.start(timed(), T0), 180).state;
  assert.equal(state.index, 9);
  const result = timer.skip(state, at(181));
  state = result.state;
  assert.deepEqual(kinds(result.events), ['finished']);
  assert.equal(state.status, 'finished');
  assert.equal(state.endedAt, at(181));
  assert.equal(state.log[state.log.length - 1].result, 'skipped');
});

test('back restarts the segment after 3 s, else goes to the previous work or ready segment', () => {
  const start = timer.start(timed(), T0);
  // 10 s into segment 3 (right side): restart it.
  let result = timer.back(runTo(start, 50).state, at(50));
  assert.deepEqual(kinds(result.events), ['segment 3']);
  assert.equal(result.state.index, 3);
  assert.equal(result.state.segmentStart, at(50));
  assert.equal(timer.remaining(result.state, at(50)), 30);
  // 2 s into segment 3: back over the switch to segment 1.
  result = timer.back(runTo(start, 42).state, at(42));
  assert.deepEqual(kinds(result.events), ['segment 1']);
  assert.equal(timer.remaining(result.state, at(42)), 30);
  // Exactly 3 s in still counts as "just started".
  assert.equal(timer.back(runTo(start, 43).state, at(43)).state.index, 1);
  assert.equal(timer.back(runTo(start, 43.001).state, at(43.001)).state.index, 3);
  // 1 s into the rest after segment 3: back to segment 3.
  assert.equal(timer.back(runTo(start, 71).state, at(71)).state.index, 3);
  // From the first work segment back to the ready segment.
  assert.equal(timer.back(runTo(start, 6).state, at(6)).state.index, 0);
  // On the ready segment there is nothing before: it restarts.
  result = timer.back(runTo(start, 1).state, at(1));
  assert.equal(result.state.index, 0);
  assert.equal(result.state.segmentStart, at(1));
});

test('back does not log the segment it leaves, and replays its countdown after a restart', () => {
  let result = runTo(timer.start(timed(), T0), 32.5);
  assert.deepEqual(kinds(result.events), ['segment 1', 'countdown 3@1']);
  result = timer.back(result.state, at(32.5));
  assert.equal(result.state.index, 1);
  assert.deepEqual(result.state.log, []);
  result = timer.advance(result.state, at(32.5 + 27.5));
  assert.deepEqual(kinds(result.events), ['countdown 3@1']);
});

test('back while paused stays paused', () => {
  let state = timer.pause(runTo(timer.start(timed(), T0), 50).state, at(50)).state;
  state = timer.back(state, at(80)).state;
  assert.equal(state.status, 'paused');
  assert.equal(state.index, 3);
  assert.equal(timer.remaining(state, at(200)), 30);
});

test('a set of reps runs itself: it ends when its cadence has run', () => {
  // cat-cow: 10 reps x 4 s = 40 s, from 5 s to 45 s.
  let result = timer.advance(timer.start(withReps(), T0), at(44));
  assert.equal(result.state.index, 1);
  assert.equal(timer.remaining(result.state, at(44)), 1);
  // No final countdown beeps on reps: the cadence has its own cues.
  const late = timer.advance(timer.advance(timer.start(withReps(), T0), at(6)).state, at(43));
  assert.deepEqual(late.events, []);
  result = timer.advance(result.state, at(45));
  assert.equal(result.state.index, 2);
  assert.equal(result.state.log[0].result, 'done');
});

test('"Done with this set" ends a set of reps early; untimed reps of an older save wait for it', () => {
  let result = timer.advance(timer.start(withReps(), T0), at(10));
  result = timer.completeReps(result.state, at(12));
  assert.deepEqual(kinds(result.events), ['segment 2']);
  assert.deepEqual(result.state.log, [
    { index: 1, step: 0, technique: 'cat-cow', side: null, set: 1, result: 'done', at: at(12) },
  ]);
  const legacy = withReps().map((seg) => {
    if (seg.mode !== 'reps') return seg;
    const { seconds, repSeconds, ...rest } = seg;
    return rest;
  });
  result = timer.advance(timer.start(legacy, T0), at(5 + 3600));
  assert.equal(result.state.index, 1);
  assert.equal(timer.remaining(result.state, at(5000)), null);
  result = timer.completeReps(result.state, at(7000));
  assert.equal(result.state.index, 2);
  assert.equal(timer.remaining(result.state, at(7001)), 19);
});

test('skipStep skips every remaining set and side of the step, and stops at the next pause', () => {
  // In piriformis left set 1 (index 3): 3..9 are its sides, switches and set rest.
  let result = timer.advance(timer.start(withReps(), T0), at(70));
  assert.equal(result.state.index, 3);
  result = timer.skipStep(result.state, at(71));
  const next = result.state.segments[result.state.index];
  assert.equal(next.next, 'Ball against a wall: glutes');
  const skipped = result.state.log.filter((e) => e.result === 'skipped').map((e) => `${e.side} ${e.set}`);
  assert.deepEqual(skipped, ['left 1', 'right 1', 'left 2', 'right 2']);
});

test('replaceStep plays a gentler technique in place of the rest of the step', () => {
  let result = timer.advance(timer.start(withReps(), T0), at(70));
  const gentler = expandRoutine({ name: 'g', steps: [{ technique: 'ball-wall-glutes', sides: 'none', rest: 0 }] }, catalog, { getReady: 0 })
    .map((seg) => Object.assign(seg, { step: 1 }));
  const before = result.state.segments.length;
  result = timer.replaceStep(result.state, at(71), gentler);
  assert.equal(result.state.segments.length, before + 1);
  assert.equal(timer.current(result.state).technique, 'ball-wall-glutes');
  assert.equal(timer.current(result.state).step, 1);
  // The log still matches its segments, so the state survives a reload.
  assert.ok(timer.restore(timer.serialize(result.state, at(72)), at(73)));
  assert.equal(result.state.log.filter((e) => e.result === 'skipped').length, 4);
});

test('completeReps on a timed segment does nothing', () => {
  const state = runTo(timer.start(timed(), T0), 10).state;
  const result = timer.completeReps(state, at(10));
  assert.equal(result.state, state);
  assert.deepEqual(result.events, []);
});

test('finished is reported once and then every action is a no-op', () => {
  let result = runTo(timer.start(timed(), T0), 1000);
  assert.deepEqual(kinds(result.events).filter((k) => k === 'finished'), ['finished']);
  assert.equal(result.state.endedAt, at(220));
  const done = result.state;
  for (const action of ['advance', 'pause', 'resume', 'skip', 'back', 'completeReps', 'end']) {
    result = timer[action](done, at(2000));
    assert.equal(result.state, done, action);
    assert.deepEqual(result.events, [], action);
  }
});

test('end stops early, logs the unfinished work segment as skipped and summarises', () => {
  let state = runTo(timer.start(timed(), T0), 50).state;
  const result = timer.end(state, at(50));
  state = result.state;
  assert.deepEqual(kinds(result.events), ['ended']);
  assert.equal(state.status, 'ended');
  assert.equal(state.endedAt, at(50));
  assert.deepEqual(timer.advance(state, at(60)).events, []);
  assert.equal(timer.remaining(state, at(60)), 0);
  assert.deepEqual(timer.summary(state), {
    completed: [{ index: 1, step: 1, technique: 'piriformis-stretch', side: 'left', set: 1, result: 'done', at: at(35) }],
    skipped: [{ index: 3, step: 1, technique: 'piriformis-stretch', side: 'right', set: 1, result: 'skipped', at: at(50) }],
    total: 5,
    status: 'ended',
    startedAt: T0,
    endedAt: at(50),
  });
});

test('end while paused, and end during a rest logs nothing extra', () => {
  const paused = timer.pause(runTo(timer.start(timed(), T0), 75).state, at(75)).state;
  const state = timer.end(paused, at(90)).state;
  assert.equal(state.status, 'ended');
  assert.equal(state.pausedAt, null);
  assert.deepEqual(state.log.map((e) => e.index), [1, 3]);
});

test('summary counts a segment done once as completed even if redone and skipped', () => {
  let state = runTo(timer.start(timed(), T0), 36).state; // segment 1 done, now on the switch
  state = timer.back(state, at(36)).state; // back to segment 1
  state = timer.skip(state, at(37)).state; // skip the redo
  state = timer.skip(state, at(38)).state; // skip the switch
  state = timer.skip(state, at(39)).state; // skip segment 3
  const sum = timer.summary(state);
  assert.deepEqual(sum.completed.map((e) => e.index), [1]);
  assert.deepEqual(sum.skipped.map((e) => e.index), [3]);
  assert.equal(sum.status, 'running');
  assert.equal(sum.endedAt, null);
});

test('no function mutates the state it is given', () => {
  const frozen = deepFreeze(runTo(timer.start(withReps(), T0), 6).state);
  const copy = JSON.parse(JSON.stringify(frozen));
  timer.advance(frozen, at(100));
  timer.completeReps(frozen, at(7));
  timer.skip(frozen, at(7));
  timer.back(frozen, at(7));
  timer.end(frozen, at(7));
  const paused = deepFreeze(timer.pause(frozen, at(7)).state);
  timer.resume(paused, at(9));
  timer.serialize(frozen, at(7));
  assert.deepEqual(JSON.parse(JSON.stringify(frozen)), copy);
});

test('serialize and restore resume at the same step and remaining time, paused', () => {
  const running = runTo(timer.start(timed(), T0), 95).state;
  const saved = timer.serialize(running, at(95));
  assert.equal(typeof saved, 'string');
  // Reopened an hour later: the closed time does not count.
  const later = at(95 + 3600);
  const restored = timer.restore(saved, later);
  assert.equal(restored.status, 'paused');
  assert.equal(restored.index, 5);
  assert.equal(timer.remaining(restored, later), 15);
  assert.equal(timer.remaining(restored, later + 60000), 15);
  assert.deepEqual(restored.log, running.log);
  assert.deepEqual(restored.segments, running.segments);
  assert.equal(restored.startedAt, T0);
  const resumed = timer.resume(restored, later + 1000).state;
  assert.equal(timer.remaining(resumed, later + 1000), 15);
  assert.deepEqual(kinds(timer.advance(resumed, later + 16000).events), ['segment 6']);
});

test('restore of a paused state keeps its remaining time; finished and ended states come back as they were', () => {
  const paused = timer.pause(runTo(timer.start(timed(), T0), 20).state, at(20)).state;
  const restored = timer.restore(timer.serialize(paused, at(500)), at(900));
  assert.equal(timer.remaining(restored, at(900)), 15);
  assert.equal(restored.status, 'paused');

  const finished = runTo(timer.start(timed(), T0), 300).state;
  assert.deepEqual(timer.restore(timer.serialize(finished, at(300)), at(310)), finished);
  const ended = timer.end(runTo(timer.start(timed(), T0), 50).state, at(50)).state;
  assert.deepEqual(timer.restore(timer.serialize(ended, at(50)), at(60)), ended);
});

test('restore also accepts an already parsed object, and drops unknown fields', () => {
  const state = runTo(timer.start(timed(), T0), 10).state;
  const data = JSON.parse(timer.serialize(state, at(10)));
  data.extra = 'junk';
  data.segments[1].onclick = 'alert(1)';
  const restored = timer.restore(data, at(10));
  assert.equal(restored.index, 1);
  assert.equal('extra' in restored, false);
  assert.equal('savedAt' in restored, false);
  assert.equal('onclick' in restored.segments[1], false);
});

test('restore returns null for missing, garbage, tampered or old data', () => {
  // On the rest after the rep step, with one log entry.
  const reps = runTo(timer.start(withReps(), T0), 6).state;
  const state = timer.completeReps(reps, at(10)).state;
  assert.equal(state.index, 2);
  assert.equal(state.log.length, 1);
  const good = JSON.parse(timer.serialize(state, at(30)));
  assert.ok(timer.restore(good, at(30)), 'the untampered copy restores');
  const tamper = (fn) => {
    const copy = JSON.parse(JSON.stringify(good));
    fn(copy);
    return timer.restore(JSON.stringify(copy), at(30));
  };
  for (const garbage of [null, undefined, '', 'null', '[]', '42', '{', 'not json', '{}', 17, []]) {
    assert.equal(timer.restore(garbage, at(30)), null, String(garbage));
  }
  const cases = {
    'old format version': (s) => { s.v = 0; },
    'unknown status': (s) => { s.status = 'flying'; },
    'index past the end': (s) => { s.index = 99; },
    'negative index': (s) => { s.index = -1; },
    'fractional index': (s) => { s.index = 1.5; },
    'no segments': (s) => { s.segments = []; },
    'segments not a list': (s) => { s.segments = 'abc'; },
    'unknown segment kind': (s) => { s.segments[2].kind = 'party'; },
    'absurd seconds': (s) => { s.segments[3].seconds = 1e9; },
    'missing seconds': (s) => { delete s.segments[2].seconds; },
    'bad reps': (s) => { s.segments[1].reps = 0; },
    'bad mode': (s) => { s.segments[1].mode = 'vibes'; },
    'bad side': (s) => { s.segments[3].side = 'up'; },
    'set above sets': (s) => { s.segments[3].set = 3; },
    'non-string name': (s) => { s.segments[3].name = { html: '<b>' }; },
    'segmentStart not a number': (s) => { s.segmentStart = 'yesterday'; },
    'pausedAt while running': (s) => { s.pausedAt = 5; },
    'endedAt while running': (s) => { s.endedAt = 5; },
    'log not a list': (s) => { s.log = {}; },
    'log entry for a pause segment': (s) => { s.log = [{ index: 2, technique: 'x', side: null, result: 'done', at: 1 }]; },
    'log entry technique mismatch': (s) => { s.log[0].technique = 'piriformis-stretch'; },
    'log entry bad result': (s) => { s.log[0].result = 'great'; },
    'lastCue for another segment': (s) => { s.lastCue = { index: 0, secondsLeft: 2 }; },
    'lastCue out of range': (s) => { s.lastCue = { index: s.index, secondsLeft: 9 }; },
    'saved more than 12 hours ago': (s) => { s.savedAt = at(30) - 12 * 3600 * 1000 - 1; },
    'no savedAt': (s) => { delete s.savedAt; },
  };
  for (const [label, fn] of Object.entries(cases)) {
    assert.equal(tamper(fn), null, label);
  }
  assert.ok(tamper((s) => { s.savedAt = at(30) - 12 * 3600 * 1000; }), 'exactly 12 hours is still fine');
  assert.equal(timer.restore(JSON.stringify(good), at(30) + 60000, { maxAgeMs: 30000 }), null);
});
