/* Routine share links: the whole routine travels inside the link, so sharing needs no server
   and works offline. Format: "1." + base64url(compact JSON) + "." + checksum, where the checksum
   is FNV-1a (32-bit, base36, 7 chars) of everything before the last dot. A link comes from a
   stranger, so decoding checks everything and never throws. */
// @ts-check
import { ROUTINE_MAX_STEPS as MAX_STEPS, ROUTINE_NAME_MAX as NAME_MAX, SLUG_PATTERN } from '../generated/contract.js';
import { RoutineError, validateRoutine } from './expand.js';

const VERSION = '1';
const MAX_LENGTH = 4000;
const SUM_LENGTH = 7;
// Index = code in the link; the order is part of version 1 of the format.
const SIDE_CODES = ['none', 'both', 'left-right'];
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SLUG = new RegExp(SLUG_PATTERN);
// Control characters and bidirectional overrides could make a shared name display misleadingly.
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const MESSAGES = {
  empty: 'This share link is empty.',
  tooLong: 'This share link is too long to be a Relieve routine.',
  notALink: "This doesn't look like a Relieve routine link.",
  newer: 'This routine link was made by a newer version of Relieve. Update the app, then open the link again.',
  checksum: 'This routine link is incomplete or has been changed. Ask for the link again and copy all of it.',
  damaged: "This routine link is damaged and can't be read.",
};

function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
const checksum = (text) => fnv1a(text).toString(36).padStart(SUM_LENGTH, '0');

function toBase64Url(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const left = bytes.length - i;
    const n = (bytes[i] << 16) | ((left > 1 ? bytes[i + 1] : 0) << 8) | (left > 2 ? bytes[i + 2] : 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    if (left > 1) out += ALPHABET[(n >> 6) & 63];
    if (left > 2) out += ALPHABET[n & 63];
  }
  return out;
}

// Returns null for anything that is not canonical unpadded base64url, so one link has one
// spelling and stray characters are caught here rather than by a confusing JSON error.
function fromBase64Url(text) {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = ALPHABET.indexOf(text[i]);
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o] = (buffer >> bits) & 255;
      o += 1;
    }
    buffer &= (1 << bits) - 1;
  }
  return buffer === 0 ? bytes : null;
}

const isAbsent = (value) => value === undefined || value === null;
const isWhole = (value) => Number.isInteger(value);

function checkName(raw) {
  if (typeof raw !== 'string' || !raw.trim()) return { error: "The routine's name is missing." };
  const name = raw.trim();
  if (Array.from(name).length > NAME_MAX) return { error: `The routine's name is longer than ${NAME_MAX} characters.` };
  if (UNSAFE_NAME.test(name)) return { error: "The routine's name contains characters that aren't allowed." };
  return { name };
}

// Shape only (types and counts); value ranges and slugs are checked by validateRoutine.
function fromCompact(data) {
  if (!Array.isArray(data) || data.length !== 2) return { error: MESSAGES.damaged };
  const named = checkName(data[0]);
  if (named.error) return named;
  const rawSteps = data[1];
  if (!Array.isArray(rawSteps)) return { error: MESSAGES.damaged };
  if (rawSteps.length === 0) return { error: 'This routine has no steps.' };
  if (rawSteps.length > MAX_STEPS) {
    return { error: `This routine has ${rawSteps.length} steps; the most Relieve allows is ${MAX_STEPS}.` };
  }
  const steps = [];
  for (let i = 0; i < rawSteps.length; i += 1) {
    const raw = rawSteps[i];
    const bad = { error: `This routine link is damaged: step ${i + 1} can't be read.` };
    if (!Array.isArray(raw) || raw.length !== 6) return bad;
    const [slug, seconds, reps, sets, sidesCode, rest] = raw;
    if (typeof slug !== 'string' || slug.length > 80 || !SLUG.test(slug)) return bad;
    if ([seconds, reps, sets].some((value) => !isAbsent(value) && !isWhole(value))) return bad;
    if (!isWhole(sidesCode) || !SIDE_CODES[sidesCode] || !isWhole(rest)) return bad;
    const step = { technique: slug };
    if (!isAbsent(seconds)) step.seconds = seconds;
    if (!isAbsent(reps)) step.reps = reps;
    if (!isAbsent(sets)) step.sets = sets;
    step.sides = SIDE_CODES[sidesCode];
    step.rest = rest;
    steps.push(step);
  }
  return { routine: { id: null, name: named.name, steps } };
}

function toCompact(routine) {
  const steps = Array.isArray(routine && routine.steps) ? routine.steps : [];
  return [
    routine && typeof routine.name === 'string' ? routine.name.trim() : routine && routine.name,
    steps.map((step) => [
      step && step.technique,
      isAbsent(step && step.seconds) ? null : step.seconds,
      isAbsent(step && step.reps) ? null : step.reps,
      isAbsent(step && step.sets) ? null : step.sets,
      SIDE_CODES.indexOf(step && step.sides),
      isAbsent(step && step.rest) ? 0 : step.rest,
    ]),
  ];
}

/** A share link's code for a routine; throws a RoutineError for one that can't be shared.
    @param {import('./expand.js').Routine} routine @returns {string} */
function encodeRoutine(routine) {
  const compact = toCompact(routine);
  const checked = fromCompact(compact);
  if (checked.error) throw new RoutineError(checked.error);
  const head = VERSION + '.' + toBase64Url(new TextEncoder().encode(JSON.stringify(compact)));
  const link = head + '.' + checksum(head);
  if (link.length > MAX_LENGTH) throw new RoutineError('This routine is too long to share as a link.');
  return link;
}

function decodeUnsafe(text, catalog) {
  if (typeof text !== 'string' || !text.trim()) return { error: MESSAGES.empty };
  const link = text.trim();
  if (link.length > MAX_LENGTH) return { error: MESSAGES.tooLong };
  const parts = link.split('.');
  if (parts.length !== 3) return { error: MESSAGES.notALink };
  const [version, payload, sum] = parts;
  if (version !== VERSION) {
    return { error: /^[0-9]{1,4}$/.test(version) && Number(version) > Number(VERSION) ? MESSAGES.newer : MESSAGES.notALink };
  }
  if (sum !== checksum(version + '.' + payload)) return { error: MESSAGES.checksum };
  const bytes = fromBase64Url(payload);
  if (!bytes) return { error: MESSAGES.damaged };
  let data;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { error: MESSAGES.damaged };
  }
  const built = fromCompact(data);
  if (built.error) return built;
  const verdict = validateRoutine(built.routine, catalog);
  if (!verdict.ok) return { error: "This routine can't be used here. " + verdict.errors[0].message };
  return built;
}

/** The routine in a share link's code, checked against the catalog; never throws.
    @param {string} text @param {import('./expand.js').Catalog} catalog
    @returns {{ ok: boolean, error?: string, routine?: import('./expand.js').Routine }} */
function decodeRoutine(text, catalog) {
  try {
    const result = decodeUnsafe(text, catalog);
    return result.error ? { ok: false, error: result.error } : { ok: true, routine: result.routine };
  } catch (error) {
    return { ok: false, error: MESSAGES.damaged };
  }
}

export { encodeRoutine, decodeRoutine, VERSION, MAX_LENGTH };
