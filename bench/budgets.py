"""Issue #2 budgets, measured on the app as it is served.

1. First visit to the card list: bytes of HTML + CSS + JS as sent compressed (gzip and brotli),
   illustrations aside. Budget: at most 100 KB.
2. Each illustration gzipped (both poses and the animation). Budget: at most 3 KB (issue #11). Also
   how much of a 16:9 card frame the figure fills (the binding side; budget 60%, measured in the
   browser by tests/browser/test_illustrations.py; here from each file's fitted viewBox).
3. Repeat visit while offline: network requests made (budget: zero) and pages served from the
   service worker, in Debian's Chromium (skipped with a message when it is not installed).

Run: `make bench` (or `.venv/bin/python bench/budgets.py` after `make setup`).
"""

import gzip
import json
import logging
import os
import re
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from serving import make_app  # noqa: E402  (bench/ is the script's folder)
from werkzeug.serving import make_server  # noqa: E402

from tests.browser.kit import CHROMIUM_ARGS  # noqa: E402

KB = 1024


def first_visit(client, path="/techniques/"):
    html = client.get(path).get_data(as_text=True)
    urls = [path, *re.findall(r'<(?:script|link rel="(?:stylesheet|modulepreload)")[^>]+(?:src|href)="([^"]+)"', html)]
    rows = []
    for url in urls:
        sizes = {}
        for encoding in ("identity", "gzip", "br"):
            response = client.get(url, headers={"Accept-Encoding": encoding})
            sizes[encoding] = len(response.data)
        rows.append((url, sizes))
    return rows


def precache_weight(client):
    """What the service worker downloads in the background after the first visit."""
    body = client.get("/sw.js").get_data(as_text=True)
    config = json.loads(body[len("self.RELIEVE=") : body.index(";\n")])
    total = sum(len(client.get(url, headers={"Accept-Encoding": "gzip"}).data) for url in config["precache"])
    return len(config["precache"]), total


def illustrations():
    folder = ROOT / "static" / "img" / "techniques"
    return sorted((p.name, p.stat().st_size, len(gzip.compress(p.read_bytes(), 9))) for p in folder.glob("*.svg"))


ILLUSTRATION_BUDGET = 3 * KB
FRAME = 16 / 9  # the card page's frame (static/css/figures.css)


def illustration_fill():
    """Per file: the share of a 16:9 frame the figure covers on its binding side (the drawing is
    contained in the frame; the viewBox is the figure plus the generator's margin)."""
    from tools.draw_illustrations import MARGIN

    out = {}
    for p in (ROOT / "static" / "img" / "techniques").glob("*.svg"):
        w, h = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', p.read_text()).groups())
        binding = w if w / h >= FRAME else h
        out[p.stem] = (binding - 2 * MARGIN) / binding
    return out


def offline_repeat_visit(app):
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.path.exists(chromium):
        return None
    from playwright.sync_api import sync_playwright

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    paths = ["/", "/techniques/", "/techniques/piriformis-stretch", "/learn/", "/learn/faq"]
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            chromium_sandbox=False,
            args=CHROMIUM_ARGS,
        )
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + "/")
        page.evaluate("navigator.serviceWorker.ready")
        page.wait_for_function(
            "navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated'"
        )
        context.set_offline(True)
        network, from_sw, total = [], 0, 0
        page.on("requestfailed", lambda r: network.append(r.url))

        def finished(request):
            nonlocal from_sw, total
            total += 1
            if request.response().from_service_worker:
                from_sw += 1
            else:
                network.append(request.url)

        page.on("requestfinished", finished)
        for path in paths:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
        browser.close()
    server.shutdown()
    return {"pages": len(paths), "requests": total, "from_service_worker": from_sw, "network": network}


def main():
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        app = make_app(tmp, auto_build=True)
        client = app.test_client()
        rows = first_visit(client)
        print("1. First visit to /techniques/ (HTML + CSS + JS), bytes:")
        print(f"   {'resource':58} {'raw':>8} {'gzip':>8} {'brotli':>8}")
        for url, s in rows:
            print(f"   {url:58} {s['identity']:8} {s['gzip']:8} {s['br']:8}")
        gz = sum(s["gzip"] for _, s in rows)
        br = sum(s["br"] for _, s in rows)
        raw = sum(s["identity"] for _, s in rows)
        ok1 = max(gz, br) <= 100 * KB
        print(
            f"   total: raw {raw / KB:.1f} KB, gzip {gz / KB:.1f} KB, brotli {br / KB:.1f} KB "
            f"(budget 100 KB): {'PASS' if ok1 else 'FAIL'}"
        )

        # Each page loads only its own entries and the chunks they import (issue #10). Before the
        # split, every page loaded one bundle of all the code: 148 KB minified, 44 KB gzipped.
        print("   JavaScript on a first visit, per page (entries + shared chunks):")
        for page in (
            "/",
            "/techniques/",
            "/techniques/piriformis-stretch",
            "/play?routine=desk-break",
            "/log/new",
            "/insights/",
        ):
            js = [s for url, s in first_visit(client, page) if url.endswith(".js")]
            print(
                f"   {page:34} {len(js):2} files, raw {sum(s['identity'] for s in js) / KB:5.1f} KB, "
                f"gzip {sum(s['gzip'] for s in js) / KB:5.1f} KB"
            )

        count, weight = precache_weight(client)
        print(
            f"   then, in the background, the service worker saves {count} files for offline use: "
            f"{weight / KB:.1f} KB gzipped in all"
        )

        pics = illustrations()
        largest = max(pics, key=lambda p: p[2])
        fills = illustration_fill()
        lowest = min(fills, key=fills.get)
        ok2 = largest[2] <= ILLUSTRATION_BUDGET and fills[lowest] >= 0.6
        print(
            f"2. Illustrations: {len(pics)} files, gzipped {min(p[2] for p in pics)}-{largest[2]} bytes, "
            f"total {sum(p[2] for p in pics) / KB:.1f} KB; largest {largest[0]} "
            f"(budget 3 KB each); figure fills {fills[lowest]:.0%} of a 16:9 frame at least ({lowest}; "
            f"budget 60%): {'PASS' if ok2 else 'FAIL'}"
        )

        offline = offline_repeat_visit(app)
        if offline is None:
            print("3. Offline repeat visit: skipped (no Chromium at /usr/bin/chromium)")
            ok3 = True
        else:
            ok3 = not offline["network"]
            print(
                f"3. Offline repeat visit of {offline['pages']} pages: {offline['requests']} requests, "
                f"{offline['from_service_worker']} from the service worker, {len(offline['network'])} "
                f"to the network (budget 0): {'PASS' if ok3 else 'FAIL'}"
            )
    return 0 if ok1 and ok2 and ok3 else 1


if __name__ == "__main__":
    sys.exit(main())
