/* How much of the outbox one push sends: at most MAX_CHANGES changes (fewer by choice) and at
   most the server's byte limit for the whole body, so no valid record is ever set aside
   because the batch around it was too big. Pure, for Node tests. */
// @ts-check
import { SYNC_LIMITS } from '../generated/contract.js';

const encoder = new TextEncoder();
/** UTF-8 bytes of a value as JSON, as the server measures the body. @param {unknown} value */
export const jsonBytes = (value) => encoder.encode(JSON.stringify(value)).length;

/**
 * The longest prefix of `changes` that fits one push body. Always at least one change: a
 * single record is at most MAX_RECORD_BYTES, far below the body limit.
 * @template T
 * @param {T[]} changes  in sending order @param {string} deviceId
 * @param {{ maxChanges?: number, maxBytes?: number }} [limits]
 * @returns {T[]}
 */
export function takeBatch(changes, deviceId, { maxChanges = SYNC_LIMITS.MAX_CHANGES, maxBytes = SYNC_LIMITS.MAX_PUSH_BYTES } = {}) {
  // {"device_id":"...","changes":[ ... ]}: the envelope, then each change and a comma.
  let size = jsonBytes({ device_id: deviceId, changes: [] });
  const batch = [];
  for (const change of changes) {
    if (batch.length >= maxChanges) break;
    const add = jsonBytes(change) + (batch.length ? 1 : 0);
    if (batch.length && size + add > maxBytes) break;
    batch.push(change);
    size += add;
  }
  return batch;
}
