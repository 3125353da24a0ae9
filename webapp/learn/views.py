"""Pages built from the learn content."""

from flask import Blueprint, abort, render_template

from webapp.content.models import Article
from webapp.content.queries import all_articles
from webapp.extensions import db

bp = Blueprint("learn", __name__, url_prefix="/learn")


@bp.get("/")
def index():
    """The list of learn pages."""
    return render_template("learn/index.html", articles=all_articles())


@bp.get("/<slug>")
def article(slug):
    """One learn page."""
    page = db.session.scalar(db.select(Article).filter_by(slug=slug))
    if page is None:
        abort(404)
    return render_template("learn/article.html", article=page, articles=all_articles())
