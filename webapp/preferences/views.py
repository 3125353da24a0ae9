"""First run and the settings page. Both are the same for everyone (cached for offline use);
static/js/preferences/ fills them from the device's record."""

from flask import Blueprint, render_template, url_for

from webapp.preferences.records import MINUTES, OWNED_EQUIPMENT, POSITION_CHOICES, SIDE_LABELS, TRANSITIONS
from webapp.safety.questions import RED_FLAGS

bp = Blueprint("preferences", __name__)

# "Both sides" is also a warning sign when new or getting worse (FACTS §1 and §7): the note under
# the question names it in the safety check's own words and links to that question's screen.
BOTH_LEGS = next(q for q in RED_FLAGS if q.id == "both-legs")


def _choices(source, here):
    return {
        "sides": SIDE_LABELS,
        "positions": POSITION_CHOICES,
        "equipment": OWNED_EQUIPMENT,
        "minutes": MINUTES,
        "transitions": TRANSITIONS,
        "both_legs": {
            "sign": BOTH_LEGS.sign[:1].upper() + BOTH_LEGS.sign[1:],
            "check": url_for("safety.check", part=BOTH_LEGS.screen, source=source, next=here),
        },
    }


@bp.get("/settings")
def settings():
    return render_template("preferences/settings.html", **_choices("settings", url_for("preferences.settings")))


@bp.get("/welcome")
def welcome():
    return render_template(
        "preferences/welcome.html",
        technique_meta=technique_meta(),
        **_choices("first-run", url_for("preferences.welcome")),
    )


def technique_meta():
    """What today's suggestion needs beyond /catalog.json: each card's intensity, order and areas."""
    from webapp.content.queries import all_cards

    return {
        card.slug: {"intensity": card.intensity, "order": card.sort_order, "target_areas": card.target_areas}
        for card in all_cards()
    }
