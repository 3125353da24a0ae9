"""Asset bundles: one minified CSS file, and the JavaScript built by esbuild.

Every output name carries a hash of its content, so it can be cached forever, and the service
worker's cache version follows it.

The JavaScript is ES modules, one entry per feature. esbuild (tools/build_js.mjs) bundles them
with code splitting, so a page downloads only the code its entries import, and code two pages
share is one chunk, cached once. webassets still drives the build: the `js_pages` bundle depends
on every source file, and its filter runs esbuild and stores esbuild's manifest as the bundle's
output. `flask assets build` builds it, and with ASSETS_AUTO_BUILD (development and tests) a
changed source file rebuilds it on the next request, as for the CSS.
"""

import json
import os
import subprocess

from flask import current_app, url_for
from flask_assets import Bundle
from markupsafe import Markup, escape
from webassets.filter import Filter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_SCRIPT = os.path.join(ROOT, "tools", "build_js.mjs")
OUTDIR = "gen/js"

# Entry name -> module, relative to static/. Templates name the entries their page runs
# ({{ scripts("player") }}); "app" runs on every page (base.html).
ENTRIES = {
    "app": "js/app.js",
    "home": "js/main/home.js",
    "library": "js/library.js",
    "safety-gate": "js/safety/gate.js",
    "routine-lists": "js/routine/lists.js",
    "player": "js/routine/player.js",
    "routine-page": "js/routine/page.js",
    "builder": "js/routine/builder.js",
    "safety-check": "js/safety/check.js",
    "log-form": "js/symptoms/form.js",
    "log-list": "js/symptoms/list.js",
    "log-treatments": "js/symptoms/treatments.js",
    "log-function": "js/symptoms/function.js",
    "log-due": "js/symptoms/due.js",
    "insights": "js/insights/page.js",
    "summary": "js/insights/summary.js",
    "reminders": "js/reminders/page.js",
    "welcome": "js/preferences/welcome.js",
    "settings": "js/preferences/settings.js",
    "account-forms": "js/auth/forms.js",
    "privacy": "js/sync/privacy.js",
    "card-actions": "js/library/card.js",
}
WORKER = "js/sw/service-worker.js"
# webassets globs without recursion: one pattern per folder depth.
SOURCES = ("js/*.js", "js/*/*.js")


class EsbuildManifest(Filter):
    """Runs esbuild over ENTRIES and WORKER; the bundle's content becomes esbuild's manifest."""

    name = "esbuild-manifest"
    max_debug_level = None

    def output(self, _in, out, **kw):
        job = {"static": self.ctx.directory, "outdir": OUTDIR, "entries": ENTRIES, "worker": WORKER}
        result = subprocess.run(
            ["node", BUILD_SCRIPT], input=json.dumps(job), capture_output=True, text=True, cwd=ROOT, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"esbuild failed:\n{result.stderr.strip()}")
        out.write(result.stdout)


BUNDLES = {
    "css_all": Bundle(
        "css/base.css",
        "css/library.css",
        "css/figures.css",
        "css/routines.css",
        "css/track.css",
        "css/log.css",
        "css/insights.css",
        "css/today.css",
        "css/print.css",
        filters="rcssmin",
        output="gen/app.%(version)s.css",
    ),
    "js_pages": Bundle(*SOURCES, filters=(EsbuildManifest(),), output="gen/scripts.%(version)s.json", depends=SOURCES),
}


def register_bundles(env):
    env.versions = "hash"
    env.url_expire = False
    env.manifest = "file:" + "gen/.webassets-manifest"
    env.cache = False
    for name, bundle in BUNDLES.items():
        env.register(name, bundle)


def script_manifest():
    """esbuild's manifest for the current build (built first if stale and auto-build is on)."""
    from webapp.extensions import assets

    (url,) = assets["js_pages"].urls()
    path = os.path.join(current_app.static_folder, url.split("?")[0][len(current_app.static_url_path) + 1 :])
    memo = current_app.extensions.setdefault("relieve.script_manifest", {})
    if path not in memo:
        with open(path, encoding="utf-8") as fh:
            memo[path] = json.load(fh)
    return memo[path]


def _static(path):
    return url_for("static", filename=path)


def script_urls():
    """Every page script and chunk, for the service worker's precache."""
    return [_static(path) for path in script_manifest()["files"]]


def worker_path():
    return script_manifest()["worker"]


def scripts(*names):
    """<script type="module"> tags for the named entries (names or lists of names), with their
    chunks preloaded so the browser fetches them in parallel instead of one import at a time."""
    names = [n for item in names for n in ([item] if isinstance(item, str) else item)]
    entries = script_manifest()["entries"]
    unknown = [name for name in names if name not in entries]
    if unknown:
        raise KeyError(f"No script entry named {', '.join(unknown)}; see ENTRIES in webapp/assets.py.")
    preload = sorted({chunk for name in names for chunk in entries[name]["imports"]})
    tags = [f'<link rel="modulepreload" href="{escape(_static(chunk))}">' for chunk in preload]
    tags += [f'<script type="module" src="{escape(_static(entries[name]["file"]))}"></script>' for name in names]
    return Markup("\n  ".join(tags))
