"""Learn pages: what sciatica is, how massage may help, safety, getting help, FAQ."""


def init_app(app):
    from webapp.learn.views import bp

    app.register_blueprint(bp)
