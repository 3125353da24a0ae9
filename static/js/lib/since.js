/* Times as a person reads them on their own phone: in its time zone and words. */
// @ts-check

/** "Tue 3 Dec, 14:05" in the device's own time zone and language. @param {string} iso */
export const shortTime = (iso) => new Date(iso).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * "12 minutes ago", "3 hours ago", or "on" the day and time when it is longer ago than a day
 * (so it reads after "last logged", "last seen", "was also logged").
 * @param {string} iso
 * @param {number} [now]
 */
export function sinceText(iso, now = Date.now()) {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return 'on ' + shortTime(iso);
}
