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

/** Whether a card's search text (name, summary, labels and tags) matches every term of a query.
    @param {string} query @param {string} haystack */
export function matchesQuery(query, haystack) {
  return terms(query).every((term) => haystack.includes(term)
    || (Object.hasOwn(SYNONYMS, term) && SYNONYMS[term].some((tag) => haystack.includes(tag))));
}
