"""Symptom log entries and safety screenings through the sync API: stored and synced like any
record, and bad input refused with a 4xx naming the field, leaving stored data untouched."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.node import run_module
from tests.sync_helpers import put, screening, symptom_log, uuid7
from webapp.safety import questions
from webapp.symptoms import vocabulary
from webapp.symptoms.records import SymptomLogData

ROOT = Path(__file__).resolve().parent.parent


def iso(dt):
    return dt.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def test_log_and_screening_round_trip(device):
    log_id, check_id = uuid7(), uuid7()
    response = device.push(
        [
            put(log_id, symptom_log(), record_type="symptom_log"),
            put(check_id, screening(yes=("fever",)), record_type="screening"),
        ]
    )
    assert [r["status"] for r in response.get_json()["results"]] == ["applied", "applied"]
    changes = {c["id"]: c for c in device.pull().get_json()["changes"]}
    assert changes[log_id]["type"] == "symptom_log" and changes[log_id]["data"]["areas"] == {
        "buttock": "left",
        "calf": "both",
    }
    assert changes[check_id]["data"]["answers"]["fever"] is True


def test_a_log_just_now_and_one_with_a_time_zone_offset_are_fine(device):
    now = datetime.now(UTC)
    response = device.push(
        [
            put(uuid7(), symptom_log(loggedAt=iso(now)), record_type="symptom_log"),
            put(uuid7(), symptom_log(loggedAt="2026-11-20T09:00:00+01:00"), record_type="symptom_log"),
            put(
                uuid7(),
                symptom_log(notes="n" * vocabulary.NOTES_MAX, helpedOther="h" * vocabulary.HELPED_OTHER_MAX),
                record_type="symptom_log",
            ),
        ]
    )
    assert response.status_code == 200, response.get_json()


FUTURE = iso(datetime.now(UTC) + timedelta(days=3))


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (symptom_log(legPain=11), "data.legPain", "less than or equal to 10"),
        (symptom_log(backPain=-1), "data.backPain", "greater than or equal to 0"),
        (symptom_log(legPain=5.5), "data.legPain", "valid integer"),
        (symptom_log(legPain="5"), "data.legPain", "valid integer"),
        ({k: v for k, v in symptom_log().items() if k != "legPain"}, "data.legPain", "Field required"),
        (symptom_log(loggedAt=FUTURE), "data.loggedAt", "in the future"),
        (symptom_log(loggedAt="1999-12-31T23:00:00.000Z"), "data.loggedAt", "before the year 2000"),
        (symptom_log(loggedAt="2026-02-30T08:00:00.000Z"), "data.loggedAt", "not a real date"),
        (symptom_log(loggedAt="yesterday"), "data.loggedAt", "should match"),
        (symptom_log(areas={"elbow": "left"}), "data.areas.elbow.[key]", "'lower-back', 'buttock', 'hip'"),
        (symptom_log(sensations=["itchy"]), "data.sensations.0", "'aching', 'burning', 'shooting'"),
        (symptom_log(sensations=["numb", "numb"]), "data.sensations", "lists an item twice"),
        (symptom_log(areas={"calf": "middle"}), "data.areas.calf", "'left', 'right' or 'both'"),
        (symptom_log(numbness="extreme"), "data.numbness", "'none', 'mild', 'moderate' or 'severe'"),
        (symptom_log(helped=["heat", "heat"]), "data.helped", "lists an item twice"),
        (symptom_log(helped=["massage"]), "data.helped.0", "Input should be"),
        (symptom_log(sleep="great"), "data.sleep", "Input should be"),
        (symptom_log(notes="x" * (vocabulary.NOTES_MAX + 1)), "data.notes", "at most 1000 characters"),
        (symptom_log(helpedOther="y" * 101), "data.helpedOther", "at most 100 characters"),
        (symptom_log(warningSigns=["headache"]), "data.warningSigns.0", "Input should be"),
        (symptom_log(mood="fine"), "data.mood", "Extra inputs"),
    ],
)
def test_bad_log_is_refused_and_nothing_changes(device, data, field, words):
    kept = uuid7()
    device.push([put(kept, symptom_log(), record_type="symptom_log")])
    before = device.pull().get_json()
    # An update to the stored entry, in a batch with a good new one: all or nothing.
    response = device.push(
        [put(uuid7(), symptom_log(legPain=2), record_type="symptom_log"), put(kept, data, record_type="symptom_log")]
    )
    assert response.status_code == 422, response.get_json()
    error = response.get_json()["error"]
    assert error["record"] == kept and error["field"] == field
    assert words in error["message"]
    assert device.pull().get_json() == before


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (screening(answers={}), "at least 1 item"),
        (screening(answers={**screening()["answers"], "headache": True}), "does not ask: headache"),
        (screening(kind="contraindications", answers=screening()["answers"]), "does not ask"),
        (screening(answers={**screening()["answers"], "fever": "yes"}), "valid boolean"),
        (screening(kind="allergies"), "Input should be"),
        (screening(source="email"), "Input should be"),
    ],
)
def test_bad_screening_is_refused(device, data, words):
    response = device.push([put(uuid7(), data, record_type="screening")])
    assert response.status_code == 422, response.get_json()
    assert words in response.get_json()["error"]["message"]


def test_answers_from_an_older_question_list_still_sync(device):
    """A check answered before a question was added is kept, not refused (the app asks the
    new question again before a routine)."""
    older = screening(answers=dict.fromkeys(questions.RED_FLAG_IDS[:-1], False))
    response = device.push([put(uuid7(), older, record_type="screening")])
    assert response.status_code == 200, response.get_json()


def test_every_contraindication_answer_is_accepted(device):
    for q in questions.CONTRAINDICATIONS:
        response = device.push([put(uuid7(), screening("contraindications", yes=(q.id,)), record_type="screening")])
        assert response.status_code == 200, (q.id, response.get_json())


def node_json(source):
    return run_module(source)


def test_the_form_and_the_server_share_one_set_of_rules():
    """static/js/symptoms/validate.js mirrors the schema; if one changes alone, this fails."""
    limits = node_json(
        "import { LIMITS } from './static/js/symptoms/validate.js';process.stdout.write(JSON.stringify(LIMITS))"
    )
    assert limits == {
        "LEVELS": list(vocabulary.LEVELS),
        "REGIONS": list(vocabulary.REGIONS),
        "SENSATIONS": list(vocabulary.SENSATIONS),
        "SIDES": list(vocabulary.SIDES),
        "HELPED": list(vocabulary.HELPED),
        "SLEEP": list(vocabulary.SLEEP),
        "WARNING_SIGNS": list(questions.LOG_WARNING_SIGNS),
        "NOTES_MAX": vocabulary.NOTES_MAX,
        "HELPED_OTHER_MAX": vocabulary.HELPED_OTHER_MAX,
    }


def test_the_form_refuses_what_the_server_refuses():
    """The same bad entries through both validators."""
    cases = [
        symptom_log(legPain=11),
        symptom_log(areas={"elbow": "left"}),
        symptom_log(loggedAt=FUTURE),
        symptom_log(notes="x" * 1001),
        symptom_log(helped=["heat", "heat"]),
        symptom_log(sleep="great"),
        symptom_log(warningSigns=["headache"]),
        symptom_log(numbness="extreme"),
        symptom_log(sensations=["itchy"]),
        symptom_log(),
        symptom_log(areas={"knee": "left", "sole": "both"}, sensations=["burning", "numb"]),
        {"loggedAt": "2026-11-20T08:00:00.000Z", "legPain": 4},
    ]
    script = (
        "import { validateLog } from './static/js/symptoms/validate.js';"
        f"const cases = {json.dumps(cases)};"
        "process.stdout.write(JSON.stringify(cases.map((c) => Object.keys(validateLog(c).errors).length === 0)));"
    )
    client_ok = node_json(script)
    server_ok = []
    for case in cases:
        try:
            SymptomLogData.model_validate(case)
            server_ok.append(True)
        except ValueError:
            server_ok.append(False)
    assert client_ok == server_ok == [False] * 9 + [True] * 3


def test_log_warning_signs_are_red_flag_questions():
    assert set(questions.LOG_WARNING_SIGNS) <= set(questions.RED_FLAG_IDS)


def test_every_avoid_if_tag_is_asked_about(content_app):
    """A tag no question asks about could never rule a technique out."""
    from webapp.content.queries import all_cards
    from webapp.content.vocabulary import AVOID_IF

    asked = {q.avoid_if for q in questions.CONTRAINDICATIONS}
    assert asked == set(AVOID_IF)
    with content_app.app_context():
        used = {tag for card in all_cards() for tag in card.avoid_if}
    assert used <= asked


def test_a_screening_from_before_the_three_tiers_still_syncs(device):
    """Version 7 of the app asked eleven questions, one of them "cancer-weight" (now retired and
    split in two); its screenings and log entries keep syncing, and the old answer still counts."""
    old_ids = (
        "saddle-numbness",
        "bladder",
        "bowel",
        "both-legs",
        "genital-sensation",
        "weakness-worse",
        "fever",
        "cancer-weight",
        "fall-osteoporosis",
        "night-pain",
        "immune",
    )
    older = screening(answers={**dict.fromkeys(old_ids, False), "cancer-weight": True})
    response = device.push([put(uuid7(), older, record_type="screening")])
    assert response.status_code == 200, response.get_json()
    assert questions.tier_of("cancer-weight") == "today"


def test_the_new_warning_signs_can_be_ticked_on_a_log(device):
    for sign in ("genital-sensation", "walking"):
        response = device.push([put(uuid7(), symptom_log(warningSigns=[sign]), record_type="symptom_log")])
        assert response.status_code == 200, (sign, response.get_json())


def test_an_entry_from_before_issue_13_still_syncs_and_a_quick_one_stores_only_what_was_set(device):
    """The old shape (every level set, the four-region map with "foot") is still valid; a quick
    entry with leg pain alone is stored as sent, with nothing filled in."""
    old_id, quick_id = uuid7(), uuid7()
    old = symptom_log(areas={"foot": "right", "thigh": "left"})
    quick = {"loggedAt": "2026-11-21T08:00:00.000Z", "legPain": 4}
    response = device.push(
        [put(old_id, old, record_type="symptom_log"), put(quick_id, quick, record_type="symptom_log")]
    )
    assert response.status_code == 200, response.get_json()
    changes = {c["id"]: c["data"] for c in device.pull().get_json()["changes"]}
    assert changes[old_id] == old
    assert changes[quick_id] == quick


def test_every_map_region_has_a_view_and_a_label():
    assert set(vocabulary.MAP_REGIONS) == set(vocabulary.REGIONS) - {"foot"}
    assert set(vocabulary.REGION_VIEWS.values()) == set(vocabulary.VIEW_LABELS)
    assert set(vocabulary.LEG_REGIONS) <= set(vocabulary.REGIONS)
