"""The symptom log: a quick entry form and the list of entries."""
from flask import Blueprint, render_template

from webapp.safety.questions import LOG_WARNING_SIGNS, RED_FLAGS
from webapp.sync import schemas

bp = Blueprint("symptoms", __name__, url_prefix="/log")

LEVEL_LABELS = {"none": "None", "mild": "Mild", "moderate": "Moderate", "severe": "Severe"}
REGION_LABELS = {"buttock": "Buttock", "thigh": "Back of thigh", "calf": "Calf", "foot": "Foot"}
HELPED_LABELS = {"routine": "A routine", "heat": "Heat", "ice": "Ice", "medication": "Medication", "rest": "Rest"}
SLEEP_LABELS = {"good": "Well", "fair": "So-so", "poor": "Badly"}
# Short wording for the log's own warning-sign checklist; the full check asks each question.
WARNING_LABELS = {
    "saddle-numbness": "Numbness between my legs or around my bottom",
    "bladder": "A change in peeing (can't start or stop, leaking, can't feel it)",
    "bowel": "Loss of bowel control",
    "both-legs": "Symptoms in both legs",
    "weakness-worse": "Leg weakness that is getting worse",
    "fever": "Fever, chills or feeling unwell",
}


def vocabulary():
    urgency = {q.id: q.urgency for q in RED_FLAGS}
    return {
        "levels": LEVEL_LABELS, "regions": REGION_LABELS, "helped": HELPED_LABELS, "sleep": SLEEP_LABELS,
        "warnings": [(key, WARNING_LABELS[key], urgency[key]) for key in LOG_WARNING_SIGNS],
        "notes_max": schemas.NOTES_MAX, "helped_other_max": schemas.HELPED_OTHER_MAX,
    }


@bp.get("/")
def index():
    """Every entry on this device, newest first, with edit and delete."""
    return render_template("symptoms/index.html", v=vocabulary())


@bp.get("/new")
def entry():
    """Log how you feel now (or edit an entry: /log/new?id=...). Prefilled from the last entry,
    so the usual entry is a tap or two."""
    return render_template("symptoms/entry.html", v=vocabulary())
