"""The screening rules (static/js/safety/rules.js) on the real questions and the real cards and
routines: every red flag blocks routines at its urgency, and every contraindication rules out
exactly the techniques tagged with it, and the routines using them show why."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from webapp.safety import questions

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-24T12:00:00.000Z"


@pytest.fixture
def catalog(content_app, client):
    return client.get("/catalog.json").get_json()


def assess(catalog, screenings=(), logs=()):
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed; `make test` needs it for the JavaScript tests")
    args = {
        "screenings": list(screenings),
        "logs": list(logs),
        "questions": catalog["safety"],
        "techniques": catalog["techniques"],
        "now": NOW,
    }
    script = (
        "import * as rules from './static/js/safety/rules.js'; import { readFileSync } from 'node:fs';"
        "const args = JSON.parse(readFileSync(0, 'utf8')); args.now = Date.parse(args.now);"
        "const state = rules.assess(args);"
        "state.routines = Object.fromEntries(args.routines.map((r) => [r.id, rules.routineConcerns(r, state.notAdvised)]));"
        "process.stdout.write(JSON.stringify(state));"
    )
    args["routines"] = catalog["routines"]
    result = subprocess.run(
        [node, "--input-type=module", "-e", script],
        input=json.dumps(args),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"TZ": "UTC", "PATH": ""},
        check=True,
    )
    return json.loads(result.stdout)


def answers(kind, yes=()):
    ids = questions.RED_FLAG_IDS if kind == "red-flags" else questions.CONTRAINDICATION_IDS
    return {"kind": kind, "takenAt": "2026-11-24T09:00:00.000Z", "answers": {q: q in yes for q in ids}}


CLEAR = [answers("red-flags"), answers("contraindications")]


def test_catalog_carries_every_question(catalog):
    assert [q["id"] for q in catalog["safety"]["redFlags"]] == list(questions.RED_FLAG_IDS)
    assert [q["id"] for q in catalog["safety"]["contraindications"]] == list(questions.CONTRAINDICATION_IDS)


def test_nothing_answered_asks_both_checks(catalog):
    state = assess(catalog)
    assert state["needsRedFlags"] and state["needsContraindications"] and state["block"] is None


def test_all_no_clears_everything(catalog):
    state = assess(catalog, CLEAR)
    assert (state["needsRedFlags"], state["needsContraindications"], state["block"], state["notAdvised"]) == (
        False,
        False,
        None,
        {},
    )


@pytest.mark.parametrize("flag", questions.RED_FLAGS, ids=lambda q: q.id)
def test_each_red_flag_blocks_routines_today(catalog, flag):
    state = assess(catalog, [answers("red-flags", yes=(flag.id,)), CLEAR[1]])
    assert state["block"]["level"] == flag.urgency
    assert [r["id"] for r in state["block"]["reasons"]] == [flag.id]
    assert state["block"]["reasons"][0]["question"] == flag.question


@pytest.mark.parametrize("sign", questions.LOG_WARNING_SIGNS)
def test_each_warning_sign_on_a_log_blocks_routines_today(catalog, sign):
    log = {"loggedAt": "2026-11-24T10:00:00.000Z", "legPain": 5, "backPain": 2, "areas": {}, "warningSigns": [sign]}
    state = assess(catalog, CLEAR, [log])
    urgency = {q.id: q.urgency for q in questions.RED_FLAGS}[sign]
    assert state["block"]["level"] == urgency and state["needsRedFlags"]


@pytest.mark.parametrize("item", questions.CONTRAINDICATIONS, ids=lambda q: q.id)
def test_each_contraindication_rules_out_its_techniques_and_routines(catalog, item):
    state = assess(catalog, [CLEAR[0], answers("contraindications", yes=(item.id,))])
    expected = {slug for slug, card in catalog["techniques"].items() if item.avoid_if in card["avoid_if"]}
    assert expected, f"no card is tagged {item.avoid_if}"
    assert set(state["notAdvised"]) == expected
    assert all(reasons == [item.reason] for reasons in state["notAdvised"].values())
    for routine in catalog["routines"]:
        used = {step["technique"] for step in routine["steps"]}
        assert {c["technique"] for c in state["routines"][routine["id"]]} == used & expected
    assert state["block"] is None
