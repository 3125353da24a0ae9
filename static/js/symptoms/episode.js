/* When this episode of sciatica started: the rules for the date (the server checks the same ones
   again on sync, EpisodeData in webapp/symptoms/records.py) and which record is the current one.
   Pure: no DOM, no storage; tested in Node. */
// @ts-check
import { DAY_PATTERN, EPISODE_EARLIEST } from '../generated/contract.js';

/** @typedef {{ id: string, startedOn: string, updatedAt?: string | null }} Episode */

const DAY = new RegExp(DAY_PATTERN);

/** Whether 'YYYY-MM-DD' names a day that exists (not 31 April, not 29 February 2027).
    @param {string} day @returns {boolean} */
function realDay(day) {
  if (!DAY.test(day)) return false;
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * What is wrong with a start date, or null when it is fine. `today` is the person's local day
 * ('YYYY-MM-DD'); days in that format compare as strings. `badInput`: the date field holds
 * something the browser could not read as a date.
 * @param {string} value @param {string} today @param {{ badInput?: boolean }} [options]
 * @returns {string | null}
 */
function startError(value, today, { badInput = false } = {}) {
  if (badInput || (value && !realDay(value))) return 'Enter a real date, with day, month and year.';
  if (!value) return 'Enter the date this episode started, with day, month and year.';
  if (value > today) return 'The start of this episode can’t be in the future. Enter today’s date or an earlier one.';
  if (value < EPISODE_EARLIEST) return 'Enter a date from 1900 onwards.';
  return null;
}

/** The current episode: the latest record by updatedAt (records from several devices may
    exist before they sync); records without a real start date are ignored.
    @param {Episode[]} episodes @returns {Episode | null} */
function current(episodes) {
  let best = null;
  for (const episode of episodes || []) {
    if (!episode || typeof episode.startedOn !== 'string' || !realDay(episode.startedOn)) continue;
    if (!best || String(episode.updatedAt || '') > String(best.updatedAt || '')) best = episode;
  }
  return best;
}

export { realDay, startError, current };
