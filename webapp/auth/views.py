"""Account pages. They need the network (and are never cached by the service worker): signing
in is the one thing that cannot happen offline. See docs/accounts.md."""

import json
import secrets
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required, logout_user
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from webapp.auth import mail, tokens
from webapp.auth.account_data import delete_account_data, export_account_data
from webapp.auth.forms import (
    PASSWORD_HINT,
    ChangeEmailForm,
    ChangePasswordForm,
    ConfirmForm,
    DeleteAccountForm,
    ForgotPasswordForm,
    ResetPasswordForm,
    SignInForm,
    SignUpForm,
)
from webapp.auth.known_device import known_device, remember_device
from webapp.auth.models import User, aware
from webapp.auth.sessions import current_session_id, open_sessions, revoke, start_session
from webapp.content.models import utcnow
from webapp.extensions import db

bp = Blueprint("auth", __name__, url_prefix="/account")


@bp.app_template_filter("utc")
def utc_text(moment):
    """A stored time as ISO 8601 in UTC with its zone ("…Z"), for the page to show in the
    person's own time zone (SQLite hands times back without a zone, PostgreSQL in its own)."""
    return aware(moment).astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


NOTICE_COOKIE = "relieve_notice"
TOO_MANY = "Too many attempts. Please wait 15 minutes and try again."
SIGNUP_SENT = "Thanks. We've sent an email to {email}: follow its link to confirm your address."


@bp.after_request
def no_store(response):
    # Account pages show who is signed in and where: never kept by the browser or a proxy.
    response.headers["Cache-Control"] = "no-store"
    return response


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


def address():
    return request.remote_addr or "unknown"


def dummy_hash():
    """A hash of nothing, made like real ones: checking a password against it takes as long as
    checking a real account's, so the time of an answer doesn't tell whether an email has one."""
    key = "relieve.dummy_hash"
    if key not in current_app.extensions:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        current_app.extensions[key] = generate_password_hash(secrets.token_hex(16), method=method)
    return current_app.extensions[key]


def user_by_email(email):
    return db.session.scalar(db.select(User).filter_by(email=email))


def guess_allowed(user):
    """Count a password typed on the account page (change password, change email, delete)."""
    return limiter().attempt(user.email, address(), known_device(user.email))


def guess_succeeded(user):
    limiter().succeeded(user.email, address(), known_device(user.email))


def confirm_password(field, wrong):
    """Judge the password typed to confirm an account change, counted as a guess. None when it
    is right; otherwise the answer's status (429 too many guesses, 422 wrong), the reason put on
    the field."""
    if not guess_allowed(current_user):
        field.errors.append(TOO_MANY)
        return 429
    if not current_user.check_password(field.data):
        field.errors.append(wrong)
        return 422
    guess_succeeded(current_user)
    return None


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


def send_verification(user):
    link = url_for("auth.verify", token=tokens.verify_token(user), _external=True)
    mail.send(user.email, "verify", "Confirm your email address for Relieve", link=link)


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    """Create an account, signed in at once; the device's data joins it on the next sync.

    An email that already has an account gets the same answer (a redirect with "we've sent an
    email"), and its owner an email saying someone tried to sign up with it. See
    docs/accounts.md for what still differs (this browser is not signed in)."""
    form = SignUpForm()
    status = 422 if request.method == "POST" else 200
    if form.validate_on_submit():
        email = form.email.data
        if not limiter().allow_signup(address(), current_app.config["SIGNUP_LIMIT_PER_ADDRESS"]):
            form.email.errors.append("Too many new accounts from this connection. Please try again later.")
            status = 429
        else:
            user = None
            if user_by_email(email) is None:
                user = User(email=email)
                user.set_password(form.password.data, current_app.config["PASSWORD_HASH_METHOD"])
                db.session.add(user)
                try:
                    db.session.commit()
                except IntegrityError:  # the same email signed up at the same moment
                    db.session.rollback()
                    user = None
            else:
                check_password_hash(dummy_hash(), form.password.data)  # as long as hashing a new one
            if user is None:
                link = url_for("auth.forgot", _external=True)
                signin = url_for("auth.signin", _external=True)
                mail.send(
                    email,
                    "signup_taken",
                    "Someone tried to sign up to Relieve with your address",
                    link=link,
                    signin=signin,
                )
            else:
                start_session(user, remember=True)
                remember_device(email)
                send_verification(user)
            return notice(redirect(safe_next(request.args.get("next"))), SIGNUP_SENT.format(email=email))
    return render_template("auth/signup.html", form=form, password_hint=PASSWORD_HINT), status


