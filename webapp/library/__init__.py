"""The technique library: the card list with its filters, and each card's page."""


def init_app(app):
    from webapp.library.views import bp

    app.register_blueprint(bp)
