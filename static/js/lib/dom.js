/* Shared helpers for the page scripts, under one namespace so bundled files don't collide. */
(() => {
  'use strict';
  const Relieve = (window.Relieve = window.Relieve || {});

  Relieve.byId = (id) => document.getElementById(id);

  /** True when running from the home screen (installed), on Android and on iOS. */
  Relieve.isStandalone = () =>
    window.matchMedia('(display-mode: standalone)').matches || window.navigator.standalone === true;

  Relieve.debounce = (fn, ms) => {
    let timer = 0;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  };

  /** localStorage that never throws (it does in some private modes and when storage is full). */
  Relieve.store = {
    get(key) {
      try { return window.localStorage.getItem(key); } catch { return null; }
    },
    set(key, value) {
      try { window.localStorage.setItem(key, value); } catch { /* not saved: only a preference */ }
    },
  };
})();
