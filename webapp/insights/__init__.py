"""Insights from the device's own log and sessions, a printable summary for a clinician, and
calendar reminders. All computed in the browser (static/js/insights, export, reminders), so
they work offline and the server never needs to read a person's symptoms to draw them."""


def init_app(app):
    from webapp.insights.views import bp

    app.register_blueprint(bp)
