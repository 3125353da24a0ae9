"""A deploy costs only what changed (issue 15): the new service worker copies unchanged entries
from the old cache, and the first install doesn't download the page's own files again.

What reaches the server is recorded by wrapping the live app (the HTTP cache and the service
worker's caches answer the rest)."""

from tests.browser.conftest import wait_for_service_worker
from tests.browser.deploy_cost import WAIT_FOR_WAITING, recording
from webapp.content.models import Article
from webapp.extensions import db


def precache_config(page):
    return page.evaluate("""async () => {
      const text = await (await fetch('/sw.js')).text();
      return JSON.parse(text.match(/^self\\.RELIEVE=(\\{.*?\\});\\n/)[1]);
    }""")


def test_first_install_downloads_each_file_once(page, live_server, live_app):
    with recording(live_app) as recorder:
        page.goto(live_server + "/")
        wait_for_service_worker(page)
    static = [url for url, _status, _length in recorder.log if url.startswith("/static/")]
    assert static, recorder.log
    twice = sorted({url for url in static if static.count(url) > 1})
    assert twice == [], f"downloaded twice: {twice}"
    config = precache_config(page)
    # Everything precached was fetched (from the server or the HTTP cache) and stored.
    stored = page.evaluate(
        """async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search)""",
        "relieve-precache-" + config["version"],
    )
    assert set(config["precache"]) <= set(stored)


def test_a_deploy_with_one_changed_file_downloads_only_that_file(page, live_server, live_app):
    page.goto(live_server + "/learn/")
    wait_for_service_worker(page)
    before = precache_config(page)
    with live_app.app_context():
        article = db.session.scalar(db.select(Article).order_by(Article.sort_order).limit(1))
        slug = article.slug
        article.body_html += "<p>A new paragraph in this release.</p>"
        article.content_hash = "edited"
        db.session.commit()

    with recording(live_app) as recorder:
        page.evaluate(WAIT_FOR_WAITING)
    after = precache_config(page)
    assert after["version"] != before["version"]
    changed = sorted(u for u in after["revisions"] if after["revisions"][u] != before["revisions"].get(u))
    assert changed == [f"/learn/{slug}"]
    downloaded = [(url, status) for url, status, _length in recorder.log if url != "/sw.js"]
    assert downloaded == [(f"/learn/{slug}", 200)], downloaded

    # The new cache is complete, and holds the new page.
    new_cache = "relieve-precache-" + after["version"]
    stored = page.evaluate(
        "async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search)",
        new_cache,
    )
    assert set(after["precache"]) <= set(stored)
    html = page.evaluate(
        "async ([name, url]) => (await (await caches.open(name)).match(url)).text()", [new_cache, f"/learn/{slug}"]
    )
    assert "A new paragraph in this release." in html
    assert page.context.console.errors == [] if hasattr(page.context, "console") else True
