"""What the service worker stores for offline use, and the cache version derived from it.

Both are computed from the app itself (routes, content rows, asset bundles, files), never kept
by hand: a new card, an edited template or a changed bundle changes the version, and the
browser then installs the new service worker and offers a refresh.
"""

import hashlib
import os

from flask import current_app, url_for

from webapp.assets import script_urls, worker_path
from webapp.content.models import Article, Routine, Technique
from webapp.extensions import assets, db
from webapp.pwa.static_urls import static_url

ICONS = (
    "icons/icon.svg",
    "icons/icon-192.png",
    "icons/icon-512.png",
    "icons/maskable-512.png",
    "icons/apple-touch-icon.png",
    "icons/shortcut-library.png",
    "icons/shortcut-learn.png",
    "icons/shortcut-flare.png",
    "icons/shortcut-routines.png",
    "icons/shortcut-log.png",
    # Linked from every page inside <noscript>: listed so a page's links are all precached.
    "css/noscript.css",
)


# The key under each drawing (tools/draw_illustrations.py), one mark per fragment.
KEY_PATH = "img/key.svg"


def illustration_path(slug):
    return f"img/techniques/{slug}.svg"


def bundle_urls():
    """The stylesheet, and every page script and shared chunk."""
    return assets["css_all"].urls() + script_urls()


def _slugs(model):
    return db.session.scalars(db.select(model.slug).order_by(model.sort_order)).all()


def page_urls(techniques):
    articles, routines = _slugs(Article), _slugs(Routine)
    return (
        [
            url_for("main.home"),
            url_for("library.index"),
            url_for("learn.index"),
            url_for("pwa.offline"),
            url_for("pwa.offline_account"),
            url_for("main.privacy"),
            url_for("routines.index"),
            url_for("routines.player"),
            url_for("routines.builder"),
            url_for("routines.shared"),
            url_for("routines.history"),
            url_for("symptoms.index"),
            url_for("symptoms.entry"),
            url_for("symptoms.treatments"),
            url_for("symptoms.function"),
            url_for("safety.check"),
            url_for("insights.index"),
            url_for("insights.summary"),
            url_for("insights.reminders"),
            url_for("preferences.settings"),
            url_for("preferences.welcome"),
        ]
        + [url_for("routines.detail", slug=s) for s in routines]
        + [url_for("library.detail", slug=s) for s in techniques]
        + [url_for("learn.article", slug=s) for s in articles]
    )


def asset_urls(techniques):
    return (
        bundle_urls()
        + [url_for("pwa.manifest"), url_for("routines.catalog")]
        + [static_url(path) for path in ICONS]
        + [static_url(illustration_path(s)) for s in techniques]
        + [static_url(KEY_PATH)]
    )


def precache_urls():
    techniques = _slugs(Technique)
    return page_urls(techniques) + asset_urls(techniques)


def page_revisions(urls):
    """A hash of each page as it is served, so a deploy re-downloads only the pages whose bytes
    changed (asset URLs carry their own hash). The pages are rendered once per release, signed
    out: the precached pages are the same for everyone (per-person data lives on the device).
    A page that doesn't answer 200 gets no revision, and the worker always downloads it."""
    client = current_app.test_client()
    revisions = {}
    for url in urls:
        response = client.get(url, headers={"Accept-Encoding": "identity"})
        if response.status_code == 200:
            revisions[url] = hashlib.sha256(response.get_data()).hexdigest()[:16]
    return revisions


def _source_digest():
    """Templates and the Python that renders them (views, vocabulary, filters): cached pages
    change when any of it does."""
    digest = hashlib.sha256()
    roots = [os.path.join(current_app.root_path, current_app.template_folder), current_app.root_path]
    for root in roots:
        for folder, _dirs, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.endswith((".html", ".svg", ".py")):
                    with open(os.path.join(folder, name), "rb") as fh:
                        digest.update(name.encode() + fh.read())
    return digest.hexdigest()


def cache_version():
    """A short hash over everything the cached pages and files are made from."""
    digest = hashlib.sha256()
    # The list carries every bundle's and static file's content hash in its URLs.
    for part in [*precache_urls(), worker_path()]:
        digest.update(part.encode())
    for model in (Technique, Article, Routine):
        for slug, content_hash in db.session.execute(db.select(model.slug, model.content_hash).order_by(model.slug)):
            digest.update(f"{slug}:{content_hash}".encode())
    digest.update(_source_digest().encode())
    # The booking call to action is rendered into cached pages.
    digest.update(repr((current_app.config.get("CLINIC_NAME"), current_app.config.get("CLINIC_BOOKING_URL"))).encode())
    # Who the emergency screen calls reaches the device in /catalog.json.
    digest.update(repr(current_app.config.get("EMERGENCY_REGIONS")).encode())
    return digest.hexdigest()[:16]
