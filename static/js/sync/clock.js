/* Server-corrected time for stamping changes. A phone's clock can be hours off; the conflict
   rule (docs/sync.md) orders edits by their time, so a phone 12 hours fast would win every
   later edit for half a day. Every API answer carries the server's clock (X-Server-Time, ms);
   the device keeps the difference and stamps changes with its own clock plus that offset.
   The offset is kept on the device (meta 'clock'). */
// @ts-check
import { SYNC_LIMITS } from '../generated/contract.js';
import * as store from '../lib/store.js';

/** Server clock minus device clock, from one answer: the server read its clock somewhere between
    sending and receiving, so the midpoint is the best guess (off by at most half the round trip).
    @param {string | null} header  X-Server-Time @param {number} sentAt @param {number} receivedAt
    @returns {number | null} */
export function offsetFrom(header, sentAt, receivedAt) {
  const server = Number(header);
  if (!header || !Number.isFinite(server)) return null;
  return Math.round(server - (sentAt + receivedAt) / 2);
}

/** The stamp a waiting change is sent with, given server-corrected "now": a change can't have
    happened after now, nor before the server's earliest time; a stamp either side came from a
    wrong device clock (stamped before the device knew its offset) and becomes now. Idempotent,
    so a batch sent twice after a lost answer carries the same stamps.
    @param {number} stamp @param {number} current @returns {number} */
export function correctedStamp(stamp, current) {
  return stamp > current || stamp < SYNC_LIMITS.EARLIEST_CHANGE_MS ? current : stamp;
}

// The offset in use: null until loaded from the device (meta 'clock') or learnt from an answer.
let offset = null;
let loading = null;

async function load() {
  if (offset === null) {
    loading = loading || store.get('meta', 'clock').then((m) => m && m.value && m.value.offset).catch(() => 0);
    const saved = await loading;
    if (offset === null) offset = Number.isFinite(saved) ? saved : 0;
  }
  return offset;
}

/** Server-corrected time in ms (the device's own clock until the first answer from the server).
    @returns {Promise<number>} */
export async function now() {
  return Date.now() + (await load());
}

/** Learn the offset from an API answer; kept on the device when it moves by more than a second
    (a round trip's jitter is not worth a write).
    @param {Response} response @param {number} sentAt @param {number} receivedAt */
export async function learn(response, sentAt, receivedAt) {
  const found = offsetFrom(response.headers.get('X-Server-Time'), sentAt, receivedAt);
  if (found === null) return;
  const before = await load();
  offset = found;
  if (Math.abs(found - before) > 1000 || before === 0) {
    await store.put('meta', { key: 'clock', value: { offset: found } }).catch(() => {});
  }
}

/** Forget the learnt offset (tests; a device whose data was removed keeps it: it is no one's data). */
export function reset() {
  offset = null;
  loading = null;
}
