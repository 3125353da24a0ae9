"""First run and the settings page. Both are the same for everyone (cached for offline use);
static/js/preferences/ fills them from the device's record."""

from flask import Blueprint, render_template

from webapp.preferences.records import MINUTES, OWNED_EQUIPMENT, POSITION_CHOICES, SIDE_LABELS, TRANSITIONS

bp = Blueprint("preferences", __name__)


def _choices():
    return {
        "sides": SIDE_LABELS,
        "positions": POSITION_CHOICES,
        "equipment": OWNED_EQUIPMENT,
        "minutes": MINUTES,
        "transitions": TRANSITIONS,
    }


@bp.get("/settings")
def settings():
    return render_template("preferences/settings.html", **_choices())


@bp.get("/welcome")
def welcome():
    return render_template("preferences/welcome.html", technique_meta=technique_meta(), **_choices())


def technique_meta():
    """What today's suggestion needs beyond /catalog.json: each card's intensity, order and areas."""
    from webapp.content.queries import all_cards

    return {
        card.slug: {"intensity": card.intensity, "order": card.sort_order, "target_areas": card.target_areas}
        for card in all_cards()
    }
