/* Searching the cards as people put it: "sciatica", "sitting", "in bed", "gentle", "hamstring".
   The same rules and the same synonym table as the server (webapp/library/synonyms.py, through
   the contract), so a search finds the same cards with or without JavaScript. Pure. */
// @ts-check
import { SEARCH_STOP_WORDS, SEARCH_SYNONYMS } from '../generated/contract.js';

/** @type {Record<string, readonly string[]>} */
const SYNONYMS = SEARCH_SYNONYMS;
const LONGEST = Math.max(...Object.keys(SYNONYMS).map((k) => k.split(' ').length));

/** The terms of a search: lower case, phrases kept whole, small words dropped. @param {string} query */
export function terms(query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let size = Math.min(LONGEST, words.length - i); size > 1; size -= 1) {
      const phrase = words.slice(i, i + size).join(' ');
      if (Object.hasOwn(SYNONYMS, phrase)) {
        out.push(phrase);
        i += size;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (!SEARCH_STOP_WORDS.includes(words[i])) out.push(words[i]);
    i += 1;
  }
  return out;
}

/** Whether a card's search text (name, summary, labels and tags) matches every term of a query:
    whether it ranks at all (rank below, the one rule for both).
    @param {string} query @param {string} haystack */
export function matchesQuery(query, haystack) {
  return rank(query, haystack) !== null;
}

/** How well a card matches a term, 0 best: in its name (0), its summary (1), its labels or the
    first tag the term stands for (2), only the term's other tags (3); null when it does not match.
    `parts`: the search text's three lines (name, summary, the rest). The same rule as
    webapp/library/synonyms.py term_tier. @param {string} term @param {string[]} parts */
export function termTier(term, [name, summary, rest]) {
  if (name.includes(term)) return 0;
  if (summary.includes(term)) return 1;
  const tags = Object.hasOwn(SYNONYMS, term) ? SYNONYMS[term] : [];
  if (rest.includes(term) || (tags.length > 0 && rest.includes(tags[0]))) return 2;
  if (tags.some((tag) => rest.includes(tag))) return 3;
  return null;
}

/** A matching card's place in a search's results, lower first (the sum of its terms' tiers);
    null when some term does not match. @param {string} query @param {string} haystack */
export function rank(query, haystack) {
  const parts = haystack.split('\n');
  let total = 0;
  for (const term of terms(query)) {
    const tier = termTier(term, [parts[0] || '', parts[1] || '', parts.slice(2).join(' ')]);
    if (tier === null) return null;
    total += tier;
  }
  return total;
}
