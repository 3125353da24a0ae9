"""webassets bundles: one minified CSS and one JS file for pages, one for the service worker.

Output names carry a hash of the content, so they can be cached forever and the service worker's
cache version follows them.
"""
from flask_assets import Bundle

PAGE_JS = (
    "js/lib/dom.js",
    "js/lib/ids.js",
    "js/lib/store.js",
    "js/sync/records.js",
    "js/sync/core.js",
    "js/lib/catalog.js",
    "js/pwa/register.js",
    "js/pwa/install.js",
    "js/library.js",
    "js/routine/expand.js",
    "js/routine/timer.js",
    "js/routine/share.js",
    "js/routine/cues.js",
    "js/routine/player.js",
    "js/routine/builder.js",
    "js/routine/lists.js",
    "js/lib/days.js",
    "js/symptoms/validate.js",
    "js/safety/rules.js",
    "js/safety/state.js",
    "js/safety/check.js",
    "js/safety/gate.js",
    "js/symptoms/form.js",
    "js/symptoms/list.js",
    "js/insights/calc.js",
    "js/insights/chart.js",
    "js/insights/page.js",
    "js/insights/summary.js",
    "js/export/csv.js",
    "js/reminders/ics.js",
    "js/reminders/page.js",
    "js/sync/ui.js",
)

BUNDLES = {
    "css_all": Bundle("css/base.css", "css/library.css", "css/routines.css",
                      "css/track.css", "css/insights.css", "css/print.css",
                      filters="rcssmin", output="gen/app.%(version)s.css"),
    "js_all": Bundle(*PAGE_JS, filters="rjsmin", output="gen/app.%(version)s.js"),
    # The worker shares the store and sync code with the pages, for Background Sync.
    "js_sw": Bundle("js/lib/ids.js", "js/lib/store.js", "js/sync/records.js", "js/sync/core.js",
                    "js/sw/service-worker.js", filters="rjsmin", output="gen/sw.%(version)s.js"),
}


def register_bundles(env):
    env.versions = "hash"
    env.url_expire = False
    env.manifest = "file:" + "gen/.webassets-manifest"
    env.cache = False
    for name, bundle in BUNDLES.items():
        env.register(name, bundle)
