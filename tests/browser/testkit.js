// Test-only: the app's own modules as window.Relieve, so browser tests can seed and read the
// device's data through the same code the app uses. conftest.py bundles this file and the
// browser injects it into every page before the page's own scripts (it works offline too).
// These are separate module instances from the page's: they share IndexedDB, not memory.
export * as store from '../../static/js/lib/store.js';
export * as records from '../../static/js/sync/records.js';
export * as catalog from '../../static/js/lib/catalog.js';
export * as safety from '../../static/js/safety/state.js';
export * as share from '../../static/js/routine/share.js';
export * as expand from '../../static/js/routine/expand.js';
export { uuid7 } from '../../static/js/lib/ids.js';
export * as sides from '../../static/js/lib/sides.js';
