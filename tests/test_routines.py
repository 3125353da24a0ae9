"""Built-in routines: loading, their pages, and the catalog the player reads offline."""

import json
import shutil
from pathlib import Path

import pytest

from tests.node import run_module
from webapp.content.loader import ContentError, load_content
from webapp.content.models import Routine
from webapp.extensions import db
from webapp.routines.timing import total_seconds

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent

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
        "optional": False,
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
        ('technique = "test-roll"', 'technique = "test-roll"\noptional = "yes"', "steps.0.optional", "valid boolean"),
    ],
)
def test_bad_routine_files(app, dirs, old, new, field, words):
    path = dirs[0] / "routines" / "test-routine.toml"
    path.write_text(ROUTINE.replace(old, new, 1))
    with app.app_context(), pytest.raises(ContentError) as info:
        load_content(*dirs)
    assert str(info.value).startswith(f"{path}: routine 'test-routine': field '{field}'"), str(info.value)
    assert words in str(info.value)


def test_optional_steps_are_kept_and_counted(app, dirs):
    path = dirs[0] / "routines" / "test-routine.toml"
    path.write_text(ROUTINE.replace('technique = "test-roll"', 'technique = "test-roll"\noptional = true', 1))
    with app.app_context():
        load_content(*dirs)
        steps = db.session.scalar(db.select(Routine).filter_by(slug="test-routine")).steps
    assert [step["optional"] for step in steps] == [True, False]
    # Without the optional roll (and the rest after it): ready 5 + 6 x (4 + 2)
    assert total_seconds(steps, without_optional=True) == 5 + 36
    assert total_seconds(steps) == 5 + (240 + 10 + 15) + 15 + 36


def test_a_routine_of_only_optional_steps_is_refused(app, dirs):
    path = dirs[0] / "routines" / "test-routine.toml"
    path.write_text(ROUTINE.replace("[[steps]]\n", "[[steps]]\noptional = true\n"))
    with app.app_context(), pytest.raises(ContentError) as info:
        load_content(*dirs)
    assert str(info.value).startswith(f"{path}: routine 'test-routine': field 'steps': every step is optional")
    with app.app_context():
        assert db.session.query(Routine).count() == 0


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


def test_self_massage_is_an_optional_add_on_in_builtin_routines(client):
    """FACTS §9 (KNGF 2021, NICE NG59): massage only alongside exercise. Every self-massage step of
    a built-in routine is optional, no routine starts with an optional step, and leaving the
    optional steps out still leaves movement to do."""
    data = client.get("/catalog.json").get_json()
    for routine in data["routines"]:
        steps = routine["steps"]
        assert all(isinstance(step["optional"], bool) for step in steps), routine["id"]
        assert not steps[0]["optional"], routine["id"]
        for step in steps:
            if data["techniques"][step["technique"]]["kind"] == "massage":
                assert step["optional"], (routine["id"], step["technique"])
        assert not all(step["optional"] for step in steps), routine["id"]
        if any(step["optional"] for step in steps):
            assert routine["secondsWithoutOptional"] < routine["seconds"], routine["id"]
        else:
            assert routine["secondsWithoutOptional"] == routine["seconds"], routine["id"]
    assert any(step["optional"] for r in data["routines"] for step in r["steps"])


def test_routine_totals_agree_with_the_player(client):
    """timing.py and expand.js give the same totals, with and without the optional steps, a flare
    routine with the slower transitions it plays with (at unit speed; the browser test checks the
    same through the pages)."""
    data = client.get("/catalog.json").get_json()
    script = (
        "import * as expand from './static/js/routine/expand.js'; import { readFileSync } from 'node:fs';"
        "const data = JSON.parse(readFileSync(0, 'utf8'));"
        "const total = (r, options) => expand.totalSeconds(expand.expandRoutine(r, data.techniques, options));"
        "process.stdout.write(JSON.stringify(Object.fromEntries(data.routines.map((r) => "
        "[r.id, [total(r, { slower: r.flare }), total(r, { withoutOptional: true, slower: r.flare })]]))));"
    )
    browser = run_module(script, data)
    assert browser == {r["id"]: [r["seconds"], r["secondsWithoutOptional"]] for r in data["routines"]}


