"""Web app manifest, service worker and precache."""

import re
import struct

import pytest

from tests.conftest import create_user, sign_in
from webapp.content.models import Technique
from webapp.extensions import db


@pytest.fixture
def manifest(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    return response.get_json()


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


class TestManifest:
    def test_required_fields(self, manifest):
        assert manifest["name"].startswith("Relieve")
        assert manifest["short_name"] == "Relieve"
        assert len(manifest["description"]) > 20
        assert manifest["start_url"] == "/"
        assert manifest["scope"] == "/"
        assert manifest["display"] == "standalone"
        assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
        assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])

    def test_icons_exist_with_their_declared_sizes(self, client, manifest):
        purposes = set()
        for icon in manifest["icons"]:
            response = client.get(icon["src"])
            assert response.status_code == 200, icon["src"]
            if icon["type"] == "image/png":
                w, h = png_size(response.data)
                assert icon["sizes"] == f"{w}x{h}"
                purposes.add((icon["purpose"], w))
        assert {("any", 192), ("any", 512), ("maskable", 512)} <= purposes

    def test_shortcuts_open_pages_that_exist(self, client, manifest):
        assert len(manifest["shortcuts"]) >= 2
        for shortcut in manifest["shortcuts"]:
            assert client.get(shortcut["url"]).status_code == 200
            for icon in shortcut["icons"]:
                w, h = png_size(client.get(icon["src"]).data)
                assert icon["sizes"] == f"{w}x{h}" and w >= 96

    def test_quick_log_is_a_shortcut(self, manifest):
        urls = [s["url"] for s in manifest["shortcuts"]]
        assert "/log/new?source=shortcut" in urls
        # Launchers may show only the first few shortcuts: the flare-up and the log come first.
        assert urls[:2] == ["/play?routine=flare-up-gentle&flare=1", "/log/new?source=shortcut"]

    def test_apple_touch_icon(self, client):
        html = client.get("/").get_data(as_text=True)
        href = re.search(r'<link rel="apple-touch-icon" href="([^"]+)"', html).group(1)
        data = client.get(href).data
        assert png_size(data) == (180, 180)
        # Colour type 4/6 has alpha; a palette (3) is opaque unless it carries a tRNS chunk.
        assert data[25] in (0, 2, 3) and b"tRNS" not in data, "apple-touch-icon must be opaque"
        for meta in (
            'name="apple-mobile-web-app-capable" content="yes"',
            'name="apple-mobile-web-app-title" content="Relieve"',
            'name="apple-mobile-web-app-status-bar-style"',
        ):
            assert meta in html


