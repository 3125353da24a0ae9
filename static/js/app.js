/* Every page: offline support and updates, the install offer, and the sync status line. */
// @ts-check
import './pwa/register.js';
import './pwa/install.js';
import './sync/ui.js';
