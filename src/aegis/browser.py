"""Headless Chromium for checking pages we generate (dbt docs, the observability report).

Chromium is Debian's `chromium` package (`make chromium` installs it). A page is served from a folder on
127.0.0.1 (dbt docs fetch their JSON, which `file://` forbids), rendered once for its DOM after scripts ran
and once for a screenshot. Everything the page writes to the console is collected: our pages write nothing,
so any console line (an uncaught error, a failed resource load) is a finding.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# The flags that keep Chromium off a closed network (background services otherwise retry for ever) and
# runnable as root in a container without a sandbox.
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
)
_CONSOLE_LINE = re.compile(r":INFO:CONSOLE[^\]]*\]\s*(?P<message>.*)$")


class ChromiumMissing(RuntimeError):
    """Debian's chromium is not installed."""


@dataclass(frozen=True)
class RenderedPage:
    dom: str
    console: list[str]
    screenshot: Path


def chromium_path() -> str:
    """Debian's chromium, or the browser AEGIS_CHROMIUM names (GitHub's Ubuntu runners ship google-chrome)."""
    named = os.environ.get("AEGIS_CHROMIUM")
    found = shutil.which(named) if named else shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise ChromiumMissing(
            f"{named or 'chromium'} is not installed: run `make chromium` (Debian's chromium package)"
        )
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the test output stays readable
        return


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _run(args: list[str], timeout_s: float) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="aegis-chromium-") as profile:
        command = [chromium_path(), *_FLAGS, f"--user-data-dir={profile}", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)


def _console_lines(stderr: str) -> list[str]:
    return [m.group("message") for line in stderr.splitlines() if (m := _CONSOLE_LINE.search(line))]


def render(
    url: str,
    screenshot: Path,
    *,
    window: tuple[int, int] = (1400, 1000),
    script_budget_ms: int = 15000,
    timeout_s: float = 120.0,
) -> RenderedPage:
    """The DOM after scripts ran, the console output, and a PNG screenshot of `url`."""
    common = [f"--window-size={window[0]},{window[1]}", f"--virtual-time-budget={script_budget_ms}"]
    dumped = _run([*common, "--dump-dom", url], timeout_s)
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    shot = _run([*common, f"--screenshot={screenshot}", url], timeout_s)
    if not screenshot.exists():
        raise RuntimeError(f"chromium wrote no screenshot of {url} (exit {shot.returncode})")
    return RenderedPage(
        dom=dumped.stdout,
        console=_console_lines(dumped.stderr) + _console_lines(shot.stderr),
        screenshot=screenshot,
    )


def distinct_colours(png: Path, sample_step: int = 4) -> int:
    """How many distinct colours a screenshot holds (sampled): 1-2 means a blank page."""
    from PIL import Image

    with Image.open(png) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        pixels = {
            rgb.getpixel((x, y)) for x in range(0, width, sample_step) for y in range(0, height, sample_step)
        }
    return len(pixels)
