/* When the weekly function check-in is due: the person has set up their activities and has no
   check-in in the last 7 days. Never more than that (no badge, no notification, nothing before
   the set-up). Pure, so Node tests can run it. */
// @ts-check
import { CHECK_INTERVAL_DAYS } from '../generated/contract.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * @param {{ archived?: boolean }[]} activities @param {{ checkedAt: string }[]} checks @param {number} now
 * @returns {{ setUp: boolean, due: boolean, last: string | null, next: number | null }}
 */
export function checkDue(activities, checks, now) {
  const setUp = activities.some((a) => !a.archived);
  const times = checks.map((c) => Date.parse(c.checkedAt)).filter((t) => !Number.isNaN(t));
  const latest = times.length ? Math.max(...times) : null;
  const next = latest === null ? null : latest + CHECK_INTERVAL_DAYS * DAY_MS;
  return { setUp, due: setUp && (next === null || now >= next), last: latest === null ? null : new Date(latest).toISOString(), next };
}

/** The average score to one decimal, or null with no scores. @param {number[]} scores */
export function mean(scores) {
  if (!scores.length) return null;
  return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
}