def service_worker(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    config = re.match(r"self\.RELIEVE=(\{.*?\});\n", body)
    assert config, body[:200]
    import json

    return response, json.loads(config.group(1)), body


class TestServiceWorker:
    def test_served_from_the_root_uncached(self, client):
        response, _, body = service_worker(client)
        assert response.mimetype == "text/javascript"
        assert response.headers["Cache-Control"] == "no-cache"
        assert response.headers["Service-Worker-Allowed"] == "/"
        assert "addEventListener('install'" in body or 'addEventListener("install"' in body

    def test_precaches_shell_every_card_and_illustration(self, client, content_app):
        _, config, _ = service_worker(client)
        urls = config["precache"]
        assert len(urls) == len(set(urls))
        for page in ("/", "/techniques/", "/learn/", "/offline", "/manifest.webmanifest"):
            assert page in urls
        with content_app.app_context():
            slugs = db.session.scalars(db.select(Technique.slug)).all()
        for slug in slugs:
            assert f"/techniques/{slug}" in urls
            assert any(u.startswith(f"/static/img/techniques/{slug}.svg?v=") for u in urls)
        assert any(re.fullmatch(r"/static/gen/js/app\.[0-9A-Z]{8}\.js", u) for u in urls)
        assert any(re.fullmatch(r"/static/gen/js/player\.[0-9A-Z]{8}\.js", u) for u in urls)
        assert any(re.fullmatch(r"/static/gen/js/chunk\.[0-9A-Z]{8}\.js", u) for u in urls)
        assert any(re.fullmatch(r"/static/gen/app\.[0-9a-f]{8,}\.css", u) for u in urls)

    def test_account_pages_have_their_own_offline_page(self, client):
        # Signing in offline says it needs a connection and that the data is safe on the device.
        _, config, _ = service_worker(client)
        assert config["offlineAccount"] == "/offline/account"
        assert "/offline/account" in config["precache"] and "/privacy" in config["precache"]
        assert not [u for u in config["precache"] if u.startswith(("/account", "/api/"))]
        html = client.get("/offline/account").get_data(as_text=True)
        assert "Signing in needs a connection" in html and "Your data is safe on this device" in html

    def test_every_precached_url_answers_200(self, client):
        # One failing URL would make the whole install fail in the browser.
        _, config, _ = service_worker(client)
        for url in config["precache"] + [config["offline"]]:
            assert client.get(url).status_code == 200, url

    def test_pages_link_the_same_asset_urls_it_precaches(self, client):
        _, config, _ = service_worker(client)
        html = client.get("/").get_data(as_text=True)
        for url in re.findall(r'(?:src|href)="(/static/[^"#]+)', html):
            assert url in config["precache"], url

    def test_version_follows_content(self, client, content_app):
        _, before, _ = service_worker(client)
        assert re.fullmatch(r"[0-9a-f]{16}", before["version"])
        assert service_worker(client)[1]["version"] == before["version"]
        with content_app.app_context():
            card = db.session.scalar(db.select(Technique).limit(1))
            card.content_hash = "changed"
            db.session.commit()
        assert service_worker(client)[1]["version"] != before["version"]

    def test_version_follows_the_booking_setting(self, client, content_app):
        before = service_worker(client)[1]["version"]
        content_app.config.update(CLINIC_NAME="Calm Clinic", CLINIC_BOOKING_URL="https://calm.example/book")
        assert service_worker(client)[1]["version"] != before


class TestAssets:
    def test_bundles_are_minified_and_cached_for_good(self, client):
        html = client.get("/").get_data(as_text=True)
        js = re.search(r'<script type="module" src="(/static/gen/js/app\.[0-9A-Z]{8}\.js)">', html).group(1)
        response = client.get(js)
        assert response.status_code == 200
        assert "immutable" in response.headers["Cache-Control"]
        text = response.get_data(as_text=True)
        assert "/* " not in text and "\n\n" not in text

    def test_versioned_static_files_cached_for_good(self, client):
        html = client.get("/techniques/").get_data(as_text=True)
        img = re.search(r'src="(/static/img/techniques/[^"#]+\?v=[0-9a-f]+)(?:#k)?"', html).group(1)
        assert "immutable" in client.get(img).headers["Cache-Control"]


def test_version_follows_the_bundles(client, monkeypatch):
    import webapp.pwa.precache as precache

    before = service_worker(client)[1]["version"]
    real = precache.bundle_urls
    monkeypatch.setattr(precache, "bundle_urls", lambda: [u.replace("app.", "app.0") for u in real()])
    assert service_worker(client)[1]["version"] != before


class TestBuiltOncePerRelease:
    """/sw.js and /catalog.json are built once per release, with a strong ETag (issue 15)."""

    @pytest.mark.parametrize("url", ["/sw.js", "/catalog.json"])
    def test_second_request_is_304(self, client, url):
        first = client.get(url, headers={"Accept-Encoding": "br"})
        assert first.status_code == 200 and first.headers["Content-Encoding"] == "br"
        etag = first.headers["ETag"]
        assert etag.startswith('"') and not etag.startswith("W/"), "a strong ETag"
        again = client.get(url, headers={"Accept-Encoding": "br", "If-None-Match": etag})
        assert again.status_code == 304 and again.data == b""
        assert again.headers["ETag"] == etag
        # Another encoding is another representation, with its own ETag.
        plain = client.get(url, headers={"Accept-Encoding": "identity", "If-None-Match": etag})
        assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
        assert plain.headers["ETag"] != etag
        import brotli

        assert brotli.decompress(first.data) == plain.data

    @pytest.mark.parametrize("url", ["/sw.js", "/catalog.json"])
    def test_a_content_change_changes_the_etag(self, client, content_app, url):
        before = client.get(url).headers["ETag"]
        with content_app.app_context():
            card = db.session.scalar(db.select(Technique).where(Technique.slug == "piriformis-stretch"))
            card.name = "Piriformis stretch, renamed"
            card.content_hash = "changed"
            db.session.commit()
        after = client.get(url, headers={"If-None-Match": before})
        assert after.status_code == 200 and after.headers["ETag"] != before
        assert b"renamed" in after.data if url == "/catalog.json" else True

    def test_built_once(self, client, monkeypatch):
        import webapp.pwa.views as views

        client.get("/sw.js")
        calls = []
        real = views.precache_urls
        monkeypatch.setattr(views, "precache_urls", lambda: calls.append(1) or real())
        for _ in range(3):
            client.get("/sw.js")
        assert calls == []

    def test_pages_carry_a_revision_of_their_bytes(self, client):
        _, config, _ = service_worker(client)
        revisions = config["revisions"]
        pages = [u for u in config["precache"] if not u.startswith("/static/")]
        assert set(revisions) == set(pages)
        assert "/catalog.json" in revisions and "/manifest.webmanifest" in revisions
        import hashlib

        html = client.get("/techniques/", headers={"Accept-Encoding": "identity"}).data
        assert revisions["/techniques/"] == hashlib.sha256(html).hexdigest()[:16]
        # Files under /static carry their hash in the URL instead.
        assert all("?v=" in u or u.startswith("/static/gen/") for u in config["precache"] if u.startswith("/static/"))


@pytest.mark.parametrize("signed_in", [False, True])
def test_files_the_same_for_everyone_do_not_vary_on_the_cookie(app, client, signed_in):
    """A shared cache may keep one copy of the worker, catalog and manifest for everyone; a page
    drawn for the person signed in still says it varies with the cookie (issue 15)."""
    if signed_in:
        create_user(app, "ana@example.com")
        sign_in(client, remember=True)
    for url in ("/sw.js", "/catalog.json", "/manifest.webmanifest"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "cookie" not in response.headers.get("Vary", "").lower(), url
        assert "Set-Cookie" not in response.headers, url
    assert "cookie" in client.get("/account/" if signed_in else "/").headers.get("Vary", "").lower()


def test_a_template_change_changes_the_worker(client, content_app):
    """With auto-build (development), an edited template is seen without a restart."""
    import os

    before = client.get("/sw.js").headers["ETag"]
    assert client.get("/sw.js", headers={"If-None-Match": before}).status_code == 304
    path = os.path.join(content_app.template_folder, "_test_release_probe.html")
    try:
        with open(path, "w") as fh:
            fh.write("<p>probe</p>\n")
        after = client.get("/sw.js", headers={"If-None-Match": before})
        assert after.status_code == 200 and after.headers["ETag"] != before
    finally:
        os.remove(path)
