"""Static files at next to no CPU: compressed once, ahead of time, and served by WhiteNoise.

`flask static compress` (run by `make setup`, after `flask assets build`) writes a brotli and a
gzip copy next to every text file in static/ (bundles, CSS, SVGs, JSON). WhiteNoise, as WSGI
middleware in front of Flask, answers /static/ itself: it picks the `.br` or `.gz` sibling by
Accept-Encoding (with Vary: Accept-Encoding, the right Content-Encoding and Content-Length),
answers If-None-Match / If-Modified-Since with 304, and never reaches Flask, so no session is
read and there is no Vary: Cookie (a CDN can cache the files). Nothing is compressed per request.

In development and tests (ASSETS_AUTO_BUILD) WhiteNoise looks the file up on every request and
a missing or stale compressed copy is made then, so an edited file is never served old bytes.
"""

import os
import tempfile
from urllib.parse import parse_qs

import click
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor as _Compressor

from webapp.security import CSP, ONE_YEAR

# Text formats worth compressing; images and fonts are compressed already.
COMPRESSIBLE = (".js", ".mjs", ".css", ".svg", ".json", ".webmanifest", ".html", ".txt", ".map", ".xml", ".ico")
SUFFIXES = (".br", ".gz")
IMMUTABLE = f"public, max-age={ONE_YEAR}, immutable"


class Compressor(_Compressor):
    """WhiteNoise's compressor (brotli at quality 11, gzip at 9, a copy kept only when at least 5%
    smaller), writing each copy atomically so a request never reads half a file."""

    def __init__(self):
        super().__init__(quiet=True)

    def should_compress(self, filename):
        return filename.endswith(COMPRESSIBLE)

    def write_data(self, path, data, suffix, stat_result):
        folder = os.path.dirname(path)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".compress-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # The copy's time is the original's: that is how a stale copy is recognised.
        os.utime(tmp, ns=(stat_result.st_atime_ns, stat_result.st_mtime_ns))
        os.replace(tmp, path + suffix)
        return path + suffix


def _is_fresh(path, stat):
    """Both copies (or the brotli one alone, when gzip didn't pay) carry the original's time."""
    try:
        return os.stat(path + ".br").st_mtime_ns == stat.st_mtime_ns
    except FileNotFoundError:
        return False


def compress_file(compressor, path, checked=None):
    """Compress `path` unless its copies are current; `checked` remembers files whose
    compression didn't pay, so they aren't tried again until they change."""
    stat = os.stat(path)
    stamp = (stat.st_mtime_ns, stat.st_size)
    if _is_fresh(path, stat) or (checked is not None and checked.get(path) == stamp):
        return False
    for suffix in SUFFIXES:
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    compressor.compress(path)
    if checked is not None:
        checked[path] = stamp
    return True


def compress_folder(folder):
    """Brotli and gzip copies of every text file under `folder`; returns how many were (re)made."""
    compressor = Compressor()
    made = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if compressor.should_compress(name):
                made += compress_file(compressor, os.path.join(root, name))
    return made


def static_headers(headers, path, url):
    """The security headers add_headers gives every Flask response (an SVG can carry script)."""
    headers["Content-Security-Policy"] = CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"
    headers["X-Frame-Options"] = "DENY"


class StaticFiles(WhiteNoise):
    """WhiteNoise for /static/, with the app's caching rule: a URL that carries the file's hash
    (bundles in /static/gen/, other files with ?v=) is cached for good."""

    def __init__(self, application, flask_app):
        self.prefix = flask_app.static_url_path.rstrip("/") + "/"
        self._compressor = Compressor()
        self._checked = {}
        super().__init__(
            application,
            root=flask_app.static_folder,
            prefix=self.prefix,
            autorefresh=bool(flask_app.config.get("ASSETS_AUTO_BUILD")),
            # Unhashed URLs: no Cache-Control, so browsers revalidate (as Flask's own static view).
            max_age=None,
            allow_all_origins=False,
            add_headers_function=static_headers,
        )

    def immutable_file_test(self, path, url):
        return url.startswith(self.prefix + "gen/")

    def add_cache_headers(self, headers, path, url):
        if self.immutable_file_test(path, url):
            headers["Cache-Control"] = IMMUTABLE

    def find_file_at_path(self, path, url):
        # Only with autorefresh (development and tests): make a missing or stale copy now.
        if self._compressor.should_compress(path) and os.path.isfile(path):
            compress_file(self._compressor, path, self._checked)
        return super().find_file_at_path(path, url)

    def __call__(self, environ, start_response):
        if not environ.get("PATH_INFO", "").startswith(self.prefix):
            return self.application(environ, start_response)
        if "v" not in parse_qs(environ.get("QUERY_STRING", "")):
            return super().__call__(environ, start_response)

        def versioned(status, headers, exc_info=None):
            headers = [(k, v) for k, v in headers if k.lower() != "cache-control"]
            if status.startswith(("200", "206", "304")):
                headers.append(("Cache-Control", IMMUTABLE))
            return start_response(status, headers, exc_info)

        return super().__call__(environ, versioned)


def init_app(app):
    """Serve /static/ with StaticFiles, and add `flask static compress`."""
    app.wsgi_app = StaticFiles(app.wsgi_app, app)

    @app.cli.group("static")
    def static_group():
        """Static files."""

    @static_group.command("compress")
    def compress_command():
        """Write brotli and gzip copies of the static text files (after `flask assets build`)."""
        made = compress_folder(app.static_folder)
        click.echo(f"Compressed {made} static files (brotli and gzip).")
