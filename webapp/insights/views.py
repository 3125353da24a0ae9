"""Insights, the clinician summary and reminders: page shells the scripts fill in."""

from flask import Blueprint, render_template

from webapp.symptoms.vocabulary import for_pages

bp = Blueprint("insights", __name__)

PERIODS = (7, 30, 90)
# A routine's before/after drop is judged only from this many sessions with both ratings (the
# browser's insights/calc.js gets it through the contract; the insights page says it).
MIN_RATED_SESSIONS = 5


@bp.get("/insights/")
def index():
    """Pain over time with routines marked, and what seems to help."""
    return render_template("insights/index.html", periods=PERIODS, min_rated=MIN_RATED_SESSIONS)


@bp.get("/insights/summary")
def summary():
    """A one-page summary to print or save as PDF for a clinician."""
    return render_template("insights/summary.html", periods=PERIODS, v=for_pages(), min_rated=MIN_RATED_SESSIONS)


@bp.get("/reminders/")
def reminders():
    """Pick days and a time; download a recurring calendar event."""
    return render_template("insights/reminders.html")
