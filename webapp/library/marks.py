"""Which marks a card's drawing uses (tools/draw_illustrations.py draws them), for the key under
the drawing: read from the drawing itself, so the key can't list a mark the drawing lacks."""

import functools
import os
import re

from flask import current_app

from webapp.pwa.precache import illustration_path

# In the order the key lists them; key.svg#m-<mark> draws each as the drawings do.
ORDER = ("hl", "ng", "nv", "ar")


def marks(slug):
    path = os.path.join(current_app.static_folder, illustration_path(slug))
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError:
        return ()
    return _marks(path, stamp)


@functools.lru_cache(maxsize=64)
def _marks(path, _stamp):
    with open(path, encoding="utf-8") as fh:
        used = set(re.findall(r'class="(hl|ng|nv|ar)"', fh.read()))
    return tuple(mark for mark in ORDER if mark in used)
