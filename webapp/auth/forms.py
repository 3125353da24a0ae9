"""Account forms. Flask-WTF adds and checks the CSRF token on each."""

from flask import g
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from webapp.auth.passwords import StrongPassword

PASSWORD_MIN = 10
PASSWORD_HINT = f"At least {PASSWORD_MIN} characters. A few random words work well."


def normalise_email(value):
    return (value or "").strip().lower()


def email_field(label="Email"):
    return EmailField(
        label,
        filters=[normalise_email],
        validators=[
            DataRequired("Enter your email address."),
            Email("Enter an email address like name@example.com.", check_deliverability=False),
            Length(max=254),
        ],
    )


def new_password_field(label, email_field=None, email=None):
    return PasswordField(
        label,
        validators=[
            DataRequired("Choose a password."),
            Length(min=PASSWORD_MIN, max=200, message=f"Use at least {PASSWORD_MIN} characters."),
            StrongPassword(email_field=email_field, email=email),
        ],
    )


def _signed_in_email():
    return current_user.email if current_user.is_authenticated else ""


class SignUpForm(FlaskForm):
    email = email_field()
    password = new_password_field("Password", email_field="email")


class SignInForm(FlaskForm):
    email = EmailField(
        "Email", filters=[normalise_email], validators=[DataRequired("Enter your email address."), Length(max=254)]
    )
    password = PasswordField("Password", validators=[DataRequired("Enter your password."), Length(max=200)])
    # Ticked: the app is installed on a person's own phone and used offline for weeks; on a
    # shared one, signing out ends it for good and can take the data off (docs/accounts.md).
    remember = BooleanField("Keep me signed in on this device", default=True)


class ChangePasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired("Enter your current password.")])
    password = new_password_field("New password", email=_signed_in_email)
    confirm = PasswordField("New password again", validators=[EqualTo("password", "The two new passwords differ.")])

    def validate_password(self, field):
        if field.data and field.data == self.current.data:
            raise ValidationError("The new password must differ from the current one.")


class ChangeEmailForm(FlaskForm):
    email = email_field("New email address")
    password = PasswordField("Password, to confirm", validators=[DataRequired("Enter your password to confirm.")])

    def validate_email(self, field):
        if field.data and field.data == _signed_in_email():
            raise ValidationError("That is already your email address.")


class ForgotPasswordForm(FlaskForm):
    email = email_field()


def _reset_email():
    # The reset page puts the account's email in g, so the new password is judged against it.
    return g.get("reset_email", "")


class ResetPasswordForm(FlaskForm):
    password = new_password_field("New password", email=_reset_email)
    confirm = PasswordField("New password again", validators=[EqualTo("password", "The two new passwords differ.")])


class ConfirmForm(FlaskForm):
    """A button that only needs its CSRF token (resend the link, confirm a change, sign out a device)."""


class DeleteAccountForm(FlaskForm):
    password = PasswordField("Your password", validators=[DataRequired("Enter your password to confirm.")])
    confirm = BooleanField(
        "Delete my account and everything synced to it", validators=[DataRequired("Tick the box to confirm.")]
    )
