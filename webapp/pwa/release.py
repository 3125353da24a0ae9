"""Responses built once per release: /sw.js and /catalog.json.

Both are made from the same things (asset bundles, content rows, a few settings, and in
development the templates and code), so both are cached in the process under one key made
from those. Working the key out costs one small query (the content's hashes, so a
`flask content load` from another process is seen at once) and, when assets auto-build, a
stat of the source files; building the body hashes files, queries and renders pages, and
happens only when the key changes.

Each body is stored with its brotli and gzip forms and a strong ETag per form, so a repeat
request is a 304 and a full one costs no compression.
"""

import gzip
import hashlib
import os

import brotli
from flask import Response, current_app, request
from sqlalchemy import literal, union_all

from webapp.content.models import Article, Routine, Technique
from webapp.extensions import db
from webapp.pwa import shared

_KEY = "relieve.release"


def _content_rows():
    """Every content row's slug, order and hash, in one query."""
    parts = [
        db.select(literal(model.__tablename__), model.slug, model.sort_order, model.content_hash)
        for model in (Technique, Article, Routine)
    ]
    return tuple(tuple(row) for row in db.session.execute(union_all(*parts)).all())


def _source_stamp():
    """Names, sizes and times of the templates, the code and the static files: what a
    developer edits while the server runs (production restarts on deploy)."""
    app = current_app
    roots = (os.path.join(app.root_path, app.template_folder), app.root_path, app.static_folder)
    digest = hashlib.sha256()
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in ("gen", ".webassets-cache", "__pycache__"))
            for name in sorted(files):
                if name.endswith((".br", ".gz")) or name.startswith(".compress-"):
                    continue  # compressed copies, made from the files themselves
                stat = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


def release_key():
    """What the cached bodies depend on; cheap to work out."""
    from webapp.pwa import precache

    config = current_app.config
    parts = [
        # Bundle URLs carry their content hash; with auto-build this rebuilds stale bundles first.
        tuple(precache.bundle_urls()),
        _content_rows(),
        repr((config.get("CLINIC_NAME"), config.get("CLINIC_BOOKING_URL"), config.get("EMERGENCY_REGIONS"))),
    ]
    if config.get("ASSETS_AUTO_BUILD"):
        parts.append(_source_stamp())
    return hashlib.sha256(repr(parts).encode()).hexdigest()


class Built:
    """A body in its three encodings, with the content hash its ETags are made from."""

    def __init__(self, body: bytes):
        self.digest = hashlib.sha256(body).hexdigest()[:32]
        self.forms = {
            "br": brotli.compress(body, quality=11),
            "gzip": gzip.compress(body, compresslevel=9, mtime=0),
            "identity": body,
        }

    def etag(self, encoding):
        return f"{self.digest}-{encoding}"


def built(name, build, key=None):
    """The cached body called `name`, rebuilt with `build()` (returning str) when the key changes."""
    key = key or release_key()
    memo = current_app.extensions.setdefault(_KEY, {})
    entry = memo.get(name)
    if entry is None or entry[0] != key:
        entry = (key, Built(build().encode()))
        memo[name] = entry
    return entry[1]


def _encoding():
    accepted = request.accept_encodings
    for encoding in ("br", "gzip"):
        if accepted[encoding] > 0:
            return encoding
    return "identity"


def respond(body: Built, mimetype, headers=None):
    """The body in the best encoding the client takes, or 304 when its copy is current."""
    shared.mark()
    encoding = _encoding()
    response = Response(body.forms[encoding], mimetype=mimetype, headers=headers or {})
    if encoding != "identity":
        # Already compressed: Flask-Compress leaves responses with a Content-Encoding alone.
        response.headers["Content-Encoding"] = encoding
    response.vary.add("Accept-Encoding")
    response.set_etag(body.etag(encoding))
    return response.make_conditional(request)
