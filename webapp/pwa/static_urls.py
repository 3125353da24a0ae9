"""URLs for static files that carry a hash of the file's bytes, so caches never serve stale ones."""

import hashlib
import os

from flask import current_app, url_for

_KEY = "relieve.static_hashes"


def file_hash(filename):
    """Short content hash of a file in the static folder, recomputed when the file changes."""
    path = os.path.join(current_app.static_folder, filename)
    stat = os.stat(path)
    memo = current_app.extensions.setdefault(_KEY, {})
    key = (filename, stat.st_mtime_ns, stat.st_size)
    if key not in memo:
        with open(path, "rb") as fh:
            memo[key] = hashlib.sha256(fh.read()).hexdigest()[:12]
    return memo[key]


def static_url(filename):
    return url_for("static", filename=filename, v=file_hash(filename))
