"""Fixtures and helpers for the browser tests.

The tests drive Debian's Chromium through Selenium against a real `lots serve --demo`
process, and check every page with axe-core. Set LOTS_BASE_URL to test a server that is
already running instead (nothing is started then).
"""

from __future__ import annotations

import http.cookiejar
import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parents[1]
ARTIFACTS = E2E_DIR / "artifacts"

# A debug build creating and seeding the demo database on a busy 2-core CI machine is slow.
STARTUP_TIMEOUT_S = 120
# Set once this run has copied the server's log to ARTIFACTS (see pytest_terminal_summary).
_server_log: Path | None = None
# The WCAG levels the app promises; best-practice rules are left out on purpose so that a
# failure always points at a WCAG success criterion.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# --------------------------------------------------------------------------- server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, lines: int = 50) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError as e:
        return f"(could not read {path}: {e})"


def _health_ok(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(base_url + "/health", timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _stop(proc: subprocess.Popen) -> None:
    # Signal the whole process group: LOTS_BIN may be a wrapper script whose children would
    # otherwise outlive the test run and keep the port.
    def signal_group(sig: int) -> None:
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass

    signal_group(signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    signal_group(signal.SIGKILL)  # stragglers, or a server that ignored SIGTERM
    proc.wait(timeout=5)


@pytest.fixture(scope="session")
def server():
    """Base URL (no trailing slash) of a running Lots server with fresh demo data."""
    external = os.environ.get("LOTS_BASE_URL")
    if external:
        yield external.rstrip("/")
        return

    binary = Path(os.environ.get("LOTS_BIN", ".build/debug/lots"))
    if not binary.is_absolute():
        binary = REPO_ROOT / binary
    if not binary.exists():
        pytest.fail(f"{binary} does not exist: build it first (swift build), or set LOTS_BIN",
                    pytrace=False)

    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    # A fresh data dir per session, so --demo seeds a new database and runs never share state.
    data_dir = Path(tempfile.mkdtemp(prefix="lots-e2e-"))
    log_path = data_dir / "server.log"
    env = dict(os.environ, LOTS_DATA_DIR=str(data_dir), LOTS_ENV="development")
    cmd = [str(binary), "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(port)]

    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
    problem = None
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while problem is None and not _health_ok(base_url):
        if proc.poll() is not None:
            problem = f"server exited with code {proc.returncode}"
        elif time.monotonic() > deadline:
            problem = f"GET /health did not answer 200 within {STARTUP_TIMEOUT_S} s"
        else:
            time.sleep(0.5)
    if problem is not None:
        _stop(proc)
        pytest.fail(
            f"Could not start {' '.join(cmd)}: {problem}\n"
            f"--- last 50 lines of server output ({log_path}) ---\n{_tail(log_path)}",
            pytrace=False,
        )

    try:
        yield base_url
    finally:
        _stop(proc)
        # Keep the server's log next to the screenshots: it is the first thing to read
        # when a page failed in CI.
        global _server_log
        ARTIFACTS.mkdir(exist_ok=True)
        _server_log = Path(shutil.copy(log_path, ARTIFACTS / "server.log"))
        shutil.rmtree(data_dir, ignore_errors=True)


def pytest_terminal_summary(terminalreporter, exitstatus):
    # CI keeps only the console output, so show what the server said when something failed.
    if exitstatus != 0 and _server_log is not None:
        terminalreporter.section("last 50 lines of server output")
        terminalreporter.write_line(_tail(_server_log))


# --------------------------------------------------------------------------- browser


@pytest.fixture
def driver(request):
    """A fresh headless Chromium per test, so cookies (language, session) never leak between tests."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(arg)
    # Console messages are only readable through the log API when asked for up front.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    drv = webdriver.Chrome(options=options, service=service)
    drv.set_page_load_timeout(30)
    drv.set_script_timeout(60)  # axe on a long page can take a few seconds on a busy CI core
    try:
        yield drv
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            save_artifacts(drv, request.node.name)
        drv.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Expose the test outcome to fixtures, so `driver` can take a screenshot on failure.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def save_artifacts(driver, name: str) -> Path:
    """Save a screenshot and the DOM of the current page under Tests/e2e/artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_")[:120] or "page"
    png = ARTIFACTS / f"{stem}.png"
    try:
        driver.save_screenshot(str(png))
        (ARTIFACTS / f"{stem}.html").write_text(driver.page_source)
    except Exception as e:  # a crashed browser must not hide the real test failure
        print(f"could not save artifacts for {name}: {e}")
    return png


# --------------------------------------------------------------------------- axe


@lru_cache(maxsize=1)
def axe_source() -> str:
    """axe.min.js as bundled by axe-playwright-python (or the file named by AXE_JS)."""
    override = os.environ.get("AXE_JS")
    if override:
        return Path(override).read_text()
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        raise RuntimeError(
            "axe-playwright-python is not installed: "
            "pip install --no-deps -r Tests/e2e/requirements-nodeps.txt"
        )
    return (Path(spec.origin).parent / "axe.min.js").read_text()


def axe_version() -> str:
    m = re.match(r"/\*! axe v(\S+)", axe_source())
    return m.group(1) if m else "unknown"


_AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {
    runOnly: {type: 'tag', values: arguments[0]},
    resultTypes: ['violations'],
}).then(
    r => done({violations: r.violations}),
    e => done({error: String(e && e.stack || e)}),
);
"""


def run_axe(driver) -> list[dict]:
    """Run axe-core on the current page; returns its violations (empty list when clean)."""
    # Inject into every new document: a navigation discards the previous window.axe.
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe_source())
    result = driver.execute_async_script(_AXE_RUN, AXE_TAGS)
    if "error" in result:
        raise RuntimeError(f"axe.run failed on {driver.current_url}: {result['error']}")
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    """Readable multi-line summary: one block per rule, one line per offending element."""
    out = []
    for v in violations:
        out.append(f"[{v.get('impact') or '-'}] {v['id']}: {v['help']} ({v.get('helpUrl', '')})")
        for node in v.get("nodes", [])[:10]:
            target = " ".join(
                " >> ".join(t) if isinstance(t, list) else str(t) for t in node.get("target", [])
            )
            out.append(f"    at {target}")
        if len(v.get("nodes", [])) > 10:
            out.append(f"    ... and {len(v['nodes']) - 10} more elements")
    return "\n".join(out)


# --------------------------------------------------------------------------- console


def console_errors(driver, ignore: tuple[str, ...] = ()) -> list[str]:
    """SEVERE browser-console entries since the last call (the log is drained on read).

    Nothing is ignored by default, a missing favicon included: it is a real 404 the app
    should not produce. `ignore` takes substrings for the rare expected message, such as
    the failed load of a page that is meant to 404.
    """
    messages = []
    for entry in driver.get_log("browser"):
        if entry.get("level") != "SEVERE":
            continue
        message = entry.get("message", "")
        if any(s in message for s in ignore):
            continue
        messages.append(message)
    return messages


# --------------------------------------------------------------------------- plain HTTP


@dataclass
class HttpResult:
    status: int
    content_type: str
    url: str


def http_get(url: str, driver=None) -> HttpResult:
    """GET a URL outside the browser, with the browser's cookies, for its status and type.

    Selenium cannot see HTTP status codes, and the browser would download rather than show
    a non-HTML response, so the crawler asks first.
    """
    request = urllib.request.Request(url, headers={"Accept": "text/html,*/*;q=0.8"})
    if driver is not None:
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        if cookies:
            request.add_header("Cookie", cookies)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    try:
        with opener.open(request, timeout=30) as r:
            return HttpResult(r.status, r.headers.get("Content-Type", ""), r.url)
    except urllib.error.HTTPError as e:
        return HttpResult(e.code, e.headers.get("Content-Type", ""), url)
