"""Routes that make Relieve an installable, offline-capable app."""

import json
import os

from flask import Blueprint, Response, current_app, render_template, url_for

from webapp.assets import worker_path
from webapp.pwa import release, shared
from webapp.pwa.precache import cache_version, page_revisions, precache_urls
from webapp.pwa.static_urls import static_url

bp = Blueprint("pwa", __name__)

THEME_COLOR = "#2f7a64"
BACKGROUND_COLOR = "#f7f5f0"


def manifest_data():
    return {
        "id": "/",
        "name": "Relieve: sciatica self-care",
        "short_name": "Relieve",
        "description": "Gentle self-massage and stretches for sciatica, with clear safety advice. Works offline.",
        "lang": "en",
        "dir": "ltr",
        "start_url": url_for("main.home"),
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "categories": ["health", "medical", "lifestyle"],
        "icons": [
            {"src": static_url("icons/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": static_url("icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {
                "src": static_url("icons/maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static_url("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
        ],
        "shortcuts": [
            {
                "name": "Flare-up: start the gentle routine",
                "short_name": "Flare-up",
                "description": "Start the gentlest routine straight away",
                "url": url_for("routines.player", routine="flare-up-gentle", flare=1),
                "icons": [{"src": static_url("icons/shortcut-flare.png"), "sizes": "96x96", "type": "image/png"}],
            },
            {
                "name": "Log how you feel",
                "short_name": "Log symptoms",
                "description": "Log leg and back pain in a few taps",
                "url": url_for("symptoms.entry", source="shortcut"),
                "icons": [{"src": static_url("icons/shortcut-log.png"), "sizes": "96x96", "type": "image/png"}],
            },
            {
                "name": "Routines",
                "short_name": "Routines",
                "description": "Guided routines with a timer",
                "url": url_for("routines.index"),
                "icons": [{"src": static_url("icons/shortcut-routines.png"), "sizes": "96x96", "type": "image/png"}],
            },
            {
                "name": "Technique library",
                "short_name": "Techniques",
                "description": "Browse self-massage techniques and stretches",
                "url": url_for("library.index"),
                "icons": [{"src": static_url("icons/shortcut-library.png"), "sizes": "96x96", "type": "image/png"}],
            },
            {
                "name": "Learn about sciatica",
                "short_name": "Learn",
                "description": "What sciatica is, safety, and when to get help",
                "url": url_for("learn.index"),
                "icons": [{"src": static_url("icons/shortcut-learn.png"), "sizes": "96x96", "type": "image/png"}],
            },
        ],
    }


@bp.get("/manifest.webmanifest")
def manifest():
    """The web app manifest."""
    body = json.dumps(manifest_data(), indent=1)
    shared.mark()
    return Response(body, mimetype="application/manifest+json", headers={"Cache-Control": "no-cache"})


def _service_worker_source():
    path = os.path.join(current_app.static_folder, worker_path())
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _build_service_worker():
    urls = precache_urls()
    config = {
        "version": cache_version(),
        "precache": urls,
        # Files under /static carry their hash in the URL; the rest get one here.
        "revisions": page_revisions([u for u in urls if not u.startswith(current_app.static_url_path + "/")]),
        "offline": url_for("pwa.offline"),
        "offlineAccount": url_for("pwa.offline_account"),
    }
    return f"self.RELIEVE={json.dumps(config, separators=(',', ':'))};\n{_service_worker_source()}"


@bp.get("/sw.js")
def service_worker():
    """The service worker, at the root so its scope is the whole app.

    The precache list and cache version are generated and prepended to the minified worker
    bundle; any change to them changes the bytes, which is what makes browsers update. Built
    once per release (webapp/pwa/release.py): browsers ask for it on every navigation, and a
    repeat request is a 304.
    """
    return release.respond(
        release.built("sw.js", _build_service_worker),
        "text/javascript",
        {"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )


@bp.get("/offline")
def offline():
    """Shown for pages that are not saved on the device while there is no connection."""
    return render_template("pwa/offline.html")


@bp.get("/offline/account")
def offline_account():
    """Shown for the sign-in and sign-up pages while there is no connection: signing in needs
    one, and the person's data is safe on the device meanwhile."""
    return render_template("pwa/offline_account.html")
