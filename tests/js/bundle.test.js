// The browser runs these modules as esbuild bundles: minified, renamed, with their imports
// resolved. This bundles the player's pure modules the same way and checks the bundle behaves
// exactly as the source does under Node.
import test from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as expand from '../../static/js/routine/expand.js';
import * as timer from '../../static/js/routine/timer.js';
import * as share from '../../static/js/routine/share.js';
import { catalog, routine } from './fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function bundled() {
  const result = await esbuild.build({
    stdin: {
      contents: "export * as expand from './routine/expand.js'; export * as timer from './routine/timer.js'; export * as share from './routine/share.js';",
      resolveDir: path.join(ROOT, 'static', 'js'),
    },
    bundle: true, minify: true, format: 'iife', globalName: 'bundle', write: false, logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const context = vm.createContext({ TextEncoder, TextDecoder });
  vm.runInContext(code, context);
  return { code, api: context.bundle };
}

// Everything goes through JSON so results from the other realm compare as plain data.
function exercise({ expand: e, timer: t, share: s }) {
  const plain = (value) => JSON.parse(JSON.stringify(value));
  const segments = e.expandRoutine(plain(routine()), plain(catalog), { skip: ['cat-cow'] });
  const T0 = 1000;
  let state = t.start(segments, T0);
  const types = [];
  for (let ms = 0; ms <= 230000; ms += 250) {
    const result = t.advance(state, T0 + ms);
    state = result.state;
    types.push(...result.events.map((event) => event.type));
  }
  const link = s.encodeRoutine(plain(routine({ name: 'Café 🌿' })));
  const decoded = s.decodeRoutine(link, plain(catalog));
  let error = null;
  try {
    e.expandRoutine({ name: 'x', steps: [] }, plain(catalog));
  } catch (caught) {
    error = { name: caught.name, isRoutineError: caught instanceof e.RoutineError };
  }
  return plain({
    segments: segments.length,
    total: e.totalSeconds(segments),
    types: types.filter((type) => type !== 'countdown'),
    countdowns: types.filter((type) => type === 'countdown').length,
    summary: t.summary(state),
    link,
    decoded,
    error,
  });
}

test('the minified esbuild bundle behaves as the source modules do', async () => {
  const { code, api } = await bundled();
  assert.ok(!/\bimport\b|\bexport\b/.test(code.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '')), 'imports are resolved');
  const result = exercise(api);
  assert.deepEqual(result, exercise({ expand, timer, share }));
  assert.equal(result.decoded.ok, true);
  assert.equal(result.decoded.routine.name, 'Café 🌿');
  assert.equal(result.types.filter((type) => type === 'finished').length, 1);
  assert.deepEqual(result.error, { name: 'RoutineError', isRoutineError: true });
});
