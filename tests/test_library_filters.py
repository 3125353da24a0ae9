"""The card list's filters (the server side; the browser tests check the same rules in JS)."""

import re
from types import SimpleNamespace

import pytest
from werkzeug.datastructures import MultiDict

from tests.node import run_module
from webapp.library.filters import Filters

ROLL = SimpleNamespace(
    slug="foam-roll-glutes",
    intensity="moderate",
    name="Foam roller: glutes",
    summary="Roll the buttock slowly.",
    kind="massage",
    position="floor",
    target_areas=["buttock", "hip"],
    equipment=["foam-roller"],
)
NERVE = SimpleNamespace(
    slug="sciatic-nerve-glide",
    intensity="gentle",
    name="Sciatic nerve glide",
    summary="Gentle nerve movement.",
    kind="stretch",
    position="chair",
    target_areas=["leg-nerve"],
    equipment=[],
)


def f(**args):
    return Filters.from_args(MultiDict(args))


@pytest.mark.parametrize(
    ("args", "roll", "nerve"),
    [
        ({}, True, True),
        ({"kind": "stretch"}, False, True),
        ({"position": "floor"}, True, False),
        ({"area": "hip"}, True, False),
        ({"equipment": "foam-roller"}, True, False),
        ({"equipment": "none"}, False, True),
        ({"q": "ROLLER buttock"}, True, False),
        ({"q": "no equipment"}, False, True),
        ({"q": "on a chair"}, False, True),
        ({"q": "zzz"}, False, False),
        ({"kind": "massage", "area": "leg-nerve"}, False, False),
    ],
)
def test_matching(args, roll, nerve):
    filters = f(**args)
    assert (filters.matches(ROLL), filters.matches(NERVE)) == (roll, nerve)


@pytest.mark.parametrize(
    "args",
    [
        {"kind": "yoga"},
        {"position": "<script>"},
        {"area": "knee"},
        {"equipment": "kettlebell"},
    ],
)
def test_unknown_values_are_ignored(args):
    assert not f(**args).active


def test_search_text_is_trimmed_and_capped():
    assert f(q="  foam   roller  ").q == "foam roller"
    assert len(f(q="x" * 500).q) == 100


# Search as people put it, over the real cards: the server's filter and the browser's module
# (static/js/lib/search.js) give the same cards, from one synonym table.
SEARCHES = {
    "sciatica": {"sciatic-nerve-glide", "piriformis-stretch", "seated-forward-bend"},
    "sitting": {"sciatic-nerve-glide", "seated-figure-four", "seated-forward-bend"},
    "in bed": {"knee-to-chest", "pelvic-tilt", "piriformis-stretch", "rest-side-lying-pillow"},
    "gentle": {"pelvic-tilt", "knee-to-chest", "sciatic-nerve-glide"},
    "hamstring": {"foam-roll-hamstrings", "seated-forward-bend"},
    "gentle hamstring stretch": {"seated-forward-bend"},
    "towel": {"piriformis-stretch"},
    "slider": {"sciatic-nerve-glide"},
}


def _server_results(cards, query):
    return {card.slug for card in cards if f(q=query).matches(card)}


def test_people_s_words_find_the_right_cards(content_app):
    from webapp.content.queries import all_cards

    with content_app.app_context():
        cards = all_cards()
        for query, expected in SEARCHES.items():
            found = _server_results(cards, query)
            assert expected <= found, (query, expected - found)
        # "in bed" means lying down: nothing on all fours or on a roller.
        assert not {"cat-cow", "childs-pose", "foam-roll-glutes"} & _server_results(cards, "in bed")
        assert _server_results(cards, "gentle") == {c.slug for c in cards if c.intensity == "gentle"}
        # Nothing on the floor for "sitting" ("standing or sitting" cards are fine).
        assert not {c.slug for c in cards if c.position == "floor"} & _server_results(cards, "sitting")


