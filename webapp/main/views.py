"""The home page: Today."""

from flask import Blueprint, render_template

from webapp.content.queries import all_cards, all_routines
from webapp.preferences.views import technique_meta
from webapp.safety.questions import signs_by_tier

bp = Blueprint("main", __name__)

UPRIGHT = ("chair", "standing", "wall")


def techniques_to_try(cards, count=8):
    """Gentle cards first, one per position before a second from the same one, so a person
    who can't get down to the floor sees something too; never a card that wants a warm-up
    before it (its `warm_up_first`, e.g. rolling the lower back) among the gentle first ones.
    The page shows four; static/js/main/home.js picks the four that fit the person's answers."""
    gentle = [c for c in cards if c.intensity == "gentle" and not c.warm_up_first]
    rest = [c for c in cards if c not in gentle]
    picked, positions = [], []
    for card in gentle:
        if card.position not in positions:
            picked.append(card)
            positions.append(card.position)
    picked += [c for c in gentle if c not in picked]
    picked += rest
    return picked[:count]


@bp.get("/")
def home():
    """Today: the safety state, an interrupted routine, today's suggestion, the last session,
    this week, and a quick log. The page is the same for everyone (cached for offline use);
    static/js/main/home.js fills it from the device's data."""
    cards = all_cards()
    flare = next((r for r in all_routines() if r.flare), None)
    emergency, emergency_signs = signs_by_tier()[0]
    return render_template(
        "main/home.html",
        featured=techniques_to_try(cards),
        card_count=len(cards),
        flare_routine=flare,
        emergency=emergency,
        emergency_signs=emergency_signs,
        technique_meta=technique_meta(),
    )


@bp.get("/privacy")
def privacy():
    """What is stored where, for how long, who sees it, and how to export and delete it. The
    same for everyone (cached for offline use)."""
    return render_template("main/privacy.html")
