"""Safety screening: red flags that need a doctor instead of a routine, and the
contraindications that make some techniques unsuitable. The questions live in questions.py; the
rules that apply the answers run in the browser (static/js/safety/rules.js), offline."""


def init_app(app):
    from webapp.safety.records import RECORD_TYPES
    from webapp.safety.views import bp
    from webapp.sync.registry import register_record_type

    app.register_blueprint(bp)
    for name, data_model in RECORD_TYPES.items():
        register_record_type(app, name, data_model)
