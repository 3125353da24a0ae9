"""A deploy costs only what changed (issue 15): the new service worker copies unchanged entries
from the old cache, and the first install doesn't download the page's own files again.

What reaches the server is recorded by wrapping the live app (the HTTP cache and the service
worker's caches answer the rest)."""

from tests.browser.conftest import wait_for_service_worker
from webapp.content.models import Article
from webapp.extensions import db


class Recorder:
    """WSGI middleware that notes each request the browser makes of the server: URL, status, bytes."""

    def __init__(self, application):
        self.application = application
        self.log = []

    def __call__(self, environ, start_response):
        if "werkzeug.socket" not in environ:
            # Not from the browser: the server rendering pages for their revisions (/sw.js).
            return self.application(environ, start_response)
        url = environ.get("PATH_INFO", "") + ("?" + environ["QUERY_STRING"] if environ.get("QUERY_STRING") else "")

        def noting(status, headers, exc_info=None):
            length = next((int(v) for k, v in headers if k.lower() == "content-length"), None)
            self.log.append((url, int(status[:3]), length))
            return start_response(status, headers, exc_info)

        return self.application(environ, noting)


def recording(live_app):
    recorder = Recorder(live_app.wsgi_app)
    live_app.wsgi_app = recorder
    return recorder


WAIT_FOR_WAITING = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update();
  const worker = registration.installing || registration.waiting;
  if (!worker) throw new Error('no new service worker');
  if (worker.state !== 'installed') {
    await new Promise((resolve, reject) => worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') resolve();
      if (worker.state === 'redundant') reject(new Error('the install failed'));
    }));
  }
}"""


def precache_config(page):
    return page.evaluate("""async () => {
      const text = await (await fetch('/sw.js')).text();
      return JSON.parse(text.match(/^self\\.RELIEVE=(\\{.*?\\});\\n/)[1]);
    }""")


def test_first_install_downloads_each_file_once(page, live_server, live_app):
    recorder = recording(live_app)
    try:
        page.goto(live_server + "/")
        wait_for_service_worker(page)
    finally:
        live_app.wsgi_app = recorder.application
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

    recorder = recording(live_app)
    try:
        page.evaluate(WAIT_FOR_WAITING)
    finally:
        live_app.wsgi_app = recorder.application
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
