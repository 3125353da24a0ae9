/* "Install app": the browser's own prompt where it offers one (Chrome, Edge, Samsung Internet),
   and on iPhone/iPad, which have no prompt, a short "Share, then Add to Home Screen" hint.
   Offered once the person has something worth keeping (a routine done, a log entry, a routine
   saved), not on a first visit, where it would cover the welcome and the warning signs. */
// @ts-check
import { byId, isStandalone, prefs } from '../lib/dom.js';
import * as store from '../lib/store.js';

const banner = byId('install-banner');
const hint = byId('ios-install-hint');
const button = byId('install-button');
const DISMISSED = 'relieve.dismissed.';
const QUIET_DAYS = 14;

const recentlyDismissed = (id) => {
  const at = Number(prefs.get(DISMISSED + id));
  return at > 0 && Date.now() - at < QUIET_DAYS * 864e5;
};
const hideAll = () => { banner.hidden = true; hint.hidden = true; };
// Not over a task (a log being filled in, the safety check, a routine being built or played:
// `data-task` on the body, templates/base.html). The offer waits for a page that is read.
const busy = () => document.body.hasAttribute('data-task');

// While an offer shows, the page gets its height as room at the bottom (--banner-h, see base.css),
// so the end of the page can always be scrolled clear of it.
if ('ResizeObserver' in window) {
  const offers = [banner, hint];
  const room = new ResizeObserver(() => {
    const tallest = Math.max(...offers.map((el) => (el.hidden ? 0 : el.offsetHeight)));
    document.documentElement.style.setProperty('--banner-h', tallest + 'px');
  });
  for (const el of offers) room.observe(el);
}

/** Has this device kept anything of the person's yet? */
async function engaged() {
  const counts = await Promise.all(['sessions', 'logs', 'routines'].map((name) => store.count(name).catch(() => 0)));
  return counts.some((n) => n > 0);
}

document.querySelectorAll('[data-dismiss]').forEach((el) => {
  el.addEventListener('click', () => {
    const id = el.getAttribute('data-dismiss');
    byId(id).hidden = true;
    prefs.set(DISMISSED + id, String(Date.now()));
  });
});

// Already installed: nothing to offer.
if (!isStandalone()) offerInstall();

function offerInstall() {
  let deferredPrompt = null;
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the prompt for our own button instead of the browser's mini bar.
    event.preventDefault();
    deferredPrompt = event;
    if (!recentlyDismissed('install-banner') && !busy()) engaged().then((yes) => { if (yes && deferredPrompt) banner.hidden = false; });
  });

  button.addEventListener('click', async () => {
    if (!deferredPrompt) return;
    const prompt = deferredPrompt;
    deferredPrompt = null;
    banner.hidden = true;
    await prompt.prompt();
    await prompt.userChoice;
  });

  window.addEventListener('appinstalled', () => {
    deferredPrompt = null;
    hideAll();
  });

  // iPadOS reports itself as a Mac; touch support tells them apart.
  const ua = navigator.userAgent;
  const isIOS = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  if (isIOS && !recentlyDismissed('ios-install-hint') && !busy()) engaged().then((yes) => { hint.hidden = !yes; });
}
