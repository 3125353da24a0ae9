"""Installable, offline app: web app manifest, service worker and offline page."""
