"""Pages of the technique library."""

from flask import Blueprint, abort, render_template, request

from webapp.content.queries import all_cards
from webapp.library.filters import Filters, search_text

bp = Blueprint("library", __name__, url_prefix="/techniques")


@bp.get("/")
def index():
    """The card list; filters in the query string also work without JavaScript."""
    filters = Filters.from_args(request.args)
    cards = all_cards()
    return render_template(
        "library/index.html",
        cards=filters.ordered(cards),
        # The list's own order, so the browser can rank a new search from it (static/js/library.js).
        order={card.slug: i for i, card in enumerate(cards)},
        filters=filters,
        shown={c.slug for c in cards if filters.matches(c)},
        search_text=search_text,
    )


@bp.get("/<slug>")
def detail(slug):
    """One technique card."""
    cards = all_cards()
    index = next((i for i, c in enumerate(cards) if c.slug == slug), None)
    if index is None:
        abort(404)
    return render_template(
        "library/detail.html",
        card=cards[index],
        previous=cards[index - 1] if index > 0 else None,
        next=cards[index + 1] if index + 1 < len(cards) else None,
    )
