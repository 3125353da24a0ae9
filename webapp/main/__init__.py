"""The home page."""


def init_app(app):
    from webapp.main.views import bp

    app.register_blueprint(bp)
