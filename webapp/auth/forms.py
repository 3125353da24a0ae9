"""Account forms. Flask-WTF adds and checks the CSRF token on each."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

PASSWORD_MIN = 10


def normalise_email(value):
    return (value or "").strip().lower()


class SignUpForm(FlaskForm):
    email = EmailField(
        "Email",
        filters=[normalise_email],
        validators=[
            DataRequired("Enter your email address."),
            Email("Enter an email address like name@example.com.", check_deliverability=False),
            Length(max=254),
        ],
    )
    password = PasswordField(
        "Password",
        validators=[
            DataRequired("Choose a password."),
            Length(min=PASSWORD_MIN, max=200, message=f"Use at least {PASSWORD_MIN} characters."),
        ],
    )


class SignInForm(FlaskForm):
    email = EmailField(
        "Email", filters=[normalise_email], validators=[DataRequired("Enter your email address."), Length(max=254)]
    )
    password = PasswordField("Password", validators=[DataRequired("Enter your password."), Length(max=200)])
    remember = BooleanField("Keep me signed in on this device")


class ChangePasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired("Enter your current password.")])
    password = PasswordField(
        "New password",
        validators=[
            DataRequired("Choose a new password."),
            Length(min=PASSWORD_MIN, max=200, message=f"Use at least {PASSWORD_MIN} characters."),
        ],
    )
    confirm = PasswordField("New password again", validators=[EqualTo("password", "The two new passwords differ.")])

    def validate_password(self, field):
        if field.data and field.data == self.current.data:
            raise ValidationError("The new password must differ from the current one.")


class DeleteAccountForm(FlaskForm):
    password = PasswordField("Your password", validators=[DataRequired("Enter your password to confirm.")])
    confirm = BooleanField(
        "Delete my account and everything synced to it", validators=[DataRequired("Tick the box to confirm.")]
    )
