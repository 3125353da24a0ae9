"""Refusing guessable passwords, without the network.

zxcvbn (Dropbox's estimator, the maintained Python port) ships its own lists: common and
breached passwords, dictionary words, names, keyboard patterns, repeats and sequences. It also
judges the password against the person's own email. A password must score at least 3 of 4
("safely unguessable"); the form says why when it doesn't."""

from wtforms.validators import ValidationError
from zxcvbn import zxcvbn

MIN_SCORE = 3
# zxcvbn looks at the first characters only; the form's Length check caps the rest.
CHECKED_LENGTH = 100


def weakness(password, email=""):
    """Why this password is too easy to guess, in a friendly sentence, or None."""
    email = (email or "").strip().lower()
    if email and password.strip().lower() in {email, email.split("@")[0]}:
        return "Don't use your email address as your password."
    inputs = [email, *email.replace("@", " ").replace(".", " ").split()] if email else []
    result = zxcvbn(password[:CHECKED_LENGTH], user_inputs=inputs)
    if result["score"] >= MIN_SCORE:
        return None
    warning = result["feedback"]["warning"]
    hint = "Try three or four unrelated words, or a longer phrase only you would think of."
    if warning:
        return f"That password is easy to guess ({warning[0].lower() + warning[1:].rstrip('.')}). {hint}"
    return f"That password is easy to guess. {hint}"


class StrongPassword:
    """WTForms validator; `email_field` names the form's email field when it has one."""

    def __init__(self, email_field=None, email=None):
        self.email_field, self.email = email_field, email

    def __call__(self, form, field):
        if not field.data:
            return
        email = form[self.email_field].data if self.email_field else (self.email() if self.email else "")
        reason = weakness(field.data, email or "")
        if reason:
            raise ValidationError(reason)
