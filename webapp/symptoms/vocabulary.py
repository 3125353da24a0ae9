"""The symptom log's vocabularies: each value with the label people see. The value lists the
schema checks (records.py) and the browser's contract (webapp/contract.py) come from these."""

from webapp.safety.questions import LOG_WARNING_SIGNS, TIER, tier_of

LEVEL_LABELS = {"none": "None", "mild": "Mild", "moderate": "Moderate", "severe": "Severe"}
# The sciatica body map, top to bottom. "thigh" (the back of the thigh) and "foot" are the keys of
# the first, four-region map: "thigh" is still drawn, "foot" stays valid so older entries keep
# syncing and showing, but the new map offers the top of the foot and the sole instead.
REGION_LABELS = {
    "lower-back": "Lower back",
    "buttock": "Buttock",
    "hip": "Hip",
    "groin": "Groin",
    "thigh-front": "Front of thigh",
    "thigh": "Back of thigh",
    "knee": "Knee",
    "shin": "Shin",
    "calf": "Calf",
    "ankle": "Ankle",
    "foot-top": "Top of foot",
    "sole": "Sole of foot",
    "foot": "Foot (older entries)",
}
# Which view of the map draws each region (front or back of the body); "foot" is not drawn.
REGION_VIEWS = {
    "lower-back": "back",
    "buttock": "back",
    "hip": "front",
    "groin": "front",
    "thigh-front": "front",
    "thigh": "back",
    "knee": "front",
    "shin": "front",
    "calf": "back",
    "ankle": "front",
    "foot-top": "front",
    "sole": "back",
}
VIEW_LABELS = {"front": "Front", "back": "Back"}
# How it feels, in the words people use for nerve pain.
SENSATION_LABELS = {
    "aching": "Aching",
    "burning": "Burning",
    "shooting": "Electric or shooting",
    "pins-needles": "Pins and needles",
    "numb": "Numb",
}
# The form asks numbness and pins and needles once, with how strong (the numbness and tingling
# rows); its "how does it feel" chips offer the rest. "numb" and "pins-needles" stay valid for
# entries that have them.
FORM_SENSATIONS = ("aching", "burning", "shooting")
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
# The regions the new map offers (every region but the older "foot").
MAP_REGIONS = tuple(REGION_VIEWS)
SENSATIONS = tuple(SENSATION_LABELS)
HELPED = tuple(HELPED_LABELS)
SLEEP = tuple(SLEEP_LABELS)
# The regions of the leg itself: symptoms on both sides in these suggest the "both legs" red flag.
LEG_REGIONS = ("thigh-front", "thigh", "knee", "shin", "calf", "ankle", "foot-top", "sole", "foot")
NOTES_MAX = 1000
HELPED_OTHER_MAX = 100

# Medicines and treatments (`treatment` records).
TREATMENT_KIND_LABELS = {
    "medicine": "Medicine",
    "physio": "Physio",
    "massage": "Massage",
    "injection": "Injection",
    "heat": "Heat",
    "ice": "Ice",
    "other": "Other",
}
TREATMENT_KINDS = tuple(TREATMENT_KIND_LABELS)
# The kinds that mean nothing without a name (which medicine? what else?).
TREATMENT_NAMED_KINDS = ("medicine", "other")
TREATMENT_HELPED_LABELS = {"yes": "Yes", "a-little": "A little", "no": "No", "unsure": "Not sure yet"}
TREATMENT_HELPED = tuple(TREATMENT_HELPED_LABELS)
TREATMENT_NAME_MAX = 80
DOSE_MAX = 40
SIDE_EFFECTS_MAX = 200
TREATMENT_NOTES_MAX = 500

# Function: the Patient-Specific Functional Scale (Stratford et al. 1995). The person names the
# activities (`activity` records); the weekly check-in (`function_check`) rates each 0-10.
ACTIVITY_NAME_MAX = 60
ACTIVITIES_MIN = 3
ACTIVITIES_MAX = 5
SCORE_RANGE = (0, 10)
MINUTES_MAX = 600
CHECK_INTERVAL_DAYS = 7
# Global rating of change since starting, 7 points.
CHANGE_LABELS = {
    -3: "Very much worse",
    -2: "Much worse",
    -1: "A little worse",
    0: "About the same",
    1: "A little better",
    2: "Much better",
    3: "Very much better",
}
CHANGES = tuple(CHANGE_LABELS)


def for_pages():
    """What the log's pages (and the clinician summary) need to draw the form and the entries."""
    return {
        "levels": LEVEL_LABELS,
        "regions": REGION_LABELS,
        "region_views": REGION_VIEWS,
        "view_labels": VIEW_LABELS,
        # The regions each view of the map draws, top to bottom.
        "map": {view: [r for r in MAP_REGIONS if REGION_VIEWS[r] == view] for view in VIEW_LABELS},
        "sensations": SENSATION_LABELS,
        "form_sensations": {key: SENSATION_LABELS[key] for key in FORM_SENSATIONS},
        "treatment_kinds": TREATMENT_KIND_LABELS,
        "treatment_named_kinds": TREATMENT_NAMED_KINDS,
        "treatment_helped": TREATMENT_HELPED_LABELS,
        "treatment_name_max": TREATMENT_NAME_MAX,
        "dose_max": DOSE_MAX,
        "side_effects_max": SIDE_EFFECTS_MAX,
        "treatment_notes_max": TREATMENT_NOTES_MAX,
        "activity_name_max": ACTIVITY_NAME_MAX,
        "activities_min": ACTIVITIES_MIN,
        "activities_max": ACTIVITIES_MAX,
        "minutes_max": MINUTES_MAX,
        "changes": CHANGE_LABELS,
        "helped": HELPED_LABELS,
        "sleep": SLEEP_LABELS,
        # (value, label, tier name): the form groups and marks the signs by tier.
        "warnings": [(key, WARNING_LABELS[key], TIER[tier_of(key)].name) for key in LOG_WARNING_SIGNS],
        "notes_max": NOTES_MAX,
        "helped_other_max": HELPED_OTHER_MAX,
    }
