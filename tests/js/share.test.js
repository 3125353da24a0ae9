import test from 'node:test';
import assert from 'node:assert/strict';
import { encodeRoutine, decodeRoutine, MAX_LENGTH } from '../../static/js/routine/share.js';
import { RoutineError, validateRoutine } from '../../static/js/routine/expand.js';
import { catalog, bySlug, routine } from './fixtures.js';

// An independent FNV-1a and Buffer's base64url, so the tests pin the format rather than
// echo the implementation, and can build links that pass the checksum but carry bad content.
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}
function linkFromPayload(payload, version = '1') {
  const head = `${version}.${payload}`;
  return `${head}.${fnv1a(head)}`;
}
const linkFromBytes = (bytes, version) => linkFromPayload(Buffer.from(bytes).toString('base64url'), version);
const linkFromText = (text, version) => linkFromBytes(Buffer.from(text, 'utf8'), version);
const linkFrom = (data) => linkFromText(JSON.stringify(data));
const compact = (name, steps) => [name, steps];

const MESSAGES = {
  empty: 'This share link is empty.',
  tooLong: 'This share link is too long to be a Relieve routine.',
  notALink: "This doesn't look like a Relieve routine link.",
  newer: 'This routine link was made by a newer version of Relieve. Update the app, then open the link again.',
  checksum: 'This routine link is incomplete or has been changed. Ask for the link again and copy all of it.',
  damaged: "This routine link is damaged and can't be read.",
};

function fails(text, expected, cat = catalog) {
  let result;
  assert.doesNotThrow(() => { result = decodeRoutine(text, cat); });
  assert.equal(result.ok, false, `expected failure for ${String(text).slice(0, 80)}`);
  assert.equal(Object.keys(result).sort().join(), 'error,ok');
  if (expected instanceof RegExp) assert.match(result.error, expected);
  else assert.equal(result.error, expected);
}

const SIX = {
  id: 'six',
  name: 'Evening wind-down',
  steps: [
    { technique: 'cat-cow', reps: 12, sides: 'none', rest: 15 },
    { technique: 'piriformis-stretch', seconds: 45, sets: 3, sides: 'left-right', rest: 30 },
    { technique: 'childs-pose', reps: 10, sets: 2, sides: 'both', rest: 20 },
    { technique: 'ball-wall-glutes', seconds: 90, sides: 'left-right', rest: 60 },
    { technique: 'piriformis-stretch', sides: 'left-right', rest: 300 },
    { technique: 'ball-wall-glutes', seconds: 600, sets: 10, sides: 'left-right', rest: 0 },
  ],
};

test('round trip keeps the routine, with a new id left to the app', () => {
  const link = encodeRoutine(SIX);
  assert.deepEqual(decodeRoutine(link, catalog), {
    ok: true,
    routine: { id: null, name: SIX.name, steps: SIX.steps },
  });
});

test('round trip with a unicode name (accents, emoji, CJK) and a trimmed name', () => {
  const name = 'Café du matin 🌿 — ça va? 坐骨神经';
  const decoded = decodeRoutine(encodeRoutine(routine({ name: `  ${name}  ` })), catalog);
  assert.equal(decoded.ok, true);
  assert.equal(decoded.routine.name, name);
  assert.deepEqual(decoded.routine.steps, routine().steps);
  const emoji = '🧘'.repeat(60);
  assert.equal(decodeRoutine(encodeRoutine(routine({ name: emoji })), catalog).routine.name, emoji);
});

test('the link is URL-safe and follows the documented format', () => {
  const link = encodeRoutine(SIX);
  assert.match(link, /^1\.[A-Za-z0-9_-]+\.[0-9a-z]{7}$/);
  assert.equal(encodeURIComponent(link), link);
  const [version, payload, sum] = link.split('.');
  assert.equal(version, '1');
  assert.equal(sum, fnv1a(`1.${payload}`));
  const json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  assert.deepEqual(json[1][0], ['cat-cow', null, 12, null, 0, 15]);
  assert.deepEqual(json[1][1], ['piriformis-stretch', 45, null, 3, 2, 30]);
  assert.deepEqual(json[1][2], ['childs-pose', null, 10, 2, 1, 20]);
});

