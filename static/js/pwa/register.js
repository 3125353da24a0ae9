/* Registers the service worker and runs the update flow: a new version waits until the person
   chooses "Refresh to update", so a routine is never interrupted by a reload. */
// @ts-check
import { byId } from '../lib/dom.js';

const status = byId('connection-status');
const showConnection = () => { status.hidden = navigator.onLine; };
window.addEventListener('online', showConnection);
window.addEventListener('offline', showConnection);
showConnection();

// Without service workers the app still works online, only not offline.
if ('serviceWorker' in navigator) registerWorker();

function registerWorker() {
  const toast = byId('update-toast');
  const button = /** @type {HTMLButtonElement} */ (byId('update-button'));
  let updateAccepted = false;

  function offerUpdate(worker) {
    // Never over a routine in progress: a page marks the body while the person is in the middle
    // of something, and the offer comes when it is done.
    if (document.body.hasAttribute('data-hold-updates')) {
      const observer = new MutationObserver(() => {
        if (document.body.hasAttribute('data-hold-updates')) return;
        observer.disconnect();
        offerUpdate(worker);
      });
      observer.observe(document.body, { attributes: true, attributeFilter: ['data-hold-updates'] });
      return;
    }
    const message = toast.querySelector('p');
    const text = message.textContent;
    toast.hidden = false;
    // Written after the region is shown, so screen readers announce it.
    message.textContent = '';
    setTimeout(() => { message.textContent = text; }, 50);
    button.disabled = false;
    button.onclick = () => {
      updateAccepted = true;
      button.disabled = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    };
  }

  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        // Without a controller this is the first install, not an update: nothing to offer.
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
      });
    });
    // An installed app can stay open for days: look for a new version when it comes back.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && navigator.onLine) registration.update().catch(() => {});
    });
  }

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install also changes the controller (clients.claim); only reload on request.
    // Accepted in another tab: this tab's offer is void.
    if (!updateAccepted) {
      toast.hidden = true;
      return;
    }
    updateAccepted = false;
    window.location.reload();
  });

  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(watch).catch((error) => {
      console.warn('Offline support is unavailable:', error.message);
    });
  };
  // After the page's own files have arrived: the first install then finds them in the HTTP cache
  // instead of downloading them a second time (and doesn't compete with the page for bandwidth).
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
