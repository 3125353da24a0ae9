"""The home page."""

from flask import Blueprint, render_template

from webapp.content.queries import all_articles, all_cards, all_routines
from webapp.safety.questions import signs_by_tier

bp = Blueprint("main", __name__)


@bp.get("/")
def home():
    """Start here: safety first, then the library and the learn pages."""
    cards = all_cards()
    flare = next((r for r in all_routines() if r.flare), None)
    emergency, emergency_signs = signs_by_tier()[0]
    return render_template(
        "main/home.html",
        featured=cards[:4],
        card_count=len(cards),
        articles=all_articles(),
        flare_routine=flare,
        emergency=emergency,
        emergency_signs=emergency_signs,
    )
