"""The home page."""
from flask import Blueprint, render_template

from webapp.learn.views import all_articles
from webapp.library.views import all_cards

bp = Blueprint("main", __name__)


@bp.get("/")
def home():
    """Start here: safety first, then the library and the learn pages."""
    cards = all_cards()
    return render_template("main/home.html", featured=cards[:4], card_count=len(cards), articles=all_articles())
