"""Account pages. They need the network (and are never cached by the service worker): signing
in is the one thing that cannot happen offline."""

import json
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from webapp.auth.account_data import delete_account_data, export_account_data
from webapp.auth.forms import ChangePasswordForm, DeleteAccountForm, SignInForm, SignUpForm
from webapp.auth.models import User
from webapp.extensions import db

bp = Blueprint("auth", __name__, url_prefix="/account")


NOTICE_COOKIE = "relieve_notice"


def notice(response, message):
    """A confirmation for the page the person lands on. Pages such as Today are served from
    the service worker's cache, where a flashed message would never be rendered (and would then
    turn up on some later page): the message rides in a short-lived cookie that every page's
    script (static/js/lib/notice.js) shows once and deletes."""
    response.set_cookie(
        NOTICE_COOKIE,
        quote(message),
        max_age=120,
        path="/",
        samesite="Lax",
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
    )
    return response


def limiter():
    return current_app.extensions["relieve.login_limiter"]


def safe_next(target):
    """Only same-site paths: never send someone to another site after signing in."""
    if (
        target
        and target.startswith("/")
        and not any(ord(c) < 0x21 or ord(c) == 0x7F for c in target)
        and "\\" not in target
    ):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and not parts.path.startswith("//"):
            return target
    return url_for("routines.index")


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    """Create an account; the device's data joins it on the next sync."""
    form = SignUpForm()
    status = 422 if request.method == "POST" else 200
    if form.validate_on_submit():
        if not limiter().allow_signup(request.remote_addr or "unknown"):
            form.email.errors.append("Too many new accounts from this connection. Please try again later.")
            status = 429
        elif db.session.scalar(db.select(User.id).filter_by(email=form.email.data)) is not None:
            form.email.errors.append("An account with this email already exists. Sign in instead.")
            status = 409
        else:
            user = User(email=form.email.data)
            user.set_password(form.password.data, current_app.config["PASSWORD_HASH_METHOD"])
            db.session.add(user)
            try:
                db.session.commit()
            except IntegrityError:  # the same email signed up at the same moment
                db.session.rollback()
                form.email.errors.append("An account with this email already exists. Sign in instead.")
                return render_template("auth/signup.html", form=form), 409
            login_user(user, remember=True)
            return notice(
                redirect(safe_next(request.args.get("next"))),
                "Your account is ready. What you saved on this device is being added to it.",
            )
    return render_template("auth/signup.html", form=form), status


@bp.route("/signin", methods=["GET", "POST"])
def signin():
    """Sign in, with failed attempts limited per account and per address."""
    form = SignInForm()
    status = 200
    if form.validate_on_submit():
        email, address = form.email.data, request.remote_addr or "unknown"
        # Counted before the (slow) password check, so simultaneous guesses are counted too.
        if not limiter().attempt(email, address):
            form.password.errors.append("Too many attempts. Please wait 15 minutes and try again.")
            status = 429
        else:
            user = db.session.scalar(db.select(User).filter_by(email=email))
            if user is None or not user.check_password(form.password.data):
                form.password.errors.append("That email and password don't match an account.")
                status = 401
            else:
                limiter().succeeded(email, address)
                login_user(user, remember=form.remember.data)
                return redirect(safe_next(request.args.get("next")))
    elif request.method == "POST":
        status = 422
    return render_template("auth/signin.html", form=form), status


@bp.post("/signout")
@login_required
def signout():
    """Sign out of this device (its saved data stays on it)."""
    logout_user()
    return notice(redirect(url_for("main.home")), "You are signed out. What is saved on this device stays here.")


@bp.route("/", methods=["GET", "POST"])
@login_required
def settings():
    """Change password, download data, delete the account."""
    password_form = ChangePasswordForm(prefix="pw")
    delete_form = DeleteAccountForm(prefix="del")
    status = 200
    if request.method == "POST" and "pw-current" in request.form:
        if password_form.validate_on_submit():
            if not current_user.check_password(password_form.current.data):
                password_form.current.errors.append("That is not your current password.")
                status = 422
            else:
                current_user.set_password(password_form.password.data, current_app.config["PASSWORD_HASH_METHOD"])
                db.session.commit()
                # The new session token signs out every other device; keep this one signed in,
                # remembered only if it was before.
                login_user(
                    current_user,
                    remember=bool(
                        request.cookies.get(current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token"))
                    ),
                )
                flash("Password changed. You are signed out everywhere else.")
                return redirect(url_for("auth.settings"))
        else:
            status = 422
    return render_template("auth/settings.html", password_form=password_form, delete_form=delete_form), status


@bp.post("/delete")
@login_required
def delete():
    """Delete the account and every record synced to it."""
    form = DeleteAccountForm(prefix="del")
    valid = form.validate_on_submit()
    # The password is judged on its own: a right password with the box unticked is only told
    # to tick the box, never that the password is wrong.
    checked = form.password.data and not form.password.errors
    if checked and not current_user.check_password(form.password.data):
        form.password.errors.append("That is not your password.")
        valid = False
    if valid:
        user = db.session.get(User, current_user.id)
        delete_account_data(user.id)
        db.session.delete(user)
        db.session.commit()
        logout_user()
        return notice(
            redirect(url_for("main.home")),
            "Your account and everything synced to it are deleted. This device still has its own copy.",
        )
    return render_template("auth/settings.html", password_form=ChangePasswordForm(prefix="pw"), delete_form=form), 422


@bp.get("/export")
@login_required
def export():
    """Everything the account holds, as one JSON file."""
    body = {
        "exported_at": datetime.now(UTC).isoformat(),
        "account": {"email": current_user.email, "created_at": current_user.created_at.isoformat()},
        **export_account_data(current_user.id),
    }
    return Response(
        json.dumps(body, indent=2, ensure_ascii=False),
        mimetype="application/json",
        headers={
            "Content-Disposition": 'attachment; filename="relieve-data.json"',
            "Cache-Control": "no-store",
        },
    )
