"""Issue 15: Lighthouse mobile performance of seven pages, served as in production.

gunicorn serves the app with production settings (pre-built bundles and their brotli/gzip copies,
WhiteNoise for /static) on a fresh SQLite database with the content loaded. Lighthouse 12 then
measures each page with its mobile defaults (simulated slow 4G, 4x CPU slowdown, a phone screen),
`--runs` times (default 3), on a device that already passed the safety check; caches and the
service worker are cleared before every run (bench/lighthouse/run.js says why). Twice by default
(`--protocol`): over HTTP/1.1 straight to gunicorn (at most six connections, so many small files
queue), and through an HTTPS front speaking HTTP/2 (bench/lighthouse/h2front.js), as production
runs behind nginx. Printed per page: the median performance score, the median of each metric, and
the page's transfer size. The JSON reports go to bench/lighthouse/reports/ (git-ignored).

Run: `make bench`, or `.venv/bin/python bench/lighthouse.py [--runs N] [--only home,card]` after
`make setup`. Lighthouse itself is installed on demand into bench/lighthouse/node_modules (kept
out of the root package.json, so CI never downloads it). Not a test: it prints figures.
"""

import argparse
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.kit import CHROMIUM_ARGS, bundle_testkit  # noqa: E402

HERE = ROOT / "bench" / "lighthouse"
REPORTS = HERE / "reports"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", *CHROMIUM_ARGS]
AUDITS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}


def pages(card, routine):
    return [
        ("home", "/"),
        ("card list", "/techniques/"),
        ("card", f"/techniques/{card}"),
        ("routines", "/routines/"),
        ("player", f"/play?routine={routine}"),
        ("log", "/log/"),
        ("insights", "/insights/"),
    ]


def server_env(tmp):
    env = {k: v for k, v in os.environ.items() if k not in ("CLINIC_NAME", "CLINIC_BOOKING_URL", "MAIL_SERVER")}
    env.update(
        {
            "FLASK_APP": "wsgi",
            "RELIEVE_ENV": "production",
            "DATABASE_URL": f"sqlite:///{tmp}/bench.db",
            "RELIEVE_INSTANCE_PATH": f"{tmp}/instance",
            "SECRET_KEY": "lighthouse-bench",
            # Plain HTTP on 127.0.0.1 here; production runs behind HTTPS.
            "SESSION_COOKIE_SECURE": "false",
        }
    )
    return env


def flask(root, env, *args):
    subprocess.run([sys.executable, "-m", "flask", *args], cwd=root, env=env, check=True, stdout=subprocess.DEVNULL)