test('a 6-step routine makes a short link', () => {
  const link = encodeRoutine(SIX);
  assert.ok(link.length < 400, `link is ${link.length} characters`);
  // Even with long slugs and a full-length name it stays well under 600.
  const longSlugs = ['hand-kneading-lower-back', 'foam-roll-outer-thigh', 'sciatic-nerve-glide',
    'seated-forward-bend', 'hand-circles-buttock', 'foam-roll-hamstrings'];
  const wide = {
    name: 'x'.repeat(60),
    steps: longSlugs.map((slug) => ({ technique: slug, seconds: 600, sets: 10, sides: 'left-right', rest: 300 })),
  };
  const wideLink = encodeRoutine(wide);
  assert.ok(wideLink.length < 600, `link is ${wideLink.length} characters`);
});

test('a 40-step routine still fits and decodes', () => {
  const steps = Array.from({ length: 40 }, (_, i) => ({
    technique: i % 2 ? 'piriformis-stretch' : 'ball-wall-glutes', seconds: 600, sets: 10, sides: 'left-right', rest: 300,
  }));
  const link = encodeRoutine({ name: 'Long one', steps });
  assert.ok(link.length <= MAX_LENGTH);
  assert.deepEqual(decodeRoutine(link, catalog).routine.steps, steps);
});

test('surrounding whitespace is tolerated', () => {
  assert.equal(decodeRoutine(`  ${encodeRoutine(SIX)}\n`, catalog).ok, true);
});

test('encode refuses what could not be decoded', () => {
  const bad = [
    routine({ name: '' }),
    routine({ name: 'x'.repeat(61) }),
    routine({ name: 'bell\u0007' }),
    routine({ steps: [] }),
    routine({ steps: [{ technique: 'cat-cow', sides: 'sideways', rest: 0 }] }),
    routine({ steps: [{ technique: 'Cat Cow', sides: 'none', rest: 0 }] }),
    routine({ steps: [{ technique: 'cat-cow', reps: 2.5, sides: 'none', rest: 0 }] }),
    { name: 'x', steps: Array.from({ length: 41 }, () => ({ technique: 'cat-cow', sides: 'none', rest: 0 })) },
    null,
  ];
  for (const r of bad) assert.throws(() => encodeRoutine(r), RoutineError, JSON.stringify(r));
});

test('empty, non-string and overlong input', () => {
  fails('', MESSAGES.empty);
  fails('   ', MESSAGES.empty);
  fails(null, MESSAGES.empty);
  fails(undefined, MESSAGES.empty);
  fails(42, MESSAGES.empty);
  fails({ toString: () => encodeRoutine(SIX) }, MESSAGES.empty);
  fails('1.' + 'A'.repeat(MAX_LENGTH) + '.0000000', MESSAGES.tooLong);
});

test('not a routine link at all, or a wrong or newer version', () => {
  fails('hello', MESSAGES.notALink);
  fails('https://example.org/', MESSAGES.notALink);
  const [, payload, sum] = encodeRoutine(SIX).split('.');
  fails(`1.${payload}`, MESSAGES.notALink);
  fails(`1.${payload}.${sum}.extra`, MESSAGES.notALink);
  fails(linkFromPayload(payload, '2'), MESSAGES.newer);
  fails(linkFromPayload(payload, 'v1'), MESSAGES.notALink);
  fails(linkFromPayload(payload, '0'), MESSAGES.notALink);
  fails(linkFromPayload(payload, '01'), MESSAGES.notALink);
});

test('truncation and tampering are caught by the checksum', () => {
  const link = encodeRoutine(SIX);
  const [version, payload, sum] = link.split('.');
  fails(link.slice(0, -1), MESSAGES.checksum);
  fails(`${version}.${payload.slice(0, -4)}.${sum}`, MESSAGES.checksum);
  fails(`${version}.${payload.slice(0, 20)}${payload.slice(24)}.${sum}`, MESSAGES.checksum);
  const flipped = payload[10] === 'A' ? 'B' : 'A';
  fails(`${version}.${payload.slice(0, 10)}${flipped}${payload.slice(11)}.${sum}`, MESSAGES.checksum);
  const otherSum = sum === '0000000' ? '0000001' : '0000000';
  fails(`${version}.${payload}.${otherSum}`, MESSAGES.checksum);
  fails(`${version}.${payload}.${sum.toUpperCase()}X`, MESSAGES.checksum);
  fails(`${version}.${payload}.`, MESSAGES.checksum);
});

