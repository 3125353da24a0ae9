/* Which account this device last synced with, kept in localStorage so that any page knows it at
   once, even offline, without loading the sync engine (sync/ui.js writes it after each run). */
// @ts-check
import { prefs } from '../lib/dom.js';

export const ACCOUNT_KEY = 'relieve.account';

/** The account record last synced with, or null on a device that isn't linked to one. */
export const knownAccount = () => prefs.getJSON(ACCOUNT_KEY);
