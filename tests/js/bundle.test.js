'use strict';
// The same files go into the page bundle, concatenated and minified by webassets' rjsmin filter.
// These tests load them the way the browser does: no module, no require, one shared global.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { spawnSync } = require('node:child_process');
const { catalog, routine } = require('./fixtures.js');

const ROOT = path.join(__dirname, '..', '..');
// Bundle order puts share.js first on purpose: it must look up Relieve.expand only when used.
const FILES = ['share.js', 'timer.js', 'expand.js'].map((name) => path.join(ROOT, 'static', 'js', 'routine', name));
const source = () => FILES.map((file) => fs.readFileSync(file, 'utf8')).join('\n');

function browserGlobal(code) {
  const context = vm.createContext({ TextEncoder, TextDecoder });
  context.self = context;
  vm.runInContext(code, context);
  return context;
}

// Everything goes through JSON so results from the other realm compare as plain data.
function exercise(Relieve) {
  const plain = (value) => JSON.parse(JSON.stringify(value));
  const segments = Relieve.expand.expandRoutine(plain(routine()), plain(catalog), { skip: ['cat-cow'] });
  const T0 = 1000;
  let state = Relieve.timer.start(segments, T0);
  const types = [];
  for (let ms = 0; ms <= 230000; ms += 250) {
    const result = Relieve.timer.advance(state, T0 + ms);
    state = result.state;
    types.push(...result.events.map((event) => event.type));
  }
  const link = Relieve.share.encodeRoutine(plain(routine({ name: 'Café 🌿' })));
  const decoded = Relieve.share.decodeRoutine(link, plain(catalog));
  let error = null;
  try {
    Relieve.expand.expandRoutine({ name: 'x', steps: [] }, plain(catalog));
  } catch (caught) {
    error = { name: caught.name, isRoutineError: caught instanceof Relieve.expand.RoutineError };
  }
  return plain({
    segments: segments.length,
    total: Relieve.expand.totalSeconds(segments),
    types: types.filter((t) => t !== 'countdown'),
    countdowns: types.filter((t) => t === 'countdown').length,
    summary: Relieve.timer.summary(state),
    link,
    decoded,
    error,
  });
}

const inNode = () => exercise({
  expand: require('../../static/js/routine/expand.js'),
  timer: require('../../static/js/routine/timer.js'),
  share: require('../../static/js/routine/share.js'),
});

test('the files register on self.Relieve in a browser-like global and behave as in Node', () => {
  const context = browserGlobal(source());
  assert.deepEqual(Object.keys(context.Relieve).sort(), ['expand', 'share', 'timer']);
  const result = exercise(context.Relieve);
  assert.deepEqual(result, inNode());
  assert.equal(result.decoded.ok, true);
  assert.equal(result.decoded.routine.name, 'Café 🌿');
  assert.equal(result.types.filter((t) => t === 'finished').length, 1);
  assert.deepEqual(result.error, { name: 'RoutineError', isRoutineError: true });
});

function findRjsmin() {
  const candidates = [process.env.PYTHON, path.join(ROOT, '.venv', 'bin', 'python'), 'python3'].filter(Boolean);
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import rjsmin'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return null;
}

test('the rjsmin-minified concatenation still works', (t) => {
  const python = findRjsmin();
  if (!python) {
    t.skip('rjsmin (Python) is not installed here');
    return;
  }
  const minified = spawnSync(python, ['-c', 'import sys, rjsmin; sys.stdout.write(rjsmin.jsmin(sys.stdin.read(), keep_bang_comments=False))'], {
    input: source(), encoding: 'utf8',
  });
  assert.equal(minified.status, 0, minified.stderr);
  assert.ok(minified.stdout.length < source().length * 0.8, 'it was actually minified');
  const context = browserGlobal(minified.stdout);
  assert.deepEqual(exercise(context.Relieve), inNode());
});