def test_the_browser_finds_the_same_cards(content_app):
    import json

    from webapp.content.queries import all_cards
    from webapp.library.filters import search_text

    with content_app.app_context():
        cards = all_cards()
        texts = {card.slug: search_text(card) for card in cards}
        queries = [*SEARCHES, "no equipment", "lower back", "foam roller glutes", "bum on a chair", "xyz"]
        server = {q: sorted(_server_results(cards, q)) for q in queries}
    script = (
        "import { matchesQuery } from './static/js/lib/search.js';"
        f"const texts = {json.dumps(texts)}; const queries = {json.dumps(queries)};"
        "const out = {}; for (const q of queries) out[q] = Object.keys(texts).filter((s) => matchesQuery(q, texts[s])).sort();"
        "process.stdout.write(JSON.stringify(out));"
    )
    assert run_module(script) == server
    assert server["xyz"] == []


def _ranked(cards, query):
    return [card.slug for card in f(q=query).ordered(cards) if f(q=query).matches(card)]


def test_a_search_lists_the_best_match_first(content_app, client):
    """A match in the name beats one in the summary, which beats one in the labels or tags; the
    cards about the nerve come before those that only sit on its path; ties keep the list's order."""
    from webapp.content.queries import all_cards

    with content_app.app_context():
        cards = all_cards()
        by_slug = {card.slug: card for card in cards}
        sciatic = _ranked(cards, "sciatic")
        assert sciatic[0] == "sciatic-nerve-glide"
        nerve = [s for s in sciatic if "leg-nerve" in by_slug[s].target_areas]
        assert sciatic[: len(nerve)] == nerve
        assert not [s for s in sciatic[: len(nerve)] if s.startswith("foam-roll")]
        # Equal matches keep the list's own order.
        order = [card.slug for card in cards]
        rest = sciatic[len(nerve) :]
        assert rest == sorted(rest, key=order.index)
        # "foam roller" in a name beats it in a label.
        assert _ranked(cards, "foam roller")[:4] == [s for s in order if s.startswith("foam-roll")]
        # No search, no reordering; cards that do not match go last.
        assert [card.slug for card in f().ordered(cards)] == order
        assert [card.slug for card in f(q="sciatic").ordered(cards)][: len(sciatic)] == sciatic

    # Without JavaScript the page lists them ranked.
    page = client.get("/techniques/?q=sciatic").get_data(as_text=True)
    first = page.index('data-slug="sciatic-nerve-glide"')
    assert first < page.index('data-slug="foam-roll-glutes"')
    assert first < page.index('data-slug="ball-wall-glutes"')


def test_the_browser_ranks_the_same_way(content_app):
    import json

    from webapp.content.queries import all_cards
    from webapp.library.filters import search_text

    queries = ["sciatic", "sciatica", "foam roller", "gentle stretch", "hamstring", "leg", "back", "in bed", "xyz"]
    with content_app.app_context():
        cards = all_cards()
        texts = [[card.slug, search_text(card)] for card in cards]
        server = {q: _ranked(cards, q) for q in queries}
    script = (
        "import { rank } from './static/js/lib/search.js';"
        f"const texts = {json.dumps(texts)}; const queries = {json.dumps(queries)};"
        "const out = {}; for (const q of queries) out[q] = texts.map(([s, t]) => [s, rank(q, t)])"
        ".filter(([, r]) => r !== null).sort((a, b) => a[1] - b[1]).map(([s]) => s);"
        "process.stdout.write(JSON.stringify(out));"
    )
    assert run_module(script) == server
    assert server["sciatic"][0] == "sciatic-nerve-glide"


def test_the_nerve_glide_is_its_own_kind(client):
    """Not filed under "Stretch" (its own card says it is not one): the list's filter, the tile's
    and the card's label say "Nerve glide"."""
    page = client.get("/techniques/?kind=nerve-glide").get_data(as_text=True)
    assert '<option value="nerve-glide" selected>Nerve glide</option>' in page
    tiles = re.findall(r'<li class="card-tile" data-slug="([^"]+)"[^>]*?( hidden)?>', page)
    assert [slug for slug, hidden in tiles if not hidden] == ["sciatic-nerve-glide"]
    assert '<span class="badge badge-nerve-glide">Nerve glide</span>' in page
    stretches = client.get("/techniques/?kind=stretch").get_data(as_text=True)
    assert 'data-slug="sciatic-nerve-glide" data-kind="nerve-glide"' in stretches
    card = client.get("/techniques/sciatic-nerve-glide").get_data(as_text=True)
    assert '<span class="badge badge-nerve-glide">Nerve glide</span>' in card
