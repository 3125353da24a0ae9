"""Sending the account emails with Flask-Mailman.

Flask-Mailman (Django's mail code ported to Flask) over SMTP when MAIL_SERVER is set. Without a
mail server (as under `make run`) its file backend writes each message to instance/mail/ and the
link is logged, so a newcomer can follow it; under tests without a server, messages stay in
memory. Flask-Mailman rather than Flask-Mail: both are maintained, but Flask-Mailman has these
file and in-memory backends built in, so there is no hand-written fallback.
"""

import os
import threading

from flask import current_app, render_template
from flask_mailman import EmailMessage

from webapp.extensions import mail


def configure(app):
    """Pick the backend from the settings (overrides included) and bind Flask-Mailman."""
    if not app.config.get("MAIL_BACKEND"):
        if app.config.get("MAIL_SERVER"):
            app.config["MAIL_BACKEND"] = "smtp"
        elif app.testing:
            app.config["MAIL_BACKEND"] = "locmem"
        else:
            app.config["MAIL_BACKEND"] = "file"
    app.config.setdefault("MAIL_FILE_PATH", os.path.join(app.instance_path, "mail"))
    app.config.setdefault("MAIL_DEFAULT_SENDER", "Relieve <no-reply@localhost>")
    app.config.setdefault("MAIL_TIMEOUT", 10)
    mail.init_app(app)


def send(to, template, subject, link=None, **context):
    """Send templates/auth/email/<template>.txt to `to`. A failure is logged, never shown: the
    page answers the same either way (and must not say whether an address has an account)."""
    body = render_template(f"auth/email/{template}.txt", link=link, **context)
    message = EmailMessage(subject=subject, body=body, to=[to])
    backend = current_app.config["MAIL_BACKEND"]
    if backend == "smtp":
        # Talking to the mail server takes time, and only some answers send mail (a reset for
        # an address with an account): sent after the answer, so timing tells nothing.
        app = current_app._get_current_object()
        threading.Thread(target=_deliver, args=(app, message, template), daemon=True).start()
        return True
    _deliver(current_app, message, template)
    if backend == "file":
        current_app.logger.warning(
            "No MAIL_SERVER: %r email written to %s. Link: %s",
            subject,
            current_app.config["MAIL_FILE_PATH"],
            link or "(none)",
        )
    return True


def _deliver(app, message, template):
    with app.app_context():
        try:
            message.send()
        except Exception:
            app.logger.exception("Could not send the %r email", template)