@bp.route("/signin", methods=["GET", "POST"])
def signin():
    """Sign in, with password guesses limited per account and per address."""
    form = SignInForm()
    status = 200
    if form.validate_on_submit():
        email = form.email.data
        device = known_device(email)
        # Counted before the (slow) password check, so simultaneous guesses are counted too.
        if not limiter().attempt(email, address(), device):
            form.password.errors.append(TOO_MANY)
            status = 429
        else:
            user = user_by_email(email)
            # An unknown email is checked against a dummy hash: the same work, the same time.
            good = check_password_hash(user.password_hash if user else dummy_hash(), form.password.data)
            if user is None or not good:
                form.password.errors.append("That email and password don't match an account.")
                status = 401
            else:
                limiter().succeeded(email, address(), device)
                start_session(user, remember=form.remember.data)
                remember_device(email)
                # Back where "Sign in" was tapped, which says so (pages there have no sign-in line).
                return notice(redirect(safe_next(request.args.get("next"))), f"You're signed in as {user.email}.")
    elif request.method == "POST":
        status = 422
    return render_template("auth/signin.html", form=form), status


@bp.post("/signout")
@login_required
def signout():
    """Sign out of this device (its saved data stays on it): the session ends on the server, so
    its cookies (remember-me included) never sign anyone in again."""
    revoke(current_user.id, current_session_id())
    db.session.commit()
    logout_user()
    return notice(redirect(url_for("main.home")), "You are signed out. What is saved on this device stays here.")