test('malformed base64, invalid UTF-8 and bad JSON behind a valid checksum', () => {
  fails(linkFromPayload('abc$def'), MESSAGES.damaged);
  fails(linkFromPayload('abc+def/'), MESSAGES.damaged);
  fails(linkFromPayload('abcde'), MESSAGES.damaged);
  fails(linkFromPayload('abc='), MESSAGES.damaged);
  // "AB" decodes to one byte but leaves non-zero padding bits: not canonical.
  fails(linkFromPayload('AB'), MESSAGES.damaged);
  fails(linkFromPayload(''), MESSAGES.damaged);
  // Same bytes, but a final character with padding bits set: one routine has one spelling.
  let text = JSON.stringify(['Name', [['cat-cow', null, null, null, 0, 0]]]);
  while (Buffer.from(text).toString('base64url').length % 4 === 0) text += ' ';
  const canonical = Buffer.from(text).toString('base64url');
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const sloppy = canonical.slice(0, -1) + ALPHABET[ALPHABET.indexOf(canonical.slice(-1)) + 1];
  assert.equal(Buffer.from(sloppy, 'base64url').toString(), text);
  assert.equal(decodeRoutine(linkFromPayload(canonical), catalog).ok, true);
  fails(linkFromPayload(sloppy), MESSAGES.damaged);
  fails(linkFromBytes([0xff, 0xfe, 0x5b, 0x5d]), MESSAGES.damaged);
  fails(linkFromText('["Name", [["cat-cow", null'), MESSAGES.damaged);
  fails(linkFromText(JSON.stringify(compact('Name', [['cat-cow', null, null, null, 0, 0]])) + ' junk'), MESSAGES.damaged);
  fails(linkFromText('not json'), MESSAGES.damaged);
});

test('wrong shape or extra junk in the payload', () => {
  const step = ['cat-cow', null, null, null, 0, 0];
  fails(linkFrom({ name: 'x', steps: [] }), MESSAGES.damaged);
  fails(linkFrom(['Name']), MESSAGES.damaged);
  fails(linkFrom(['Name', [step], 'junk']), MESSAGES.damaged);
  fails(linkFrom(['Name', 'steps']), MESSAGES.damaged);
  fails(linkFrom(null), MESSAGES.damaged);
  const stepCases = [
    [...step, 'junk'],
    step.slice(0, 5),
    { technique: 'cat-cow' },
    ['Cat-Cow', null, null, null, 0, 0],
    ['cat cow', null, null, null, 0, 0],
    ['../etc', null, null, null, 0, 0],
    ['cat-cow-' + 'x'.repeat(80), null, null, null, 0, 0],
    [7, null, null, null, 0, 0],
    ['cat-cow', null, '10', null, 0, 0],
    ['cat-cow', null, 10.5, null, 0, 0],
    ['cat-cow', null, null, null, 3, 0],
    ['cat-cow', null, null, null, -1, 0],
    ['cat-cow', null, null, null, 'both', 0],
    ['cat-cow', null, null, null, 0, null],
    ['cat-cow', null, null, null, 0, '5'],
  ];
  for (const bad of stepCases) {
    fails(linkFrom(['Name', [step, bad]]), "This routine link is damaged: step 2 can't be read.");
  }
});

test('names: missing, too long, unsafe characters; trimmed when fine', () => {
  const steps = [['cat-cow', null, null, null, 0, 0]];
  fails(linkFrom(['', steps]), "The routine's name is missing.");
  fails(linkFrom(['  \t ', steps]), "The routine's name is missing.");
  fails(linkFrom([null, steps]), "The routine's name is missing.");
  fails(linkFrom([12, steps]), "The routine's name is missing.");
  fails(linkFrom(['x'.repeat(61), steps]), "The routine's name is longer than 60 characters.");
  fails(linkFrom(['bad\u0000name', steps]), "The routine's name contains characters that aren't allowed.");
  fails(linkFrom(['line\nbreak', steps]), "The routine's name contains characters that aren't allowed.");
  fails(linkFrom(['evil\u202ename', steps]), "The routine's name contains characters that aren't allowed.");
  const ok = decodeRoutine(linkFrom(['  Spaced out  ', steps]), catalog);
  assert.deepEqual(ok, { ok: true, routine: { id: null, name: 'Spaced out', steps: [{ technique: 'cat-cow', sides: 'none', rest: 0 }] } });
  assert.equal(decodeRoutine(linkFrom([' ' + 'é'.repeat(60) + ' ', steps]), catalog).ok, true);
});

