"""Sync performance, measured (not a test; run by hand and read the figures).

(a) Pull cost follows the changes, not the history: two accounts, one with 100 synced records and
    one with 10,000, each with 10 records changed after a cursor. Median time of
    GET /api/v1/sync/pull?since=<cursor> (50 requests, in-process through Flask's test client),
    plus the database's plan for the pull query.
(b) Push against its stack's ceiling: gunicorn (3 workers, sync) on 127.0.0.1 serves both the app and a
    bare Flask endpoint that only parses the same JSON body and answers (the most any push could
    reach on this stack). ~50 signed-in accounts, 32 concurrent clients, batches of 50 new records;
    the push and the bare endpoint take turns (--rounds phases of --seconds each, alternating, so
    both see the same machine). Requests/s, latency p50/p95/p99, every answer other than 200
    counted, and the push's share of the ceiling.

Each database gets a fresh one: a SQLite file in a temporary folder; a PostgreSQL database
`relieve_bench` created with `su postgres -c psql` (as .ci/postgres.sh does) and dropped after.

    .venv/bin/python bench/sync.py --db both
    .venv/bin/python bench/sync.py --db postgres --part push --rounds 4 --seconds 8
"""

import argparse
import hashlib
import http.cookiejar
import json
import os
import queue
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECRET = "bench-only-secret"
HASH_METHOD = "pbkdf2:sha256:1000"  # real hashing is slow on purpose; setup only needs a hash
PASSWORD = "bench password 123"
PG_DEFAULT = "postgresql://relieve:relieve@127.0.0.1:5432"
PG_DATABASE = "relieve_bench"


def uuid7():
    ms = int(time.time() * 1000)
    raw = bytearray(ms.to_bytes(6, "big") + os.urandom(10))
    raw[6] = (raw[6] & 0x0F) | 0x70
    raw[8] = (raw[8] & 0x3F) | 0x80
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def routine(name):
    return {
        "name": name,
        "steps": [
            {"technique": "pelvic-tilt", "reps": 8, "sides": "none", "rest": 10},
            {"technique": "knee-to-chest", "seconds": 30, "sides": "left-right"},
        ],
    }


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# --- Databases ----------------------------------------------------------------------------------


class Database:
    """A fresh, empty database for one run; `url` for SQLAlchemy and for DATABASE_URL."""

    def __init__(self, kind, pg_url, pg_admin):
        self.kind, self.pg_url, self.pg_admin = kind, pg_url.rstrip("/"), pg_admin
        self.tmp = tempfile.TemporaryDirectory(prefix="relieve-bench-")
        if kind == "sqlite":
            self.url = f"sqlite:///{self.tmp.name}/bench.db"
        else:
            self.url = f"{self.pg_url}/{PG_DATABASE}"

    def _psql(self, sql):
        port = urllib.parse.urlsplit(self.pg_url).port or 5432
        command = (
            f"PGOPTIONS='-c client_min_messages=warning' {self.pg_admin} -v ON_ERROR_STOP=1 -q -p {port} "
            f"-c {shlex.quote(sql)}"
        )
        subprocess.run(["su", "postgres", "-c", command], check=True, cwd="/")

    def __enter__(self):
        if self.kind == "postgres":
            self._psql(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
            self._psql(f"CREATE DATABASE {PG_DATABASE} OWNER relieve")
        return self

    def __exit__(self, *exc):
        if self.kind == "postgres":
            self._psql(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        self.tmp.cleanup()


def server_env(db):
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": db.url,
            "FLASK_APP": "wsgi",
            "SECRET_KEY": SECRET,
            "RELIEVE_ENV": "development",
            "SESSION_COOKIE_SECURE": "false",
            "PASSWORD_HASH_METHOD": HASH_METHOD,
            # Pages are rendered with the bundles already built (as in production), never rebuilt here.
            "ASSETS_AUTO_BUILD": "false",
            # Nothing written into the repository's instance/ folder.
            "RELIEVE_INSTANCE_PATH": str(Path(db.tmp.name) / "instance"),
            # Sign-ins all come from 127.0.0.1: keep the per-address limit out of the way.
            "LOGIN_LIMIT_PER_ADDRESS": "100000",
        }
    )
    for name in ("CLINIC_NAME", "CLINIC_BOOKING_URL", "RATELIMIT_STORAGE_URL"):
        env.pop(name, None)
    return env


