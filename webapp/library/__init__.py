"""The technique library: the card list with its filters, and each card's page."""


def init_app(app):
    from webapp.library import marks
    from webapp.library.views import bp
    from webapp.pwa.precache import KEY_PATH

    app.register_blueprint(bp)
    app.jinja_env.globals.update(illustration_marks=marks.marks, illustration_key=KEY_PATH)
