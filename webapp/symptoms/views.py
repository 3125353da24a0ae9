"""The symptom log: a quick entry form and the list of entries."""

from flask import Blueprint, render_template

from webapp.symptoms.vocabulary import for_pages

bp = Blueprint("symptoms", __name__, url_prefix="/log")


@bp.get("/")
def index():
    """Every entry on this device, newest first, with edit and delete."""
    return render_template("symptoms/index.html", v=for_pages())


@bp.get("/new")
def entry():
    """Log how you feel now (or edit an entry: /log/new?id=...). Starts empty: the last entry's
    answers are offered as a visible "use these again", never copied unseen (issue 13)."""
    return render_template("symptoms/entry.html", v=for_pages())


@bp.get("/treatments")
def treatments():
    """Medicines and treatments: log one, see the recent ones, and log one again in a tap."""
    return render_template("symptoms/treatments.html", v=for_pages())


@bp.get("/function")
def function():
    """The weekly function check-in: the person's own activities (the Patient-Specific
    Functional Scale), walking and sitting time, and how things compare with the start."""
    return render_template("symptoms/function.html", v=for_pages())