test('no steps or too many steps', () => {
  fails(linkFrom(['Name', []]), 'This routine has no steps.');
  const many = Array.from({ length: 41 }, () => ['cat-cow', null, null, null, 0, 0]);
  fails(linkFrom(['Name', many]), 'This routine has 41 steps; the most Relieve allows is 40.');
  assert.equal(decodeRoutine(linkFrom(['Name', many.slice(0, 40)]), catalog).ok, true);
});

test('unknown techniques and absurd numbers are refused by validateRoutine', () => {
  const ok = ['cat-cow', null, null, null, 0, 0];
  fails(linkFrom(['Name', [ok, ['no-such-move', null, null, null, 0, 0]]]),
    'This routine can\'t be used here. Step 2: "no-such-move" is not a technique in this app\'s library.');
  fails(linkFrom(['Name', [['constructor', null, null, null, 0, 0]]]), /Step 1: "constructor" is not a technique/, bySlug);
  fails(linkFrom(['Name', [['piriformis-stretch', 0, null, null, 2, 0]]]),
    'This routine can\'t be used here. Step 1 (Piriformis stretch): seconds must be a whole number from 5 to 600.');
  fails(linkFrom(['Name', [['piriformis-stretch', 100000, null, null, 2, 0]]]), /seconds must be a whole number from 5 to 600/);
  fails(linkFrom(['Name', [['cat-cow', null, 1000, null, 0, 0]]]), /reps must be a whole number from 1 to 50/);
  fails(linkFrom(['Name', [['cat-cow', null, null, 99, 0, 0]]]), /sets must be a whole number from 1 to 10/);
  fails(linkFrom(['Name', [['cat-cow', null, null, null, 0, 86400]]]), /rest after the step must be a whole number from 0 to 300/);
  fails(linkFrom(['Name', [['cat-cow', null, null, null, 0, -5]]]), /rest after the step must be/);
  fails(linkFrom(['Name', [['cat-cow', 30, null, null, 0, 0]]]), /counted in reps/);
  fails(linkFrom(['Name', [['cat-cow', null, 1e300, null, 0, 0]]]), /reps must be a whole number/);
  // A catalog that is missing or empty knows no techniques.
  fails(encodeRoutine(SIX), /is not a technique/, null);
  fails(encodeRoutine(SIX), /is not a technique/, []);
});

test('decoding never throws, whatever it is given', () => {
  const link = encodeRoutine(SIX);
  const [, payload] = link.split('.');
  const json = Buffer.from(payload, 'base64url').toString('utf8');
  // Deterministic pseudo-random source so a failure can be reproduced.
  let seed = 12345;
  const rand = (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const alphabet = '[]{}",:0123456789.-eE nul truefalsabcdxyz\\\u00e9\ud83c\udf3f';
  let accepted = 0;
  for (let i = 0; i < 3000; i += 1) {
    const chars = json.split('');
    for (let k = 0, edits = 1 + rand(4); k < edits; k += 1) {
      const pos = rand(chars.length);
      const what = rand(3);
      if (what === 0) chars.splice(pos, 1);
      else if (what === 1) chars.splice(pos, 0, alphabet[rand(alphabet.length)]);
      else chars[pos] = alphabet[rand(alphabet.length)];
    }
    const mutated = linkFromText(chars.join(''));
    let result;
    assert.doesNotThrow(() => { result = decodeRoutine(mutated, catalog); }, mutated);
    assert.equal(typeof result.ok, 'boolean');
    if (result.ok) {
      accepted += 1;
      assert.deepEqual(validateRoutine(result.routine, catalog), { ok: true });
    } else {
      assert.equal(typeof result.error, 'string');
      assert.ok(result.error.length > 10);
    }
  }
  assert.ok(accepted > 0, 'some harmless mutations (for example a changed number) still decode');
  for (let i = 0; i < 500; i += 1) {
    const noise = Array.from({ length: rand(60) }, () => String.fromCharCode(rand(0x3000))).join('');
    assert.equal(decodeRoutine(noise, catalog).ok, false);
    assert.equal(decodeRoutine(`1.${noise}.${fnv1a('1.' + noise)}`, catalog).ok, false);
  }
});
