/* Who to call: the region's emergency number and urgent advice line (webapp/safety/regions.py,
   through /catalog.json). Pure: the browser's languages and time zone come in, a region goes out.
   The guess only picks the first numbers shown; the person can change the region in one tap,
   and a deployment can set its own default. */
// @ts-check

/**
 * @typedef {object} Region
 * @property {string} id
 * @property {string} name
 * @property {string} emergency
 * @property {string | null} urgent
 * @property {string | null} urgentName
 * @typedef {{ default: string | null, regions: Region[] }} Calls
 */

// Canada's time zones share "America/" with the United States'.
const CANADA_ZONES = new Set([
  'America/Toronto', 'America/Vancouver', 'America/Montreal', 'America/Edmonton', 'America/Winnipeg', 'America/Halifax',
  'America/St_Johns', 'America/Regina', 'America/Moncton', 'America/Whitehorse', 'America/Yellowknife', 'America/Iqaluit',
  'America/Glace_Bay', 'America/Goose_Bay', 'America/Swift_Current', 'America/Dawson_Creek', 'America/Fort_Nelson',
]);
const US_ZONES = /^(America\/(New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Boise|Detroit|Juneau|Sitka|Nome|Adak|Metlakatla|Yakutat|Menominee|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+)|Pacific\/Honolulu)$/;

// The time zones of EU member states.
const EU_ZONES = new Set([
  'Europe/Vienna', 'Europe/Brussels', 'Europe/Sofia', 'Europe/Zagreb', 'Asia/Nicosia', 'Asia/Famagusta', 'Europe/Prague',
  'Europe/Copenhagen', 'Europe/Tallinn', 'Europe/Helsinki', 'Europe/Mariehamn', 'Europe/Paris', 'Europe/Berlin',
  'Europe/Busingen', 'Europe/Athens', 'Europe/Budapest', 'Europe/Dublin', 'Europe/Rome', 'Europe/Riga', 'Europe/Vilnius',
  'Europe/Luxembourg', 'Europe/Malta', 'Europe/Amsterdam', 'Europe/Warsaw', 'Europe/Lisbon', 'Atlantic/Madeira',
  'Atlantic/Azores', 'Europe/Bucharest', 'Europe/Bratislava', 'Europe/Ljubljana', 'Europe/Madrid', 'Africa/Ceuta',
  'Atlantic/Canary', 'Europe/Stockholm',
]);

/** A region id from a time zone, or null when the zone doesn't tell. @param {string | undefined} zone */
function fromZone(zone) {
  if (!zone) return null;
  if (zone === 'Europe/London' || zone === 'Europe/Belfast') return 'uk';
  if (EU_ZONES.has(zone)) return 'eu';
  if (zone.startsWith('Australia/')) return 'au';
  if (CANADA_ZONES.has(zone)) return 'ca';
  if (US_ZONES.test(zone)) return 'us';
  return null;
}

const LANGUAGE_REGION = { GB: 'uk', UK: 'uk', AU: 'au', US: 'us', CA: 'ca' };
// EU member states, for a language tag like de-AT or fr-BE.
const EU = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']);

/** A region id from a language tag's country, or null. @param {string} tag */
function fromLanguage(tag) {
  const country = (String(tag).split('-')[1] || '').toUpperCase();
  if (LANGUAGE_REGION[country]) return LANGUAGE_REGION[country];
  return EU.has(country) ? 'eu' : null;
}

/**
 * The region to show first: the person's own choice, else the deployment's default, else a guess
 * from the time zone (where the phone is), else from the languages' countries; null if nothing tells.
 * @param {Calls} calls
 * @param {{ chosen?: string | null, languages?: readonly string[], timeZone?: string }} browser
 * @returns {Region | null}
 */
function regionFor(calls, { chosen = null, languages = [], timeZone } = {}) {
  const byId = new Map((calls.regions || []).map((r) => [r.id, r]));
  const candidates = [chosen, calls.default, fromZone(timeZone), ...languages.map(fromLanguage)];
  for (const id of candidates) if (id && byId.has(id)) return byId.get(id);
  return null;
}

/** A tel: link for a number as written ("0800 123 456" -> "tel:0800123456"). @param {string} number */
const telHref = (number) => 'tel:' + number.replace(/[^0-9+]/g, '');

export { regionFor, telHref, fromZone, fromLanguage };
