"""Pages built from the learn content."""

import re

from flask import Blueprint, abort, render_template

from webapp.content.models import Article
from webapp.content.queries import all_articles
from webapp.content.vocabulary import ARTICLE_BLOCKS
from webapp.extensions import db
from webapp.safety import questions

bp = Blueprint("learn", __name__, url_prefix="/learn")

# A block marker as Markdown renders a line of its own: `[[warning-signs]]` -> <p>[[warning-signs]]</p>
BLOCK = re.compile(r"<p>\[\[([a-z0-9-]+)\]\]</p>")


def body_parts(body_html):
    """The page body as ("html", text) and ("block", name) parts, in order."""
    parts, start = [], 0
    for match in BLOCK.finditer(body_html):
        if match.group(1) not in ARTICLE_BLOCKS:
            continue
        parts.append(("html", body_html[start : match.start()]))
        parts.append(("block", match.group(1)))
        start = match.end()
    parts.append(("html", body_html[start:]))
    return [(kind, value) for kind, value in parts if kind == "block" or value.strip()]


def warning_signs():
    """Each tier with its name, what to do, and the safety check's questions and combinations at
    that tier, in the check's own words (webapp/safety/questions.py)."""
    return [
        {
            "id": tier.id,
            "name": tier.name,
            "action": tier.action,
            "questions": [q for q in questions.RED_FLAGS if q.tier == tier.id],
            "combinations": [c.explanation for c in questions.COMBINATIONS if c.tier == tier.id],
        }
        for tier in questions.TIERS
    ]


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
    parts = body_parts(page.body_html)
    blocks = {value for kind, value in parts if kind == "block"}
    return render_template(
        "learn/article.html",
        article=page,
        articles=all_articles(),
        body_parts=parts,
        warning_tiers=warning_signs() if "warning-signs" in blocks else None,
    )
