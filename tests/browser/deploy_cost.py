"""What a deploy costs, seen from the server: the requests a browser makes of it (the HTTP cache
and the service worker's caches answer the rest), and a wait for the new service worker to have
installed. Shared by tests/browser/test_deploy_update.py and bench/serving.py, so the test and
the figures count the same way."""

from contextlib import contextmanager


class Recorder:
    """WSGI middleware that notes each request the browser makes of the server: URL, status and
    bytes (0 when the answer has no Content-Length, as a 304 has none)."""

    def __init__(self, application):
        self.application = application
        self.log = []

    def __call__(self, environ, start_response):
        if "werkzeug.socket" not in environ:
            # Not from the browser: the server rendering pages for their revisions (/sw.js).
            return self.application(environ, start_response)
        url = environ.get("PATH_INFO", "") + ("?" + environ["QUERY_STRING"] if environ.get("QUERY_STRING") else "")

        def noting(status, headers, exc_info=None):
            length = next((int(v) for k, v in headers if k.lower() == "content-length"), 0)
            self.log.append((url, int(status[:3]), length))
            return start_response(status, headers, exc_info)

        return self.application(environ, noting)


@contextmanager
def recording(app):
    """Notes what reaches the app while the block runs; the app is put back as it was after."""
    recorder = Recorder(app.wsgi_app)
    app.wsgi_app = recorder
    try:
        yield recorder
    finally:
        app.wsgi_app = recorder.application


# Fails rather than hangs when there is no new worker or its install fails.
WAIT_FOR_WAITING = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update();
  const worker = registration.installing || registration.waiting;
  if (!worker) throw new Error('no new service worker');
  if (worker.state !== 'installed') {
    await new Promise((resolve, reject) => worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') resolve();
      if (worker.state === 'redundant') reject(new Error('the install failed'));
    }));
  }
}"""
