"""The screening rules (static/js/safety/rules.js) on the real questions and the real cards and
routines: every red flag, pair of red flags and combination blocks routines at the tier that
webapp/safety/questions.py gives it (the two agree), and every contraindication rules out exactly
the techniques tagged with it, and the routines using them show why."""

import itertools
from pathlib import Path

import pytest

from tests.node import run_module
from webapp.safety import questions
from webapp.symptoms.vocabulary import LEVELS

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-24T12:00:00.000Z"


@pytest.fixture
def catalog(content_app, client):
    return client.get("/catalog.json").get_json()


def assess(catalog, screenings=(), logs=()):
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
    return run_module(script, args, tz="UTC")


def answers(kind, yes=()):
    ids = questions.RED_FLAG_IDS if kind == "red-flags" else questions.CONTRAINDICATION_IDS
    # A retired question is answered as an older version of the app did.
    ids = ids + tuple(s for s in yes if s not in ids)
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


def assess_many(catalog, cases):
    """rules.assess for many (screenings, logs) cases in one Node process; the block's tier each."""
    script = (
        "import * as rules from './static/js/safety/rules.js'; import { readFileSync } from 'node:fs';"
        "const args = JSON.parse(readFileSync(0, 'utf8')); const now = Date.parse(args.now);"
        "process.stdout.write(JSON.stringify(args.cases.map(([screenings, logs]) => {"
        "  const state = rules.assess({ screenings, logs, questions: args.questions, now });"
        "  return state.block && { tier: state.block.tier, reasons: state.block.reasons.map((r) => r.id),"
        "    combinations: state.block.combinations.map((c) => c.id) }; })));"
    )
    return run_module(script, {"cases": cases, "questions": catalog["safety"], "now": NOW}, tz="UTC")


def log_entry(signs=(), **levels):
    return {
        "loggedAt": "2026-11-24T10:00:00.000Z",
        "legPain": 5,
        "backPain": 2,
        "areas": {},
        "warningSigns": list(signs),
        "numbness": "none",
        "tingling": "none",
        "weakness": "none",
        **levels,
    }


# Every single sign, every pair of signs, and every combination with each log level that may meet it.
SIGN_SETS = [(s,) for s in questions.RED_FLAG_IDS] + list(itertools.combinations(questions.RED_FLAG_IDS, 2))
LOGGED = [
    (signs, {field: level})
    for combination in questions.COMBINATIONS
    for signs in [(s,) for s in combination.any_of]
    for field, _ in combination.log_levels
    for level in LEVELS
]


def test_the_browser_and_the_server_agree_on_every_sign_pair_and_combination(catalog):
    """The tier for each case, from the Python (questions.tier_for) and from the browser's rules,
    through the check and through the log."""
    cases, expected = [], []
    for signs in SIGN_SETS:
        tier = questions.tier_for(signs, level_order=LEVELS)
        cases.append([[answers("red-flags", yes=signs), CLEAR[1]], []])
        expected.append(tier)
        loggable = [s for s in signs if s in questions.LOG_WARNING_SIGNS]
        if len(loggable) == len(signs):
            cases.append([CLEAR, [log_entry(signs)]])
            expected.append(tier)
    for signs, levels in LOGGED:
        cases.append([[answers("red-flags", yes=signs), CLEAR[1]], [log_entry(**levels)]])
        expected.append(questions.tier_for(signs, levels, LEVELS))
    results = assess_many(catalog, cases)
    assert [r and r["tier"] for r in results] == expected
    assert len(cases) >= len(SIGN_SETS) + len(LOGGED) > 100


@pytest.mark.parametrize(
    ("signs", "levels", "tier"),
    [
        # The table from FACTS §7, written out: each tier by one sign, and the combinations.
        (("saddle-numbness",), {}, "emergency"),
        (("walking",), {}, "emergency"),
        (("weakness-worse",), {}, "today"),
        (("fever",), {}, "today"),
        (("cancer-history",), {}, "today"),
        (("night-pain",), {}, "soon"),
        (("weight-loss",), {}, "soon"),
        (("mid-back",), {}, "soon"),
        (("fever", "weakness-worse"), {}, "emergency"),
        (("immune", "walking"), {}, "emergency"),
        (("spinal-procedure", "both-legs"), {}, "emergency"),
        (("fever",), {"weakness": "moderate"}, "emergency"),
        (("fever",), {"numbness": "severe"}, "emergency"),
        (("fever",), {"numbness": "mild"}, "today"),
        (("night-pain", "weight-loss"), {}, "soon"),
        (("cancer-weight",), {}, "today"),  # retired question, answered in an older version
    ],
)
def test_tiers_follow_the_facts(catalog, signs, levels, tier):
    assert questions.tier_for(signs, levels, LEVELS) == tier
    (result,) = assess_many(catalog, [[[answers("red-flags", yes=signs), CLEAR[1]], [log_entry(**levels)]]])
    assert result["tier"] == tier


@pytest.mark.parametrize("flag", questions.RED_FLAGS, ids=lambda q: q.id)
def test_each_red_flag_names_itself_with_its_question(catalog, flag):
    state = assess(catalog, [answers("red-flags", yes=(flag.id,)), CLEAR[1]])
    assert [r["id"] for r in state["block"]["reasons"]] == [flag.id]
    assert state["block"]["reasons"][0]["question"] == flag.question


@pytest.mark.parametrize("sign", questions.LOG_WARNING_SIGNS)
def test_each_warning_sign_on_a_log_blocks_and_asks_the_emergency_questions(catalog, sign):
    state = assess(catalog, CLEAR, [log_entry((sign,))])
    assert state["block"]["tier"] == questions.tier_of(sign) and state["needs"]["emergency"]


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