def flask(db, *args):
    subprocess.run(
        [sys.executable, "-m", "flask", *args],
        cwd=ROOT,
        env=server_env(db),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def make_app(db):
    os.environ.update({k: v for k, v in server_env(db).items() if k in ("RELIEVE_INSTANCE_PATH", "SECRET_KEY")})
    from webapp import create_app
    from webapp.config import normalise_database_url

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": normalise_database_url(db.url),
            "SECRET_KEY": SECRET,
            "SESSION_COOKIE_SECURE": False,
            "PASSWORD_HASH_METHOD": HASH_METHOD,
            "CLINIC_NAME": None,
            "CLINIC_BOOKING_URL": None,
            "LOGIN_LIMIT_PER_ADDRESS": 100000,
        }
    )


def create_users(app, emails):
    from webapp.auth.models import User
    from webapp.extensions import db

    with app.app_context():
        users = []
        for email in emails:
            user = User(email=email)
            user.set_password(PASSWORD, HASH_METHOD)
            users.append(user)
        db.session.add_all(users)
        db.session.commit()
        return [user.id for user in users]


# --- (a) Pull scaling ---------------------------------------------------------------------------


def bulk_history(app, user_id, count):
    """`count` synced records for the account, written straight to the table in one go."""
    from webapp.auth.models import User
    from webapp.extensions import db
    from webapp.sync.models import SyncRecord
    from webapp.sync.service import canonical

    now = int(time.time() * 1000) - 3_600_000
    rows = []
    for i in range(count):
        data = routine(f"Routine {i}")
        rows.append(
            {
                "user_id": user_id,
                "record_id": uuid7(),
                "record_type": "routine",
                "data": data,
                "deleted": False,
                "updated_at": now + i,
                "device_id": "bench-history",
                "content_hash": hashlib.sha256(f"put:{canonical(data)}".encode()).hexdigest(),
                "seq": i + 1,
            }
        )
    with app.app_context():
        for start in range(0, count, 2000):
            db.session.execute(db.insert(SyncRecord), rows[start : start + 2000])
        db.session.execute(db.update(User).where(User.id == user_id).values(sync_seq=count))
        db.session.commit()
    return [row["record_id"] for row in rows]


