"""The symptom log's vocabularies: each value with the label people see. The value lists the
schema checks (records.py) and the browser's contract (webapp/contract.py) come from these."""

from webapp.safety.questions import LOG_WARNING_SIGNS, TIER, tier_of

LEVEL_LABELS = {"none": "None", "mild": "Mild", "moderate": "Moderate", "severe": "Severe"}
REGION_LABELS = {"buttock": "Buttock", "thigh": "Back of thigh", "calf": "Calf", "foot": "Foot"}
SIDES = ("left", "right", "both")
HELPED_LABELS = {"routine": "A routine", "heat": "Heat", "ice": "Ice", "medication": "Medication", "rest": "Rest"}
SLEEP_LABELS = {"good": "Well", "fair": "So-so", "poor": "Badly"}
# Short wording for the log's own warning-sign checklist; the full check asks each question.
WARNING_LABELS = {
    "saddle-numbness": "Numbness between my legs or around my bottom",
    "bladder": "A change in peeing (can't start or stop, leaking, can't feel it)",
    "bowel": "Loss of bowel control",
    "both-legs": "Symptoms in both legs",
    "genital-sensation": "Less feeling in my genitals, or new problems with erections or sex",
    "walking": "New trouble walking, feeling unsteady, or legs giving way",
    "weakness-worse": "Leg weakness that is getting worse",
    "fever": "Fever, chills or feeling very unwell",
}

LEVELS = tuple(LEVEL_LABELS)
REGIONS = tuple(REGION_LABELS)
HELPED = tuple(HELPED_LABELS)
SLEEP = tuple(SLEEP_LABELS)
# The regions of the leg itself: symptoms on both sides in these suggest the "both legs" red flag.
LEG_REGIONS = ("thigh", "calf", "foot")
NOTES_MAX = 1000
HELPED_OTHER_MAX = 100


def for_pages():
    """What the log's pages (and the clinician summary) need to draw the form and the entries."""
    return {
        "levels": LEVEL_LABELS,
        "regions": REGION_LABELS,
        "helped": HELPED_LABELS,
        "sleep": SLEEP_LABELS,
        # (value, label, tier name): the form groups and marks the signs by tier.
        "warnings": [(key, WARNING_LABELS[key], TIER[tier_of(key)].name) for key in LOG_WARNING_SIGNS],
        "notes_max": NOTES_MAX,
        "helped_other_max": HELPED_OTHER_MAX,
    }
