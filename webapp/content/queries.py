"""Reading the loaded content, shared by every feature that shows cards, pages or routines."""

from webapp.content.models import Article, Routine, Technique
from webapp.extensions import db


def all_cards():
    return db.session.scalars(db.select(Technique).order_by(Technique.sort_order, Technique.name)).all()


def cards_by_slug():
    return {card.slug: card for card in all_cards()}


def all_articles():
    return db.session.scalars(db.select(Article).order_by(Article.sort_order, Article.title)).all()


def all_routines():
    return db.session.scalars(db.select(Routine).order_by(Routine.sort_order, Routine.name)).all()
