"""The card list's filters (the server side; the browser tests check the same rules in JS)."""

from types import SimpleNamespace

import pytest
from werkzeug.datastructures import MultiDict

from webapp.library.filters import Filters

ROLL = SimpleNamespace(
    name="Foam roller: glutes",
    summary="Roll the buttock slowly.",
    kind="massage",
    position="floor",
    target_areas=["buttock", "hip"],
    equipment=["foam-roller"],
)
NERVE = SimpleNamespace(
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