def first_slugs(env):
    """A technique card and a built-in routine to measure (the first of each in the catalogue)."""
    with urllib.request.urlopen(env["BASE"] + "/catalog.json", timeout=10) as response:
        data = json.load(response)
    return next(iter(data["techniques"])), data["routines"][0]["id"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn -w 2 on a free port (this machine has two cores)."""

    def __init__(self, root, env, port):
        self.root, self.env, self.port, self.base = root, env, port, f"http://127.0.0.1:{port}"
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        self.args = [gunicorn, "-w", "2", "-b", f"127.0.0.1:{port}", "wsgi:app"]

    def __enter__(self):
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            self.args, cwd=self.root, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                urllib.request.urlopen(self.base + "/", timeout=2).close()
                return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        self.log.seek(0)
        raise RuntimeError("gunicorn did not start:\n" + self.log.read().decode()[-3000:])

    def __exit__(self, *exc):
        # Only the master this script started; it stops its own workers.
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
        self.log.close()


class Http2Front:
    """HTTPS with HTTP/2 in front of gunicorn (bench/lighthouse/h2front.js), as nginx is in
    production; a throwaway self-signed certificate, which this Chromium is told to accept."""

    def __init__(self, tmp, upstream):
        self.tmp, self.upstream, self.port = Path(tmp), upstream, free_port()
        self.base = f"https://127.0.0.1:{self.port}"

    def __enter__(self):
        cert, key = self.tmp / "cert.pem", self.tmp / "key.pem"
        request = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        subprocess.run(
            [*request, "-keyout", str(key), "-out", str(cert)],
            check=True,
            capture_output=True,
        )
        self.process = subprocess.Popen(
            ["node", str(HERE / "h2front.js"), str(self.port), str(self.upstream), str(cert), str(key)],
            stdout=subprocess.PIPE,
            text=True,
        )
        if self.process.stdout.readline().strip() != "ready":
            raise RuntimeError("the HTTP/2 front did not start")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)


def install_lighthouse():
    if not (HERE / "node_modules" / "lighthouse").exists():
        print("Installing Lighthouse into bench/lighthouse/node_modules (npm ci)…", flush=True)
        subprocess.run(["npm", "ci", "--prefix", str(HERE), "--no-audit", "--no-fund", "--loglevel=error"], check=True)


def figures(report):
    if report.get("runtimeError"):
        return {"error": report["runtimeError"]["message"]}
    audits = report["audits"]
    row = {"score": round(report["categories"]["performance"]["score"] * 100)}
    for name, audit in AUDITS.items():
        row[name] = audits[audit]["numericValue"]
    row["KB"] = audits["total-byte-weight"]["numericValue"] / 1024
    row["LCP element"] = next(
        (
            item["items"][0]["node"].get("selector", "")
            for item in audits.get("largest-contentful-paint-element", {}).get("details", {}).get("items", [])
            if item.get("items") and "node" in item["items"][0]
        ),
        "",
    )
    row["warnings"] = report.get("runWarnings", [])
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help="comma-separated page names, e.g. home,player")
    # Another version of the app (e.g. one unpacked with `git archive`, after its `make setup`).
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--port", type=int, default=0, help="default: a free one")
    parser.add_argument("--out", type=Path, default=REPORTS, help="folder for the JSON reports")
    parser.add_argument(
        "--protocol",
        choices=("h1", "h2", "both"),
        default="both",
        help="h1: HTTP/1.1 straight to gunicorn; h2: through an HTTPS front speaking HTTP/2, as behind nginx",
    )
    args = parser.parse_args()
    root = args.root.resolve()
    if not Path(CHROMIUM).exists():
        print(f"Lighthouse skipped: no Chromium at {CHROMIUM} (set CHROME_PATH)")
        return
    install_lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        env = server_env(tmp)
        flask(root, env, "db", "upgrade")
        flask(root, env, "content", "load")
        with contextlib.ExitStack() as stack:
            server = stack.enter_context(Gunicorn(root, env, args.port or free_port()))
            env["BASE"] = server.base
            card, routine = first_slugs(env)
            chosen = pages(card, routine)
            if args.only:
                wanted = args.only.split(",")
                chosen = [p for p in chosen if p[0] in wanted]
            seed = bundle_testkit(root)
            for protocol in ("h1", "h2") if args.protocol == "both" else (args.protocol,):
                base, flags = server.base, FLAGS
                if protocol == "h2":
                    base = stack.enter_context(Http2Front(tmp, server.port)).base
                    flags = [*FLAGS, "--ignore-certificate-errors"]
                out = args.out / protocol
                out.mkdir(parents=True, exist_ok=True)
                job = {"base": base, "chrome": CHROMIUM, "flags": flags, "runs": args.runs, "seed": seed}
                job |= {"pages": [{"name": n, "path": p} for n, p in chosen], "outdir": str(out.resolve())}
                report(protocol, chosen, lighthouse(job), args.runs, out)


def lighthouse(job):
    """Runs bench/lighthouse/run.js over the job; the figures of each run, by page name."""
    runs = {}
    process = subprocess.Popen(
        ["node", str(HERE / "run.js")], cwd=HERE, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    process.stdin.write(json.dumps(job))
    process.stdin.close()
    for line in process.stdout:
        done = json.loads(line)
        runs.setdefault(done["name"], []).append(figures(json.loads(Path(done["file"]).read_text())))
    if process.wait() != 0:
        raise SystemExit(f"Lighthouse failed (exit {process.returncode})")
    return runs


def report(protocol, chosen, runs, count, out):
    how = "HTTP/2 over TLS through a front" if protocol == "h2" else "HTTP/1.1 straight to gunicorn"
    print(f"Lighthouse 12 mobile performance, {how}: median of {count} run(s) (reports: {out}):")
    head = ("FCP ms", "LCP ms", "TBT ms", "CLS", "SI ms")
    print(f"  {'page':10} {'score':>5} " + " ".join(f"{h:>7}" for h in head) + f" {'KB':>6}  scores")
    for name, path in chosen:
        for failed in {r["error"] for r in runs[name] if "error" in r}:
            print(f"  {name:10} a run failed: {failed}")
        rows = sorted((r for r in runs[name] if "error" not in r), key=lambda r: r["score"])
        if not rows:
            continue
        mid = rows[len(rows) // 2]
        med = {k: statistics.median(r[k] for r in rows) for k in ("FCP", "LCP", "TBT", "CLS", "SI", "KB")}
        print(
            f"  {name:10} {mid['score']:5} {med['FCP']:7.0f} {med['LCP']:7.0f} {med['TBT']:7.0f} "
            f"{med['CLS']:7.3f} {med['SI']:7.0f} {med['KB']:6.1f}  {[r['score'] for r in rows]}  {path}"
        )
        for warning in {w for r in rows for w in r["warnings"]}:
            print(f"      warning: {warning}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
