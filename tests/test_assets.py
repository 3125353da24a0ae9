"""The esbuild pipeline: each page loads only its own code, and what it loads is what is precached."""

import re

import pytest

from webapp.assets import ENTRIES, script_manifest

# Modules that are a page's own; shared libraries (lib/, sync/, rules) may go anywhere.
PAGE_MODULES = {module for name, module in ENTRIES.items() if name != "app"}


def loaded_entries(client, url):
    html = client.get(url).get_data(as_text=True)
    files = re.findall(r'<script type="module" src="/static/([^"]+)">', html)
    by_file = {entry["file"]: name for name, entry in script_manifest()["entries"].items()}
    return [by_file[f] for f in files]


def loaded_sources(client, url):
    entries = script_manifest()["entries"]
    return {source for name in loaded_entries(client, url) for source in entries[name]["sources"]}


@pytest.mark.parametrize(("name", "module"), sorted(ENTRIES.items()))
def test_an_entry_never_pulls_in_another_pages_code(app, name, module):
    with app.test_request_context():
        sources = set(script_manifest()["entries"][name]["sources"])
    assert module in sources
    assert sources & PAGE_MODULES <= {module}, f"{name} bundles another page's module"


@pytest.mark.parametrize(
    ("url", "expected", "never"),
    [
        ("/techniques/", {"app", "library", "safety-gate"}, {"js/routine/player.js", "js/routine/timer.js"}),
        ("/play?routine=desk-break", {"app", "player"}, {"js/library.js", "js/insights/chart.js"}),
        ("/log/new", {"app", "log-form"}, {"js/routine/player.js", "js/routine/timer.js", "js/insights/chart.js"}),
        ("/learn/", {"app"}, {"js/routine/player.js", "js/symptoms/form.js", "js/safety/rules.js"}),
    ],
)
def test_each_page_loads_only_what_it_uses(app, client, url, expected, never):
    with app.test_request_context():
        assert set(loaded_entries(client, url)) == expected
        assert not loaded_sources(client, url) & never


def test_chunks_a_page_imports_are_preloaded(app, client):
    html = client.get("/play?routine=desk-break").get_data(as_text=True)
    preloaded = set(re.findall(r'<link rel="modulepreload" href="/static/([^"]+)">', html))
    with app.test_request_context():
        entries = script_manifest()["entries"]
    assert preloaded == set(entries["app"]["imports"]) | set(entries["player"]["imports"])
    assert preloaded


def test_every_built_script_is_content_hashed(app):
    with app.test_request_context():
        manifest = script_manifest()
    for path in [*manifest["files"], manifest["worker"]]:
        assert re.fullmatch(r"gen/js/[a-z-]+\.[0-9A-Z]{8}\.js", path), path
