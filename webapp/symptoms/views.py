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
    """Log how you feel now (or edit an entry: /log/new?id=...). Prefilled from the last entry,
    so the usual entry is a tap or two."""
    return render_template("symptoms/entry.html", v=for_pages())