def signed_in_client(app, email):
    client = app.test_client()
    token = client.get("/api/v1/session").get_json()["csrf_token"]
    response = client.post("/account/signin", data={"csrf_token": token, "email": email, "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    return client, client.get("/api/v1/session").get_json()["csrf_token"]


def explain_pull(app, client, url):
    """The database's plan for the query a real pull runs (captured, then explained as sent)."""
    from sqlalchemy import event

    from webapp.extensions import db

    with app.app_context():
        engine = db.engine
    captured = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if "FROM sync_record" in statement:
            captured.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        client.get(url)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    statement, parameters = captured[-1]
    if engine.dialect.name == "postgresql":
        prefix = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
    else:
        prefix = "EXPLAIN QUERY PLAN "
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(prefix + statement, parameters).all()
    return [row[0] if len(row) == 1 else row[-1] for row in rows]


def pull_scaling(db, requests=50, changed=10, sizes=(100, 10_000)):
    from flask_migrate import upgrade

    from webapp.extensions import db as sqla

    app = make_app(db)
    with app.app_context():
        upgrade()
    print(f"\n[{db.kind}] (a) pull scaling: {changed} changed records after the cursor, median of {requests} pulls")
    figures = {}
    for size in sizes:
        email = f"history-{size}@bench.example"
        (user_id,) = create_users(app, [email])
        ids = bulk_history(app, user_id, size)
        if db.kind == "postgres":
            with app.app_context():
                sqla.session.execute(sqla.text("ANALYZE sync_record"))
                sqla.session.commit()
        client, token = signed_in_client(app, email)
        cursor = str(size)
        now = int(time.time() * 1000)
        changes = [
            {
                "id": ids[i * (size // changed)],
                "type": "routine",
                "op": "put",
                "updated_at": now + i,
                "data": routine(f"Edited {i}"),
            }
            for i in range(changed)
        ]
        response = client.post(
            "/api/v1/sync/push", json={"device_id": "bench-device", "changes": changes}, headers={"X-CSRFToken": token}
        )
        assert response.status_code == 200, response.get_data(as_text=True)
        url = f"/api/v1/sync/pull?since={cursor}"
        for _ in range(5):  # warm up: connection pool, first-request work
            client.get(url)
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200 and len(response.get_json()["changes"]) == changed
        full = []
        for _ in range(10):
            started = time.perf_counter()
            response = client.get("/api/v1/sync/pull?since=0&limit=500")
            full.append((time.perf_counter() - started) * 1000)
        first_page = len(response.get_json()["changes"])
        figures[size] = statistics.median(timings)
        print(
            f"  {size:>6} records: pull since cursor {statistics.median(timings):6.2f} ms median "
            f"(p95 {percentile(timings, 0.95):.2f} ms); for scale, since 0 (limit 500, {first_page} changes): "
            f"{statistics.median(full):.2f} ms"
        )
        for line in explain_pull(app, client, url):
            print(f"           plan: {line}")
    small, large = figures[sizes[0]], figures[sizes[-1]]
    print(f"  ratio {sizes[-1]}/{sizes[0]} records: {large / small:.2f}x (flat = cost follows the changes)")
    with app.app_context():
        sqla.session.remove()
        sqla.engine.dispose()
    return figures


# --- (b) Push under load ------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bare_app():
    """The ceiling: Flask reading and parsing a push's body and answering JSON, nothing else."""
    from flask import Flask, jsonify, request

    app = Flask("bare")

    @app.post("/api/v1/sync/push")
    def push():
        payload = json.loads(request.get_data(cache=False))
        return jsonify({"results": [], "cursor": str(len(payload["changes"]))})

    return app


def combined_app():
    """What gunicorn serves here: the app, and the bare endpoint under /bare (same workers)."""
    from werkzeug.middleware.dispatcher import DispatcherMiddleware

    from wsgi import app

    return DispatcherMiddleware(app, {"/bare": bare_app()})


class Gunicorn:
    def __init__(self, db, workers):
        self.db, self.workers, self.port = db, workers, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = Path(db.tmp.name) / "gunicorn.log"

    def __enter__(self):
        self.logfile = self.log.open("w")
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "-w",
                str(self.workers),
                "-b",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "60",
                "--pythonpath",
                str(ROOT / "bench"),
                "sync:combined_app()",
            ],
            cwd=ROOT,
            env=server_env(self.db),
            stdout=self.logfile,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.base + "/api/v1/session", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within 30 s:\n{self.log.read_text()[-3000:]}")

    def __exit__(self, *exc):
        # Only the master this script started; it stops its own workers.
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.logfile.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Account:
    """One signed-in person: a cookie jar, the CSRF token, a device id."""

    def __init__(self, base, email, index):
        self.base, self.email = base, email
        self.device = f"bench-device-{index:03d}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def sign_in(self):
        with self.opener.open(self.base + "/account/signin", timeout=30) as response:
            html = response.read().decode()
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
        form = urllib.parse.urlencode({"csrf_token": token, "email": self.email, "password": PASSWORD}).encode()
        try:
            self.opener.open(self.base + "/account/signin", data=form, timeout=30)
            raise RuntimeError(f"sign-in of {self.email} did not redirect")
        except urllib.error.HTTPError as exc:  # the 302 after signing in, not followed
            if exc.code != 302:
                raise RuntimeError(f"sign-in of {self.email} answered {exc.code}") from None
            exc.close()
        # The page signing in lands on shows the one-time "You're signed in" notice and deletes its
        # cookie (static/js/lib/notice.js): a browser then sends only the session's cookies, and
        # so does this client (each extra cookie costs the client, whose CPU bounds the bare phase).
        from webapp.auth.views import NOTICE_COOKIE

        for cookie in [c for c in self.jar if c.name == NOTICE_COOKIE]:
            self.jar.clear(cookie.domain, cookie.path, cookie.name)
        with self.opener.open(self.base + "/api/v1/session", timeout=30) as response:
            session = json.loads(response.read())
        assert session["authenticated"], f"{self.email} is not signed in"
        self.token = session["csrf_token"]

    def body(self, batch_size):
        now = int(time.time() * 1000)
        changes = [
            {"id": uuid7(), "type": "routine", "op": "put", "updated_at": now, "data": routine(f"Bench {i}")}
            for i in range(batch_size)
        ]
        return json.dumps({"device_id": self.device, "changes": changes}).encode()

    def push(self, batch_size, path="/api/v1/sync/push"):
        request = urllib.request.Request(
            self.base + path,
            data=self.body(batch_size),
            method="POST",
            headers={"Content-Type": "application/json", "X-CSRFToken": self.token},
        )
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=60) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as exc:
            exc.read()
            status = exc.code
            exc.close()
        except OSError as exc:
            status = f"{type(exc).__name__}"
        return status, (time.perf_counter() - started) * 1000


TARGETS = {"push": "/api/v1/sync/push", "bare": "/bare/api/v1/sync/push"}


def cpu_seconds(server_pid):
    """CPU seconds used so far by the server (gunicorn's master and workers), PostgreSQL's
    backends of the bench database, and this process (the clients), read from /proc; None where
    /proc can't tell (not Linux)."""
    if not Path("/proc/self/stat").exists():
        return None
    tick = os.sysconf("SC_CLK_TCK")
    used = {"server": 0.0, "postgres": 0.0, "client": sum(os.times()[:2])}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        seconds = (int(fields[11]) + int(fields[12])) / tick
        if int(proc.name) == server_pid or int(fields[1]) == server_pid:  # the master or a worker
            used["server"] += seconds
        elif command.startswith("postgres:") and PG_DATABASE in command:
            used["postgres"] += seconds
    return used


def load_phase(accounts, clients, seconds, batch_size, path):
    """`clients` threads sending batches to `path` for `seconds`; [(status, ms)] and the time taken."""
    idle = queue.Queue()
    for account in accounts:
        idle.put(account)
    results, lock = [], threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client():
        mine = []
        while time.perf_counter() < stop_at:
            account = idle.get()  # one request per account at a time, as one device would
            try:
                mine.append(account.push(batch_size, path))
            finally:
                idle.put(account)
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    begun = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - begun


def push_load(db, users, clients, seconds, batch_size, workers, rounds=3):
    print(
        f"\n[{db.kind}] (b) push vs bare Flask: gunicorn -w {workers}, {users} accounts, {clients} concurrent "
        f"clients, batches of {batch_size} new records, {rounds} x ({seconds:g} s push, {seconds:g} s bare), "
        "alternating"
    )
    flask(db, "db", "upgrade")
    flask(db, "content", "load")
    app = make_app(db)
    emails = [f"load-{i:03d}@bench.example" for i in range(users)]
    create_users(app, emails)
    from webapp.extensions import db as sqla
    from webapp.sync.models import SyncRecord

    with app.app_context():
        sqla.engine.dispose()

    results = {name: [] for name in TARGETS}
    elapsed = dict.fromkeys(TARGETS, 0.0)
    cpu = {name: Counter() for name in TARGETS}
    with Gunicorn(db, workers) as server:
        accounts = [Account(server.base, email, i) for i, email in enumerate(emails)]
        started = time.perf_counter()
        for account in accounts:
            account.sign_in()
        print(f"  {users} accounts signed in over HTTP in {time.perf_counter() - started:.1f} s")
        for path in TARGETS.values():  # warm up both: imports, connections, first requests
            load_phase(accounts, clients, 1, batch_size, path)
        if db.kind == "postgres":
            # Statistics as a table in use has them (autovacuum's ANALYZE): plans that psycopg
            # prepares while the table is brand new would otherwise assume it is empty.
            with app.app_context():
                sqla.session.execute(sqla.text("ANALYZE"))
                sqla.session.commit()
        with app.app_context():
            warm = sqla.session.scalar(sqla.select(sqla.func.count()).select_from(SyncRecord))
        for round_number in range(1, rounds + 1):
            figures = []
            for name, path in TARGETS.items():
                before = cpu_seconds(server.process.pid)
                phase, took = load_phase(accounts, clients, seconds, batch_size, path)
                after = cpu_seconds(server.process.pid)
                if before and after:
                    for part in after:
                        cpu[name][part] += after[part] - before[part]
                results[name].extend(phase)
                elapsed[name] += took
                figures.append(f"{name} {len(phase) / took:.0f}/s")
            print(f"  round {round_number}: " + ", ".join(figures))

    with app.app_context():
        stored = sqla.session.scalar(sqla.select(sqla.func.count()).select_from(SyncRecord)) - warm
        sqla.session.remove()
        sqla.engine.dispose()
    summary = {}
    for name in TARGETS:
        done = results[name]
        ok = [ms for status, ms in done if status == 200]
        errors = dict(Counter(status for status, _ in done if status != 200))
        summary[name] = {
            "rps": len(done) / elapsed[name],
            "p50": percentile(ok, 0.50) if ok else None,
            "p95": percentile(ok, 0.95) if ok else None,
            "p99": percentile(ok, 0.99) if ok else None,
            "ok": len(ok),
            "errors": errors,
        }
        line = f"  {name:>4}: {len(done)} requests in {elapsed[name]:.1f} s, {summary[name]['rps']:.0f} requests/s"
        if ok:
            line += (
                f"; latency of 200s p50 {summary[name]['p50']:.0f} ms, p95 {summary[name]['p95']:.0f} ms, "
                f"p99 {summary[name]['p99']:.0f} ms"
            )
        print(line + f"; not 200: {errors or 'none'}")
    share = summary["push"]["rps"] / summary["bare"]["rps"] if summary["bare"]["rps"] else 0
    print(f"  push at {share:.0%} of the bare-Flask ceiling measured in this run")
    for name in TARGETS:
        count = len(results[name])
        if cpu[name] and count:
            parts = ", ".join(
                f"{part} {cpu[name][part] / count * 1000:.2f}" for part in ("server", "postgres", "client")
            )
            busy = sum(cpu[name].values()) / elapsed[name]
            summary[name]["cpu_ms"] = {part: cpu[name][part] / count * 1000 for part in cpu[name]}
            print(f"  {name:>4}: CPU ms per request: {parts}; {busy:.2f} of {os.cpu_count()} cores busy")
    if all("cpu_ms" in summary[name] for name in TARGETS):
        # The clients run here too: where the bare phase keeps them busier than the server, it
        # measures what this client can send, and the share above flatters the push.
        push_cpu = summary["push"]["cpu_ms"]["server"] + summary["push"]["cpu_ms"]["postgres"]
        print(
            f"  server CPU per push {push_cpu:.2f} ms against {summary['bare']['cpu_ms']['server']:.2f} ms per bare "
            f"request ({summary['bare']['cpu_ms']['server'] / push_cpu:.0%}); the clients' own "
            f"{summary['bare']['cpu_ms']['client']:.2f} ms per bare request"
        )
    expected = summary["push"]["ok"] * batch_size
    print(f"  records stored by the measured pushes: {stored} (expected {expected})")
    if any(summary[name]["errors"] for name in TARGETS):
        log = (Path(db.tmp.name) / "gunicorn.log").read_text()
        print("  gunicorn log (end):\n" + "\n".join("    " + line for line in log.splitlines()[-20:]))
    return summary


def postgres_reachable(pg_url):
    try:
        psycopg.connect(f"{pg_url.rstrip('/')}/postgres", connect_timeout=3).close()
    except psycopg.Error:
        return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--part", choices=["pull", "push", "both"], default="both")
    parser.add_argument("--seconds", type=float, default=5, help="length of each phase")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3, help="alternating push/bare phases")
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("BENCH_POSTGRES_URL", PG_DEFAULT),
        help="server URL of a role that may own databases (no database name)",
    )
    parser.add_argument("--pg-admin", default="psql", help="psql command run as the postgres system user")
    args = parser.parse_args()

    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    if args.db == "both" and not postgres_reachable(args.pg_url):
        # `make bench` runs this on any machine; PostgreSQL is measured where one is running.
        print(f"PostgreSQL not reachable at {args.pg_url}: measuring SQLite only (start it, or pass --db sqlite)")
        kinds = ["sqlite"]
    for kind in kinds:
        if args.part in ("pull", "both"):
            with Database(kind, args.pg_url, args.pg_admin) as db:
                pull_scaling(db)
        if args.part in ("push", "both"):
            with Database(kind, args.pg_url, args.pg_admin) as db:
                push_load(db, args.users, args.clients, args.seconds, args.batch, args.workers, args.rounds)


if __name__ == "__main__":
    main()