@bp.post("/sessions/<int:session_id>/signout")
@login_required
def signout_device(session_id):
    """Sign out another device (or this one) from the account page."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if session_id == current_session_id():
        return signout()
    if not revoke(current_user.id, session_id):
        abort(404)
    db.session.commit()
    flash("That device is signed out.")
    return redirect(url_for("auth.settings") + "#devices-heading")


def account_page(status=200, **forms):
    forms.setdefault("password_form", ChangePasswordForm(prefix="pw", formdata=None))
    forms.setdefault("email_form", ChangeEmailForm(prefix="em", formdata=None))
    forms.setdefault("delete_form", DeleteAccountForm(prefix="del", formdata=None))
    return render_template(
        "auth/settings.html",
        sessions=open_sessions(current_user.id),
        this_session=current_session_id(),
        confirm_form=ConfirmForm(formdata=None),
        password_hint=PASSWORD_HINT,
        **forms,
    ), status


@bp.route("/", methods=["GET", "POST"])
@login_required
def settings():
    """Devices, email, password, download data, delete the account."""
    if request.method != "POST" or "pw-current" not in request.form:
        return account_page()
    form = ChangePasswordForm(prefix="pw")
    if not form.validate_on_submit():
        return account_page(422, password_form=form)
    if status := confirm_password(form.current, "That is not your current password."):
        return account_page(status, password_form=form)
    current_user.set_password(form.password.data, current_app.config["PASSWORD_HASH_METHOD"])
    # Every other device is signed out; this one stays signed in (remembered only if it was).
    revoke(current_user.id, keep=current_session_id())
    db.session.commit()
    flash("Password changed. You are signed out everywhere else.")
    return redirect(url_for("auth.settings"))


@bp.post("/email")
@login_required
def change_email():
    """Send a confirmation link to the new address; nothing changes until it is followed."""
    form = ChangeEmailForm(prefix="em")
    if not form.validate_on_submit():
        return account_page(422, email_form=form)
    if status := confirm_password(form.password, "That is not your password."):
        return account_page(status, email_form=form)
    link = url_for("auth.confirm_email", token=tokens.change_token(current_user, form.email.data), _external=True)
    mail.send(form.email.data, "change_confirm", "Confirm your new email address for Relieve", link=link)
    flash(f"We've sent a link to {form.email.data}. Your address changes when you follow it.")
    return redirect(url_for("auth.settings"))


@bp.route("/email/confirm/<token>", methods=["GET", "POST"])
def confirm_email(token):
    """The link from the new address: a button (so a mail scanner opening links changes
    nothing), then the change, and a note to the old address."""
    payload = tokens.read("change-email", token, tokens.CHANGE_MAX_AGE)
    user = db.session.get(User, payload.get("u")) if payload else None
    if user is None or user.email != payload.get("old"):
        return link_invalid("This link has expired or was already used. Ask for a new one from your account page.")
    form = ConfirmForm()
    if not form.validate_on_submit():
        return render_template("auth/confirm_email.html", form=form, new_email=payload["new"])
    old, new = user.email, payload["new"]
    if user_by_email(new) is not None:
        return link_invalid(f"{new} is already used by another account, so your address stays {old}.")
    user.email, user.email_verified_at = new, utcnow()
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return link_invalid(f"{new} is already used by another account, so your address stays {old}.")
    mail.send(
        old,
        "change_notice",
        "Your Relieve email address was changed",
        link=url_for("auth.forgot", _external=True),
        new_email=new,
    )
    message = f"Your email address is now {new}."
    target = url_for("auth.settings") if current_user.is_authenticated else url_for("auth.signin")
    return notice(redirect(target), message)


@bp.get("/verify/<token>")
def verify(token):
    """The link in the verification email (following it twice is harmless)."""
    payload = tokens.read("verify", token, tokens.VERIFY_MAX_AGE)
    user = db.session.get(User, payload.get("u")) if payload else None
    if user is None or user.email != payload.get("e"):
        return link_invalid("This link has expired. Sign in and ask for a new one from your account page.")
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
        db.session.commit()
    target = url_for("auth.settings") if current_user.is_authenticated else url_for("main.home")
    return notice(redirect(target), "Thank you: your email address is confirmed.")


@bp.post("/verify/resend")
@login_required
def resend_verification():
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if current_user.email_verified_at is None:
        if limiter().allow(f"verify:user:{current_user.id}", 3, 3600):
            send_verification(current_user)
            flash(f"We've sent a new link to {current_user.email}.")
        else:
            flash("We've sent several links already. Please check your inbox and spam folder, or try later.")
    return redirect(url_for("auth.settings"))


@bp.route("/forgot", methods=["GET", "POST"])
def forgot():
    """Ask for a reset link. The answer is the same whether or not the email has an account."""
    form = ForgotPasswordForm()
    if not form.validate_on_submit():
        return render_template("auth/forgot.html", form=form), (422 if request.method == "POST" else 200)
    config = current_app.config
    if not limiter().allow(f"reset:ip:{address()}", config["RESET_LIMIT_PER_ADDRESS"], 3600):
        form.email.errors.append("Too many requests from this connection. Please try again in an hour.")
        return render_template("auth/forgot.html", form=form), 429
    email = form.email.data
    user = user_by_email(email)
    # Per address too, silently: a full inbox of reset emails helps nobody.
    if user is not None and limiter().allow(f"reset:acct:{email}", config["RESET_LIMIT_PER_EMAIL"], 3600):
        link = url_for("auth.reset", token=tokens.reset_token(user), _external=True)
        mail.send(email, "reset", "Reset your Relieve password", link=link)
    return render_template("auth/forgot.html", form=None, sent_to=email)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token):
    """Choose a new password from the emailed link: once, within the hour."""
    payload = tokens.read("reset", token, tokens.RESET_MAX_AGE)
    user = db.session.get(User, payload.get("u")) if payload else None
    if user is None or payload.get("p") != tokens.password_fingerprint(user):
        return link_invalid("This reset link has expired or was already used.", forgot_link=True)
    g.reset_email = user.email
    form = ResetPasswordForm()
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render_template("auth/reset.html", form=form, email=user.email, password_hint=PASSWORD_HINT), status
    user.set_password(form.password.data, current_app.config["PASSWORD_HASH_METHOD"])
    # Following the link proved the address; every device signs in again with the new password.
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    revoke(user.id)
    db.session.commit()
    limiter().counter.reset(f"login:acct:{user.email}")
    if current_user.is_authenticated:
        logout_user()
    return notice(redirect(url_for("auth.signin")), "Your password is changed. Sign in with it on each device.")


def link_invalid(message, forgot_link=False):
    return render_template("auth/link_invalid.html", message=message, forgot_link=forgot_link), 400


@bp.post("/delete")
@login_required
def delete():
    """Delete the account and every record synced to it."""
    form = DeleteAccountForm(prefix="del")
    valid = form.validate_on_submit()
    status = 422
    # The password is judged on its own: a right password with the box unticked is only told
    # to tick the box, never that the password is wrong.
    checked = form.password.data and not form.password.errors
    if checked and (refused := confirm_password(form.password, "That is not your password.")):
        valid, status = False, refused
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
    return account_page(status, delete_form=form)


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
