"""Static files: precompressed brotli and gzip picked by Accept-Encoding, cached for good when
the URL carries the hash, and never touching the session (no Vary: Cookie)."""

import gzip
import os
import re

import brotli
import pytest

from webapp.pwa.static_files import compress_folder


def _asset_urls(client):
    html = client.get("/techniques/").get_data(as_text=True)
    css = re.search(r'href="(/static/gen/app\.[0-9a-f]+\.css)"', html).group(1)
    js = re.search(r'src="(/static/gen/js/app\.[0-9A-Z]{8}\.js)"', html).group(1)
    svg = re.search(r'src="(/static/img/techniques/[^"#]+\?v=[0-9a-f]+)', html).group(1)
    return css, js, svg


@pytest.fixture
def urls(client):
    return _asset_urls(client)


def _original(app, url):
    path = url.split("?")[0][len(app.static_url_path) + 1 :]
    with open(os.path.join(app.static_folder, path), "rb") as fh:
        return fh.read()


@pytest.mark.parametrize("which", [0, 1, 2])
def test_each_encoding_decompresses_to_the_file(client, content_app, urls, which):
    url = urls[which]
    original = _original(content_app, url)
    br = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert br.status_code == 200
    assert br.headers["Content-Encoding"] == "br"
    assert brotli.decompress(br.data) == original
    assert int(br.headers["Content-Length"]) == len(br.data) < len(original)
    gz = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.data) == original
    assert int(gz.headers["Content-Length"]) == len(gz.data)
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert plain.data == original
    for response in (br, gz, plain):
        vary = [v.strip().lower() for v in response.headers.get("Vary", "").split(",")]
        assert "accept-encoding" in vary and "cookie" not in vary
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert "Set-Cookie" not in response.headers
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_session_even_when_signed_in_cookie_is_sent(client, urls):
    client.set_cookie("session", "anything")
    response = client.get(urls[2], headers={"Accept-Encoding": "br"})
    assert "cookie" not in response.headers.get("Vary", "").lower()
    assert "Set-Cookie" not in response.headers


def test_repeat_request_is_304(client, urls):
    first = client.get(urls[0], headers={"Accept-Encoding": "br"})
    again = client.get(urls[0], headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_unversioned_url_is_not_cached_for_good(client):
    response = client.get("/static/icons/icon.svg")
    assert response.status_code == 200
    assert "immutable" not in response.headers.get("Cache-Control", "")


def test_missing_file_is_404(client):
    assert client.get("/static/nothing-here.css").status_code == 404


def test_an_edited_file_is_never_served_from_a_stale_copy(client, content_app, tmp_path):
    # A file of our own in static/, removed after; the copies are made on the first request.
    path = os.path.join(content_app.static_folder, "test-edit-me.css")
    try:
        with open(path, "w") as fh:
            fh.write("body { color: red; }\n" * 50)
        assert brotli.decompress(client.get("/static/test-edit-me.css", headers={"Accept-Encoding": "br"}).data) == (
            b"body { color: red; }\n" * 50
        )
        with open(path, "w") as fh:
            fh.write("main { margin: 0; }\n" * 60)
        os.utime(path, ns=(os.stat(path).st_atime_ns, os.stat(path).st_mtime_ns + 10**9))
        body = client.get("/static/test-edit-me.css", headers={"Accept-Encoding": "br"}).data
        assert brotli.decompress(body) == b"main { margin: 0; }\n" * 60
    finally:
        for suffix in ("", ".br", ".gz"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)


def test_compress_command_makes_fresh_copies_once(tmp_path):
    (tmp_path / "a.js").write_text("export const a = 1;\n" * 100)
    (tmp_path / "b.png").write_bytes(b"\x89PNG" + b"0" * 1000)
    (tmp_path / "tiny.css").write_text("a{}")
    assert compress_folder(str(tmp_path)) == 2
    assert (tmp_path / "a.js.br").exists() and (tmp_path / "a.js.gz").exists()
    assert not (tmp_path / "b.png.br").exists(), "images are compressed already"
    assert not (tmp_path / "tiny.css.br").exists(), "a copy that isn't smaller is not kept"
    assert compress_folder(str(tmp_path)) == 1, "only the file that didn't pay is tried again"


def test_flask_command(runner):
    result = runner.invoke(args=["static", "compress"])
    assert result.exit_code == 0, result.output
    assert "Compressed" in result.output
