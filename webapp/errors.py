"""Error pages: friendly HTML for people, one JSON shape for API clients."""

from flask import jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from webapp.extensions import db


def wants_json():
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def error_response(status, message, **details):
    """The single error shape of the JSON API; details such as record and field when known."""
    error = {"status": status, "message": message}
    error.update({key: value for key, value in details.items() if value is not None})
    response = jsonify({"error": error})
    response.status_code = status
    return response


def register(app):
    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        if wants_json():
            return error_response(
                400,
                "Missing or expired security token: fetch /api/v1/session and send its "
                "csrf_token in the X-CSRFToken header.",
            )
        message = "This form was open too long or came from another site. Please try again."
        return render_template("errors/error.html", code=400, title="Please try again", message=message), 400

    @app.errorhandler(HTTPException)
    def http_error(exc):
        if wants_json():
            response = error_response(exc.code, exc.description)
        else:
            page = render_template("errors/error.html", code=exc.code, title=exc.name, message=exc.description)
            response = app.make_response((page, exc.code))
        # Werkzeug's own answer carries headers such as Allow (405) and Retry-After; keep them.
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def unexpected_error(exc):
        # Leave the session usable for the next request; the traceback goes to the log.
        db.session.rollback()
        app.logger.exception("Unhandled error")
        message = "Something went wrong on our side. Your saved data is safe; please try again."
        if wants_json():
            return error_response(500, message)
        return render_template("errors/error.html", code=500, title="Something went wrong", message=message), 500
