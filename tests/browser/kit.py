"""What a browser run needs, shared by the browser tests (tests/browser/conftest.py) and the
benches that drive Chromium (bench/): the flags that keep Debian's Chromium quiet here
(../shared/TESTING.md), the app's own modules bundled as `window.Relieve` to seed a device, and
the seeding snippets both count with."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Without the networking flags Chromium keeps trying to reach hosts it cannot reach.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# `n` routines saved on the device as a person would (each queued for sync); their ids.
SEED_ROUTINES = """async (n) => {
  for (let i = 0; i < n; i += 1) {
    await Relieve.records.save('routine', { id: Relieve.uuid7(), name: `Local ${i}`,
      steps: [{ technique: 'pelvic-tilt', reps: 8, sides: 'none', rest: 10 }] });
  }
  return (await Relieve.store.all('routines')).map((r) => r.id);
}"""


def bundle_testkit(root=ROOT):
    """tests/browser/testkit.js of the checkout at `root` (a bench may measure another version)
    bundled into one classic script that sets window.Relieve, by this checkout's esbuild."""
    result = subprocess.run(
        [
            str(ROOT / "node_modules" / ".bin" / "esbuild"),
            "tests/browser/testkit.js",
            "--bundle",
            "--format=iife",
            "--global-name=Relieve",
            "--log-level=warning",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    # Playwright may wrap an init script in a function, where `var Relieve` would stay local.
    return result.stdout + "\nglobalThis.Relieve = Relieve;\n"