def test_catalog_has_what_the_player_needs(client):
    data = client.get("/catalog.json").get_json()
    card = data["techniques"]["piriformis-stretch"]
    assert card["illustration"].startswith("/static/img/techniques/piriformis-stretch.svg?v=")
    assert card["cue"] and card["dosing"]["type"] in ("time", "reps")
    assert data["labels"]["positions"]["floor"] == "On the floor"
    # The player's how-to sheet and its "this made it worse" panel.
    assert len(card["steps"]) >= 2 and card["stop_if"]
    assert data["techniques"]["seated-forward-bend"]["gentler"] == "sciatic-nerve-glide"
    for slug, technique in data["techniques"].items():
        assert technique["gentler"] is None or technique["gentler"] in data["techniques"], slug


def test_transitions_follow_positions():
    from webapp.routines import timing

    assert timing.transition_seconds("floor", "floor") == timing.TRANSITION_SAME
    assert timing.transition_seconds("floor", "chair") == timing.TRANSITION_CHANGE
    assert timing.transition_seconds("wall", "floor") == timing.TRANSITION_FLOOR_STANDING
    assert timing.transition_seconds(None, "floor") == timing.TRANSITION_FLOOR_STANDING
    step = {"technique": "a", "seconds": 30, "sets": 1, "sides": "none", "rest": 0, "set_rest": 0}
    other = {**step, "technique": "b"}
    # Start to the floor (20), 30 s, floor to standing (20), 30 s.
    assert timing.total_seconds([step, other], {"a": "floor", "b": "standing"}) == 20 + 30 + 20 + 30
    # A longer rest wins over the time to move.
    assert timing.total_seconds([{**step, "rest": 45}, other], {"a": "floor", "b": "floor"}) == 20 + 30 + 45 + 30
    # Slower (a flare routine): every move twice as long, and switching sides too.
    both = {**step, "sides": "left-right"}
    assert timing.total_seconds([both, other], {"a": "floor", "b": "standing"}, slower=True) == (
        40 + 30 + 10 + 30 + 40 + 30
    )


def test_a_session_may_carry_the_symptom_direction():
    from pydantic import ValidationError

    from webapp.routines.records import SessionData

    base = {
        "routineId": "desk-break",
        "routineName": "Desk break",
        "startedAt": "2026-11-24T08:00:00.000Z",
        "endedAt": "2026-11-24T08:10:00.000Z",
        "status": "finished",
        "completed": [],
        "skipped": [],
    }
    assert SessionData.model_validate(base).symptomDirection is None  # older sessions stay valid
    assert SessionData.model_validate({**base, "symptomDirection": "toward-back"}).symptomDirection == "toward-back"
    with pytest.raises(ValidationError):
        SessionData.model_validate({**base, "symptomDirection": "sideways"})


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


def test_routine_page_marks_optional_self_massage_and_both_times(client):
    from webapp.content.dosing import describe_duration

    data = client.get("/catalog.json").get_json()
    for routine in data["routines"]:
        html = client.get(f"/routines/{routine['id']}").get_data(as_text=True)
        steps = html.split('class="routine-steps"')[1].split("</ol>")[0].split("<li")[1:]
        assert len(steps) == len(routine["steps"])
        for step, item in zip(routine["steps"], steps, strict=True):
            assert ("Optional: self-massage" in item) == step["optional"], (routine["id"], step["technique"])
        with_all, without = describe_duration(routine["seconds"]), describe_duration(routine["secondsWithoutOptional"])
        assert f'data-seconds="{routine["seconds"]}"' in html
        assert f'data-seconds-without-optional="{routine["secondsWithoutOptional"]}"' in html
        if any(step["optional"] for step in routine["steps"]):
            assert f"{with_all} with the optional self-massage; {without} without it" in html, routine["id"]
        else:
            assert "without it" not in html and "Optional: self-massage" not in html


def test_precache_has_the_player_and_every_routine(client):

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
