/* Times and local calendar days ('YYYY-MM-DD'), pure. A red-flag day, a day on the insights
   chart and a day in the summary are all the day the person lived, whatever UTC says: one
   definition serves them all. Used by safety/rules.js and insights/calc.js. */
// @ts-check

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** Milliseconds, or null. Only a Date, an ISO-like string or a finite number is a time:
    records come from other devices and older versions, so nothing is trusted. */
/** @param {unknown} value @returns {number | null} */
function timeOf(value) {
  let ms = NaN;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string' && value.trim()) ms = Date.parse(value);
  else if (typeof value === 'number') ms = value;
  return Number.isFinite(ms) ? ms : null;
}

/** The local calendar day of a time, or null when it isn't one. */
/** @param {unknown} value @returns {string | null} */
function localDay(value) {
  const ms = timeOf(value);
  if (ms === null) return null;
  const date = new Date(ms);
  return pad(date.getFullYear(), 4) + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
}

export { pad, timeOf, localDay };
