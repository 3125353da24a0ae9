"""Accounts: sign up, sign in, sign out (per device), email verification and recovery, change
email or password, export and delete. See docs/accounts.md."""


def init_app(app):
    """The account pages, the session loader and the sign-in limiter."""
    from flask import redirect, request, url_for

    from webapp.auth import mail
    from webapp.auth.models import load_user
    from webapp.auth.ratelimit import init_limiter
    from webapp.auth.sessions import touch
    from webapp.auth.views import bp
    from webapp.errors import error_response
    from webapp.extensions import login_manager

    login_manager.init_app(app)
    # "strong" would sign people out whenever a phone changes network.
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)

    @login_manager.unauthorized_handler
    def unauthorized():
        if request.path.startswith("/api/"):
            return error_response(401, "Sign in to continue.")
        return redirect(url_for("auth.signin", next=request.full_path.rstrip("?")))

    init_limiter(app)
    mail.configure(app)
    app.after_request(touch)
    app.register_blueprint(bp)
