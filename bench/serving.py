"""Issue 15, serving: what /sw.js and a deploy cost.

1. /sw.js: server time per request when it is built every time (as before), when it comes from
   the release cache (200, brotli) and when the browser's copy is current (304); in production
   settings (assets pre-built) and with auto-build on (development, tests).
2. /sw.js in a browser: how many of its requests during a session of page views are 304s.
3. Static files: time per request and bytes of the biggest bundle, served from the precompressed
   copies (br, gzip, identity).
4. A deploy: requests and bytes the new service worker downloads when one page changed, against
   the whole offline cache (what every deploy cost before), and on the first install.

Run: `make bench` (or `.venv/bin/python bench/serving.py` after `make setup`). Not a test: it
prints figures. Browser parts are skipped with a message without Debian's Chromium.
"""

import logging
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

# The deploy test counts requests with the same code, so its figures and these agree.
from tests.browser.deploy_cost import WAIT_FOR_WAITING, Recorder  # noqa: E402
from tests.browser.kit import CHROMIUM_ARGS  # noqa: E402
from webapp import create_app  # noqa: E402
from webapp.content.loader import load_content  # noqa: E402
from webapp.content.models import Article  # noqa: E402
from webapp.extensions import db  # noqa: E402
from webapp.pwa.static_files import compress_folder  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
KB = 1024


def make_app(tmp, auto_build):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db",
            "ASSETS_AUTO_BUILD": auto_build,
            "SECRET_KEY": "bench",
            "SESSION_COOKIE_SECURE": False,
            "CLINIC_NAME": None,
            "CLINIC_BOOKING_URL": None,
        }
    )
    with app.app_context():
        upgrade()
        load_content(ROOT / "content", ROOT / "static")
    return app


def per_request(fn, n):
    fn()  # warm up
    start = time.process_time()
    for _ in range(n):
        fn()
    return (time.process_time() - start) / n * 1000


def sw_timings(app, n=200):
    client = app.test_client()
    br = {"Accept-Encoding": "gzip, deflate, br"}
    etag = client.get("/sw.js", headers=br).headers["ETag"]

    def rebuilt():
        app.extensions.pop("relieve.release", None)
        assert client.get("/sw.js", headers=br).status_code == 200

    def cached():
        assert client.get("/sw.js", headers=br).status_code == 200

    def not_modified():
        nonlocal etag
        response = client.get("/sw.js", headers={**br, "If-None-Match": etag})
        if response.status_code != 304:  # with auto-build, someone edited a source file meanwhile
            etag = response.headers["ETag"]

    return per_request(rebuilt, max(3, n // 40)), per_request(cached, n), per_request(not_modified, n)


def static_timings(app, n=300):
    client = app.test_client()
    html = client.get("/techniques/").get_data(as_text=True)
    urls = re.findall(r'(?:src|href)="(/static/gen/js/[^"]+\.js)"', html)
    sizes = {url: len(client.get(url).data) for url in urls}
    biggest = max(sizes, key=sizes.get)
    rows = []
    for encoding in ("br", "gzip", "identity"):
        headers = {"Accept-Encoding": encoding}
        size = len(client.get(biggest, headers=headers).data)
        rows.append((encoding, size, per_request(lambda h=headers: client.get(biggest, headers=h), n)))
    return biggest, rows


WAIT_FOR_WORKER = """async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  }
}"""

PAGES = ["/", "/techniques/", "/learn/", "/routines/", "/log/", "/insights/", "/", "/techniques/", "/settings"]


def browser_figures(app):
    from playwright.sync_api import sync_playwright

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    recorder = Recorder(app.wsgi_app)
    app.wsgi_app = recorder
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                chromium_sandbox=False,
                args=CHROMIUM_ARGS,
            )
            page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
            page.goto(base + "/")
            page.evaluate(WAIT_FOR_WORKER)
            page.wait_for_timeout(500)
            first = list(recorder.log)
            recorder.log.clear()
            for path in PAGES:
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                # Chromium checks for a new worker a moment after a navigation.
                page.wait_for_timeout(1500)
            session = [(s, n) for u, s, n in recorder.log if u == "/sw.js"]

            with app.app_context():
                article = db.session.scalar(db.select(Article).order_by(Article.sort_order).limit(1))
                article.body_html += "<p>Edited in this release.</p>"
                article.content_hash = "edited"
                db.session.commit()
            recorder.log.clear()
            page.evaluate(WAIT_FOR_WAITING)
            deploy = [(u, s, n) for u, s, n in recorder.log if u != "/sw.js"]
            sw_bytes = sum(n for u, _s, n in recorder.log if u == "/sw.js")
            browser.close()
    finally:
        server.shutdown()
        app.wsgi_app = recorder.application
    return first, session, deploy, sw_bytes


def whole_cache(app):
    """Requests and bytes (brotli) of every precached entry: what each deploy downloaded before."""
    import json

    client = app.test_client()
    body = client.get("/sw.js").get_data(as_text=True)
    config = json.loads(body[len("self.RELIEVE=") : body.index(";\n")])
    sizes = [len(client.get(url, headers={"Accept-Encoding": "br"}).data) for url in config["precache"]]
    return len(sizes), sum(sizes)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        dev = make_app(tmp, auto_build=True)  # builds the bundles if they are stale
        with dev.test_client() as c:
            c.get("/")
        compress_folder(dev.static_folder)  # what `make setup` does after building the bundles
        os.mkdir(f"{tmp}/prod")
        prod = make_app(f"{tmp}/prod", auto_build=False)

        print("1. /sw.js, server CPU time per request (ms): built every time | from the release cache | 304")
        for name, app in (("production settings", prod), ("auto-build (dev/tests)", dev)):
            rebuilt, cached, not_modified = sw_timings(app)
            print(f"   {name:24} {rebuilt:8.2f} | {cached:6.2f} | {not_modified:6.2f}")

        biggest, rows = static_timings(prod)
        print(f"3. Static file {biggest} (production settings), per request:")
        for encoding, size, ms in rows:
            print(f"   {encoding:8} {size / KB:7.1f} KB  {ms:5.2f} ms")

        entries, total = whole_cache(prod)
        print(
            f"4. Whole offline cache (what every deploy downloaded before): {entries} requests, "
            f"{total / KB:.1f} KB (br)"
        )

        if not os.path.exists(CHROMIUM):
            print(f"2./4. Browser figures skipped: no Chromium at {CHROMIUM}")
            return
        first, session, deploy, sw_bytes = browser_figures(prod)
        static = [u for u, _s, _n in first if u.startswith("/static/")]
        twice = sorted({u for u in static if static.count(u) > 1})
        print(
            f"   First visit + install: {len(first)} requests, {sum(n for *_, n in first) / KB:.1f} KB; "
            f"static files fetched twice: {len(twice)} {twice[:4]}"
        )
        not_mod = sum(1 for s, _n in session if s == 304)
        print(
            f"2. /sw.js during {len(PAGES)} page views: {len(session)} requests, {not_mod} answered 304 "
            f"({100 * not_mod / max(1, len(session)):.0f}%), {sum(n for _s, n in session)} bytes"
        )
        print(
            f"4. A deploy that changes one page: {len(deploy)} request(s), {sum(n for *_, n in deploy) / KB:.1f} KB "
            f"({', '.join(u for u, *_ in deploy)}), plus /sw.js {sw_bytes / KB:.1f} KB"
        )


if __name__ == "__main__":
    main()
