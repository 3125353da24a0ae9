/* Today's one line for the weekly function check-in: "Weekly check-in due", shown only when
   symptoms/checkin.js says it is due. */
// @ts-check
import * as store from '../lib/store.js';
import { checkDue } from './checkin.js';

async function show() {
  const node = document.getElementById('check-due');
  if (!node) return;
  const [activities, checks] = await Promise.all([store.all('activities').catch(() => []), store.all('checks').catch(() => [])]);
  node.hidden = !checkDue(activities, checks, Date.now()).due;
}

show().catch(() => {});
window.addEventListener('relieve:synced', () => { show().catch(() => {}); });
