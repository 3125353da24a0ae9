"""Today's first suggestion with the real content (static/js/main/suggest.js under Node): what a new
person gets for the onboarding answers, checked against the new-user review. Nobody's first
routine is "Stretches after a massage", and every routine needs only what was ticked or says what
else it needs."""

import itertools

from tests.node import run_module
from webapp.preferences.records import MINUTES, OWNED_EQUIPMENT, POSITION_CHOICES

SCRIPT = """
import { readFileSync } from 'node:fs';
import { suggestRoutine } from './static/js/main/suggest.js';
const { catalog, meta, answers } = JSON.parse(readFileSync(0, 'utf8'));
const techniques = Object.fromEntries(Object.entries(catalog.techniques).map(([s, t]) => [s, { ...t, ...(meta[s] || {}) }]));
const out = answers.map((prefs) => suggestRoutine(prefs, { techniques, routines: catalog.routines }, {}));
process.stdout.write(JSON.stringify(out));
"""

EQUIPMENT_CHOICES = ([], ["mat"], ["chair"], ["foam-roller"], ["mat", "strap", "chair"], list(OWNED_EQUIPMENT))


def suggestions(client, app, answers):
    from webapp.preferences.views import technique_meta

    with app.app_context():
        meta = technique_meta()
    catalog = client.get("/catalog.json").get_json()
    return catalog, run_module(SCRIPT, {"catalog": catalog, "meta": meta, "answers": answers})


def test_first_suggestion_fits_what_a_new_person_said(client, content_app):
    answers = [
        {"side": side, "position": position, "equipment": equipment, "minutes": minutes}
        for side, position, equipment, minutes in itertools.product(
            ("left", "both"), POSITION_CHOICES, EQUIPMENT_CHOICES, MINUTES
        )
    ]
    catalog, found = suggestions(client, content_app, answers)
    techniques = catalog["techniques"]
    for prefs, suggestion in zip(answers, found, strict=True):
        label = f"{prefs}: {suggestion and suggestion['routine']['id']}"
        assert suggestion, label
        assert suggestion["routine"]["id"] != "after-massage-stretches", label
        steps = [techniques[step["technique"]] for step in suggestion["routine"]["steps"]]
        needed = {item for step in steps for item in step["equipment"]}
        missing = needed - set(prefs["equipment"])
        if missing:
            assert sorted(suggestion.get("needs") or []) == sorted(missing), label
            assert "with what you have" not in suggestion["reasons"], label
        if prefs["position"] == "chair":
            assert all(step["position"] != "floor" for step in steps), label
        assert suggestion["seconds"] <= prefs["minutes"] * 60 + 90, label


def test_floor_and_nothing_ticked_gets_a_gentle_mixed_routine(client, content_app):
    # The reviewer's case: floor is OK, no equipment ticked, about 10 minutes.
    _, (found,) = suggestions(client, content_app, [{"position": "floor", "equipment": [], "minutes": 10}])
    assert found["routine"]["id"] == "morning-relief"
    assert found["reasons"][-1] == "if you have a mat or rug and a strap or towel"
