"""Built-in routines: loading, their pages, and the catalog the player reads offline."""

import shutil
from pathlib import Path

import pytest

from webapp.content.loader import ContentError, load_content
from webapp.content.models import Routine
from webapp.extensions import db
from webapp.routines.timing import total_seconds

FIXTURES = Path(__file__).parent / "fixtures"

ROUTINE = """
name = "Test routine"
summary = "A routine used by the loader tests."
order = 1

[[steps]]
technique = "test-roll"

[[steps]]
technique = "test-stretch"
reps = 6
rest = 0
"""


@pytest.fixture
def dirs(tmp_path):
    content, static = tmp_path / "content", tmp_path / "static"
    shutil.copytree(FIXTURES / "content", content)
    shutil.copytree(FIXTURES / "static", static)
    (content / "routines").mkdir()
    (content / "routines" / "test-routine.toml").write_text(ROUTINE)
    return content, static


def test_steps_are_resolved_from_the_cards(app, dirs):
    with app.app_context():
        assert load_content(*dirs)["routines"].created == ["test-routine"]
        steps = db.session.scalar(db.select(Routine).filter_by(slug="test-routine")).steps
    # test-roll: 60 s, 2 sets, per side, 15 s between sets; test-stretch: reps with a 2 s hold
    assert steps[0] == {
        "technique": "test-roll",
        "seconds": 60,
        "reps": None,
        "sets": 2,
        "sides": "left-right",
        "rest": 15,
        "set_rest": 15,
    }
    assert steps[1]["reps"] == 6 and steps[1]["hold_seconds"] == 2 and steps[1]["sides"] == "none"
    # ready 5 + roll (2 sets x 2 sides x 60 + 2 switches x 5 + 1 set rest x 15) + rest 15 + 6 x (4 + 2)
    assert total_seconds(steps) == 5 + (240 + 10 + 15) + 15 + 36


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        (
            'technique = "test-roll"',
            'technique = "no-such-card"',
            "steps.0.technique",
            "no technique card 'no-such-card'",
        ),
        ("reps = 6", "reps = 0", "steps.1.reps", "greater than or equal to 1"),
        ("reps = 6", "reps = 6\nseconds = 30", "steps.1", "not both"),
        ("rest = 0", "rest = 999", "steps.1.rest", "less than or equal to 300"),
        ('technique = "test-roll"', 'technique = "test-roll"\nsides = "up-down"', "steps.0.sides", "Input should be"),
    ],
)
def test_bad_routine_files(app, dirs, old, new, field, words):
    path = dirs[0] / "routines" / "test-routine.toml"
    path.write_text(ROUTINE.replace(old, new, 1))
    with app.app_context(), pytest.raises(ContentError) as info:
        load_content(*dirs)
    assert str(info.value).startswith(f"{path}: routine 'test-routine': field '{field}'"), str(info.value)
    assert words in str(info.value)


def test_at_least_five_builtin_routines_with_a_flare_routine(client):
    data = client.get("/catalog.json").get_json()
    assert len(data["routines"]) >= 5
    assert sum(r["flare"] for r in data["routines"]) == 1
    for routine in data["routines"]:
        assert routine["seconds"] > 60
        for step in routine["steps"]:
            assert step["technique"] in data["techniques"]


def test_desk_break_needs_no_floor(client):
    data = client.get("/catalog.json").get_json()
    desk = next(r for r in data["routines"] if r["id"] == "desk-break")
    assert {data["techniques"][s["technique"]]["position"] for s in desk["steps"]} <= {"chair", "standing", "wall"}


def test_builtin_routines_follow_the_guidelines(client):
    """FACTS §9: movement leads and self-massage never comes first; no hamstring rolling; the flare
    routine rests in positions of ease rather than only bending forward; the desk break opens with
    the nerve glide."""
    data = client.get("/catalog.json").get_json()
    routines = {r["id"]: [s["technique"] for s in r["steps"]] for r in data["routines"]}
    for slug, steps in routines.items():
        assert "foam-roll-hamstrings" not in steps, slug
        assert data["techniques"][steps[0]]["kind"] != "massage", slug
    flare = next(r["id"] for r in data["routines"] if r["flare"])
    assert {"rest-calves-on-chair", "rest-side-lying-pillow"} <= set(routines[flare])
    assert routines["desk-break"][0] == "sciatic-nerve-glide"


def test_catalog_has_what_the_player_needs(client):
    data = client.get("/catalog.json").get_json()
    card = data["techniques"]["piriformis-stretch"]
    assert card["illustration"].startswith("/static/img/techniques/piriformis-stretch.svg?v=")
    assert card["cue"] and card["dosing"]["type"] in ("time", "reps")
    assert data["labels"]["positions"]["floor"] == "On the floor"


@pytest.mark.parametrize(
    "path",
    [
        "/routines/",
        "/routines/morning-relief",
        "/play",
        "/play?routine=desk-break",
        "/routines/new",
        "/routines/shared",
        "/history",
    ],
)
def test_routine_pages(client, path):
    assert client.get(path).status_code == 200


def test_unknown_routine_page_is_404(client):
    assert client.get("/routines/no-such-routine").status_code == 404


def test_routine_page_shows_time_equipment_positions(client):
    html = client.get("/routines/evening-wind-down").get_data(as_text=True)
    assert "Foam roller" in html and "On the floor" in html and "about " in html and ">Start</a>" in html


def test_precache_has_the_player_and_every_routine(client):
    import json

    body = client.get("/sw.js").get_data(as_text=True)
    urls = json.loads(body[len("self.RELIEVE=") : body.index(";\n")])["precache"]
    for path in (
        "/play",
        "/routines/",
        "/routines/new",
        "/routines/shared",
        "/history",
        "/catalog.json",
        "/routines/flare-up-gentle",
    ):
        assert path in urls
