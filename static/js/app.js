/* Every page: offline support and updates, the install offer, the sync status line, and a
   confirmation from the page before. */
// @ts-check
import './pwa/register.js';
import './pwa/install.js';
import './sync/ui.js';
import './lib/notice.js';
