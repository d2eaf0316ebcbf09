"""Browser harness: a real ``streamlit run serve.py`` server, and a smoke walk over its pages.

Used by the e2e tests (``tests/e2e``) and by the browser part of ``bench/bench.py``. Nothing here
sleeps for a fixed time: every wait is on a condition, either in the page (Streamlit's
``data-test-script-state`` and connection state, no status widget, drawn plotly charts) or in
Streamlit's websocket (the ``script_finished`` message that ends every run).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from google.protobuf.message import DecodeError
from playwright.sync_api import Browser, BrowserContext, Locator, Page, WebSocket, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from monitor.domain import Rol
from monitor.opmaak.tekst import RUWE_KOP
from monitor.ui.navigation import paginas_voor

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DEMO_BANNER = "Demodata — gesimuleerde antwoorden"
REFUSAL = "Geen toegang"
TIMEOUT_MS = 60_000  # generous: a cold page on 2 busy cores can take several seconds
VIEWPORT = {"width": 1280, "height": 900}

# Elements that show data: none of them may appear in the main area of a refused page.
DATA_TEST_IDS = ("stPlotlyChart", "stDataFrame", "stTable", "stMetric", "stDownloadButton")


class PaginaLike(Protocol):
    """What the harness needs of ``monitor.ui.navigation.Pagina``."""

    pad: str
    url_pad: str
    titel: str
    rollen: frozenset[str]


# --------------------------------------------------------------------------------------------
# Database and server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def prepare_demo_database(path: Path, *, rondes: int | None = None, cwd: Path = ROOT) -> Path:
    """``python -m monitor init`` then ``python -m monitor demo`` into the SQLite file ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DATABASE_URL": sqlite_url(path), "MONITOR_DEMO": "1"}
    demo = ["demo"] if rondes is None else ["demo", "--rondes", str(rondes)]
    for args in (["init"], demo):
        done = subprocess.run(
            [sys.executable, "-m", "monitor", *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"`python -m monitor {' '.join(args)}` failed ({done.returncode}):\n"
                f"{done.stdout}\n{done.stderr}"
            )
    return path


def copy_sqlite(source: Path, target: Path) -> Path:
    """Copy a closed SQLite database file (the CLI has checkpointed its WAL on exit)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


@contextmanager
def demo_server(template: Path, tmp: Path) -> Iterator[tuple[AppServer, str]]:
    """A running app on its own copy of the demo database in ``tmp``, for a test that writes;
    yields the server and the database URL (to check what was stored)."""
    db = copy_sqlite(template, tmp / "monitor.db")
    server = AppServer(
        env={"DATABASE_URL": sqlite_url(db), "MONITOR_DEMO": "1"}, log_path=tmp / "streamlit.log"
    )
    server.start()
    try:
        yield server, sqlite_url(db)
    finally:
        server.stop()


@dataclass
class AppServer:
    """``streamlit run <script>`` on a free port; stop() ends it (and only it)."""

    script: str = "serve.py"
    cwd: Path = ROOT
    env: dict[str, str] = field(default_factory=dict)
    log_path: Path | None = None
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    page_requests: list[str] = field(default_factory=list)  # paths opened by the harness

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> AppServer:
        self.port = self.port or free_port()
        log_path = self.log_path or Path(self.cwd) / f"streamlit-{self.port}.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self.log_path = log_path
        # A file, not a pipe: a full pipe would block the server.
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    self.script,
                    "--server.headless=true",
                    f"--server.port={self.port}",
                    "--server.address=127.0.0.1",
                    "--server.fileWatcherType=none",
                    "--server.runOnSave=false",
                    "--browser.gatherUsageStats=false",
                ],
                cwd=self.cwd,
                env={**os.environ, **self.env},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"streamlit not healthy after {timeout:.0f} s:\n{self.log()}")
            time.sleep(0.05)  # polling interval of the health check, not a wait for the page

    def log(self) -> str:
        if self.log_path and self.log_path.exists():
            return self.log_path.read_text(errors="replace")[-5000:]
        return ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


# --------------------------------------------------------------------------------------------
# Waiting for Streamlit

_APP_IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]');
}"""

# Idle in three animation frames in a row: the frontend has applied what it received.
_APP_SETTLED = (
    "() => { const idle = ("
    + _APP_IDLE
    + """)();
  window.__stIdleFrames = idle ? (window.__stIdleFrames || 0) + 1 : 0;
  return window.__stIdleFrames >= 3;
}"""
)

# Every visible plotly chart has been drawn by plotly.js, and no loading skeleton is left.
_CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
  .filter((el) => el.getClientRects().length > 0)
  .every((el) => el.querySelector('.js-plotly-plot .main-svg'))
  && !document.querySelector('[data-testid="stSkeleton"]')"""

_FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)
_STREAMS: weakref.WeakKeyDictionary[Page, WebSocket] = weakref.WeakKeyDictionary()


def run_finished(payload: str | bytes) -> bool:
    """Is this websocket frame Streamlit's 'script finished' message (end of one run)?"""
    if isinstance(payload, str):
        return False
    msg = ForwardMsg()
    try:
        msg.ParseFromString(payload)
    except DecodeError:
        return False
    return msg.WhichOneof("type") == "script_finished" and msg.script_finished in _FINISHED


def new_page(context: BrowserContext) -> Page:
    """A tab whose Streamlit websocket is tracked, so reruns can be awaited exactly."""
    page = context.new_page()

    def _on_websocket(ws: WebSocket) -> None:
        if ws.url.endswith("/_stcore/stream"):
            _STREAMS[page] = ws

    page.on("websocket", _on_websocket)
    return page


def wait_for_app(page: Page, timeout: float = TIMEOUT_MS) -> None:
    """Connected, the script has finished, no 'Running…' widget, and settled for 3 frames."""
    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=timeout)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=timeout)
    page.evaluate("() => { window.__stIdleFrames = 0; }")
    page.wait_for_function(_APP_SETTLED, timeout=timeout, polling="raf")


def wait_for_charts(page: Page, timeout: float = TIMEOUT_MS) -> None:
    page.wait_for_function(_CHARTS_DRAWN, timeout=timeout, polling="raf")


def wait_until_ready(page: Page, timeout: float = TIMEOUT_MS) -> None:
    wait_for_app(page, timeout)
    wait_for_charts(page, timeout)


def stream_socket(page: Page) -> WebSocket:
    """The tab's open Streamlit websocket (``/_stcore/stream``)."""
    ws = _STREAMS.get(page)
    if ws is None or ws.is_closed():
        raise RuntimeError("no open Streamlit websocket for this tab (use new_page())")
    return ws


def wait_for_run_finished(
    ws: WebSocket, timeout: float = TIMEOUT_MS, runs: int = 1
) -> AbstractContextManager[Any]:
    """Context manager: on exit, ``runs`` script runs have finished since it was entered."""
    seen = 0

    def _counted(payload: str | bytes) -> bool:
        nonlocal seen
        seen += run_finished(payload)
        return seen >= runs

    return ws.expect_event("framereceived", predicate=_counted, timeout=timeout)


def rerun_and_wait(
    page: Page, action: Callable[[], Any], timeout: float = TIMEOUT_MS, runs: int = 1
) -> None:
    """Do ``action`` (a click) and wait until the ``runs`` script runs it starts have finished.

    The end of a run is read from Streamlit's own websocket messages (``script_finished``):
    the ``data-test-script-state`` attribute alone can miss a fast rerun entirely.
    """
    with wait_for_run_finished(stream_socket(page), timeout, runs):
        action()
    wait_until_ready(page, timeout)


def open_page(page: Page, server: AppServer, path: str, timeout: float = TIMEOUT_MS) -> None:
    """A full navigation (new Streamlit session) to ``path``, then wait until it is ready."""
    server.page_requests.append(path)
    page.goto(server.url + path, timeout=timeout)
    wait_until_ready(page, timeout)


@dataclass
class Cluster:
    """``deploy/cluster.sh`` (PostgreSQL, N app processes, HAProxy) in its own process group."""

    n: int
    folder: Path
    env: dict[str, str] = field(default_factory=dict)  # e.g. DATABASE_URL of an existing db
    process: subprocess.Popen[bytes] | None = None
    info: dict[str, str] = field(default_factory=dict)  # cluster.env: URL, APP_PIDS, …

    def start(self, timeout: float = 900) -> Cluster:
        """Start it and wait until it wrote cluster.env (everything answers)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        env = {
            k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TEST_DATABASE_URL")
        }
        env.update(CLUSTER_N=str(self.n), CLUSTER_DIR=str(self.folder), MONITOR_DEMO="1")
        log_path = self.folder / "cluster.log"
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(
                ["deploy/cluster.sh"],
                cwd=ROOT,
                env={**env, **self.env},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own group: stop() ends all of it
            )
        bestand = self.folder / "cluster.env"
        deadline = time.monotonic() + timeout
        while not bestand.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"cluster did not start:\n{log_path.read_text()}")
            time.sleep(0.5)
        regels = (r.split("=", 1) for r in bestand.read_text().splitlines() if "=" in r)
        self.info = {k: v.strip('"') for k, v in regels}
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=120)


# --------------------------------------------------------------------------------------------
# Signing in and navigating


def _sidebar(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar")


def choose(page: Page, label: str, option: str, timeout: float = TIMEOUT_MS) -> None:
    """Pick ``option`` in the selectbox labelled ``label`` and wait for the rerun it causes."""
    combo = page.get_by_role("combobox", name=label, exact=True)
    if combo.input_value(timeout=timeout) == option:
        return
    choice = page.get_by_role("option", name=option, exact=True)
    # The list does not always open on the first click (the first may only focus the input),
    # and may close again while it animates: retry until the option is clicked.
    for _ in range(8):
        if not choice.is_visible():
            combo.click(timeout=timeout)
            try:
                choice.wait_for(state="visible", timeout=1_000)
            except PlaywrightTimeoutError:
                continue
        try:
            rerun_and_wait(page, lambda: choice.click(timeout=3_000), timeout)
            break
        except PlaywrightTimeoutError:
            continue
    else:
        raise AssertionError(f"could not choose {option!r} in the selectbox {label!r}")


def sign_in(page: Page, rol: str, timeout: float = TIMEOUT_MS) -> None:
    """Sign in through the sidebar's 'Demo-inlog'; ``publiek`` is the signed-out visitor.

    Already signed in with this role (the session cookie survives reloads): nothing to do;
    with another role: sign out first.
    """
    if rol == "publiek":
        return
    from monitor.domain import ROL_LABELS

    sidebar = _sidebar(page)
    uitloggen = sidebar.get_by_role("button", name="Uitloggen")
    if uitloggen.count():  # the session cookie kept an earlier sign-in
        if sidebar.get_by_text(f"({ROL_LABELS[rol]}", exact=False).count():
            return
        rerun_and_wait(page, lambda: uitloggen.click(timeout=timeout), timeout)
    expander = sidebar.get_by_test_id("stExpander").filter(has_text="Demo-inlog")
    if not expander.count():
        raise AssertionError("no 'Demo-inlog' in the sidebar: cannot sign in")
    button = sidebar.get_by_role("button", name="Inloggen als demo-gebruiker")
    if not button.is_visible():  # opening it reruns the page (built only while open)
        rerun_and_wait(page, lambda: expander.locator("summary").click(timeout=timeout), timeout)
    expect(button).to_be_visible(timeout=timeout)
    choose(page, "Rol", ROL_LABELS[rol], timeout)
    rerun_and_wait(page, lambda: button.click(timeout=timeout), timeout)
    expect(sidebar.get_by_role("button", name="Uitloggen")).to_be_visible(timeout=timeout)
    wait_until_ready(page, timeout)


def url_path(pagina: PaginaLike) -> str:
    return "/" + pagina.url_pad


def current_path(page: Page) -> str:
    return urlparse(page.url).path.rstrip("/") or "/"


def click_page_link(page: Page, pagina: PaginaLike, timeout: float = TIMEOUT_MS) -> None:
    """Navigate inside the session (the sign-in stays) by clicking the sidebar link."""
    link = _sidebar(page).get_by_role("link", name=pagina.titel, exact=True).first
    link.wait_for(state="visible", timeout=5_000)
    rerun_and_wait(page, lambda: link.click(timeout=timeout), timeout)
    want = url_path(pagina)
    page.wait_for_url(lambda url: (urlparse(url).path.rstrip("/") or "/") == want, timeout=timeout)


# --------------------------------------------------------------------------------------------
# Checking one page


@dataclass
class Visit:
    rol: str
    pagina: str  # pad
    path: str
    toegestaan: bool
    problems: list[str] = field(default_factory=list)
    axe: list[dict[str, Any]] = field(default_factory=list)  # serious/critical violations
    lang: str | None = None
    first_request: bool = False
    evidence: list[Path] = field(default_factory=list)
    scherm: list[str] = field(default_factory=list)  # problems at the screen sizes (SCHERMEN)


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core (from node_modules) on the whole document; serious and critical violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        if not AXE_JS.exists():
            raise FileNotFoundError(f"{AXE_JS} missing: run `make setup` (npm ci)")
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async (tags) => await axe.run(document, {
              runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        AXE_TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]][:10],
            "html": [n["html"][:200] for n in v["nodes"]][:3],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _texts(locator: Locator) -> list[str]:
    return [t.strip()[:300] for t in locator.all_inner_texts()]


def check_page(
    page: Page, visit: Visit, *, demo: bool = True, menu: Sequence[str] | None = None
) -> None:
    """Append every problem of the page as it is now to ``visit.problems``.

    ``menu``: the titles the sidebar's page list must show, in order (the pages the role may
    open); ``None`` leaves the list unchecked."""
    main = page.get_by_test_id("stMain")
    for text in _texts(page.get_by_test_id("stException")):
        visit.problems.append(f"exception: {text}")
    for text in _texts(page.get_by_test_id("stAlertContentError")):
        if not (REFUSAL in text and not visit.toegestaan):
            visit.problems.append(f"error element: {text}")
    if page.get_by_text("Page not found").count():
        visit.problems.append("Streamlit shows 'Page not found'")
    if menu is not None:
        # A link's text is its icon's ligature name, then the title.
        links = _texts(page.get_by_test_id("stSidebarNavLink"))
        shown = [text.splitlines()[-1].strip() for text in links]
        if shown != list(menu):
            visit.problems.append(f"the sidebar lists {shown}, not the role's pages {list(menu)}")
    refusals = main.get_by_text(REFUSAL).count()
    if visit.toegestaan and refusals:
        visit.problems.append(f"'{REFUSAL}' on a page this role may see")
    if not visit.toegestaan:
        if not refusals:
            visit.problems.append(f"no '{REFUSAL}' refusal for a role that may not see the page")
        for test_id in DATA_TEST_IDS:
            if n := main.get_by_test_id(test_id).count():
                visit.problems.append(f"refused page still shows data: {n}× {test_id}")
    if demo and not page.get_by_text(DEMO_BANNER).count():
        visit.problems.append(f"demo banner '{DEMO_BANNER}' missing")
    if current_path(page) != visit.path:
        visit.problems.append(f"on {current_path(page)} instead of {visit.path}")


# The screens of issue 15: a desktop, a projector and a phone.
SCHERMEN: tuple[tuple[int, int], ...] = ((1440, 900), (1280, 720), (390, 844))
VERBODEN_TEKST = re.compile(
    r"\b(nan|NaN|None|inf)\b"
    r"|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b"  # plotly's English dates
)

# Widths that overflow: the document and Streamlit's scrolling main area.
_OVERLOOP = """() => {
  const els = [document.documentElement, document.body,
               document.querySelector('[data-testid="stAppViewContainer"]'),
               document.querySelector('[data-testid="stMain"]')].filter(Boolean);
  return els.filter(e => e.scrollWidth > e.clientWidth + 1)
            .map(e => `${e.dataset.testid || e.tagName}: ${e.scrollWidth} > ${e.clientWidth}`);
}"""
# Visible text of the main area, chart text included, and every table header.
_TEKSTEN = r"""() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const svg = [...main.querySelectorAll('.stPlotlyChart svg text')].map(t => t.textContent);
  const koppen = [...main.querySelectorAll('th, [role="columnheader"]')]
      .map(t => t.textContent.trim()).filter(Boolean);
  return {tekst: main.innerText + "\n" + svg.join("\n"), koppen: koppen};
}"""


def check_screen(page: Page, visit: Visit, breedte: int, hoogte: int) -> None:
    """At ``breedte`` × ``hoogte``: no horizontal overflow, no 'nan'/'None'/'NaN'/'inf' or
    English month, no table header that is a raw column name of the code."""
    waar = f"{breedte}×{hoogte}"
    for overloop in page.evaluate(_OVERLOOP):
        visit.scherm.append(f"{waar}: horizontal overflow ({overloop})")
    gevonden = page.evaluate(_TEKSTEN)
    for regel in gevonden["tekst"].splitlines():
        if match := VERBODEN_TEKST.search(regel):
            visit.scherm.append(f"{waar}: text {match.group(0)!r} in {regel.strip()[:120]!r}")
    for kop in gevonden["koppen"]:
        if RUWE_KOP.match(kop):
            visit.scherm.append(f"{waar}: raw column name {kop!r} as a table header")


def check_screens(page: Page, visit: Visit, out_dir: Path, schermen=SCHERMEN) -> None:
    """Resize the tab to each screen (no reload: one session), check it, keep a screenshot."""
    oorspronkelijk = page.viewport_size
    for breedte, hoogte in schermen:
        page.set_viewport_size({"width": breedte, "height": hoogte})
        page.evaluate("() => { window.__stIdleFrames = 0; }")
        page.wait_for_function(_APP_SETTLED, timeout=TIMEOUT_MS, polling="raf")
        # Tables and charts follow a resize a moment later; overflow that stays is a finding.
        try:
            page.wait_for_function(f"() => ({_OVERLOOP})().length === 0", timeout=5_000)
        except PlaywrightTimeoutError:
            pass
        check_screen(page, visit, breedte, hoogte)
        naam = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{visit.rol}-{visit.path}-{breedte}x{hoogte}")
        out_dir.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out_dir / f"{naam}.png"))
    if oorspronkelijk:
        page.set_viewport_size(oorspronkelijk)
    # A phone width folds the sidebar away; open it again for the walk's next click.
    # The button can be drawn anew while the page settles: retry a few times.
    openen = page.get_by_test_id("stExpandSidebarButton").first
    for _ in range(10):
        if _sidebar(page).get_by_role("link").first.is_visible():
            break
        try:
            openen.click(timeout=3_000)
            _sidebar(page).get_by_role("link").first.wait_for(state="visible", timeout=3_000)
        except PlaywrightTimeoutError:
            continue


def save_evidence(page: Page, out_dir: Path, name: str, extra: str = "") -> list[Path]:
    """Screenshot and page text (plus ``extra``) under ``out_dir``; returns the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
    png, txt = out_dir / f"{safe}.png", out_dir / f"{safe}.txt"
    try:
        page.screenshot(path=str(png), full_page=True, timeout=30_000)
    except Exception as exc:  # noqa: BLE001 - evidence is best effort; report why it failed
        png.with_suffix(".screenshot-error.txt").write_text(repr(exc))
    try:
        body = page.locator("body").inner_text(timeout=10_000)
    except Exception as exc:  # noqa: BLE001
        body = f"(page text unavailable: {exc!r})"
    txt.write_text(f"URL: {page.url}\n{extra}\n\n--- page text ---\n{body}\n", encoding="utf-8")
    return [p for p in (png, txt) if p.exists()]


# --------------------------------------------------------------------------------------------
# The walk


@dataclass
class Walk:
    rol: str
    visits: list[Visit] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [f"{v.path} ({v.rol}): {p}" for v in self.visits for p in v.problems]

    @property
    def axe_violations(self) -> list[str]:
        return [
            f"{v.path} ({v.rol}): {a['impact']} {a['id']} – {a['help']} – {a['targets']}"
            for v in self.visits
            for a in v.axe
        ]

    def scherm_problems(self, soort: str = "") -> list[str]:
        """Problems at the screen sizes whose text contains ``soort`` ('overflow', 'text',
        'raw column name'), each once."""
        regels = [f"{v.path} ({v.rol}): {p}" for v in self.visits for p in v.scherm]
        return list(dict.fromkeys(r for r in regels if soort in r))

    @property
    def evidence(self) -> list[Path]:
        return [p for v in self.visits for p in v.evidence]


def new_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    context.set_default_timeout(TIMEOUT_MS)
    return context


def walk(
    browser: Browser,
    server: AppServer,
    rol: str,
    paginas: Sequence[PaginaLike],
    *,
    out_dir: Path,
    axe: bool = True,
    demo: bool = True,
    schermen: Sequence[tuple[int, int]] = (),
) -> Walk:
    """Visit every page in ``paginas`` as ``rol`` and record problems (never raises for them).

    Starts with a deep link (a page URL, not ``/``), signs in on that page, clicks through the
    allowed pages in the sidebar (the sign-in lives in the tab's session), then opens each
    refused page by URL and signs in again there. Screenshot and page text of every page with
    a problem go to ``out_dir``. With ``schermen``, every allowed page is also checked at each
    screen size (:func:`check_screens`; screenshots under ``out_dir/schermen``).
    """
    result = Walk(rol)
    menu = [p.titel for p in paginas_voor(Rol(rol))]  # the whole app's, not just the walk's
    allowed = [p for p in paginas if rol in p.rollen]
    refused = [p for p in paginas if rol not in p.rollen]
    deep = [p for p in allowed if p.url_pad] or [p for p in paginas if p.url_pad] or list(paginas)
    first = deep[0]
    order: list[tuple[PaginaLike, str]] = [(first, "goto")]
    order += [(p, "click") for p in allowed if p is not first]
    order += [(p, "goto") for p in refused if p is not first]

    context = new_context(browser)
    page = new_page(context)
    try:
        for pagina, how in order:
            visit = Visit(rol, pagina.pad, url_path(pagina), rol in pagina.rollen)
            result.visits.append(visit)
            try:
                if how == "click":
                    try:
                        click_page_link(page, pagina)
                    except Exception as exc:  # noqa: BLE001 - report, then reach it by URL
                        name = type(exc).__name__
                        visit.problems.append(
                            f"no working link '{pagina.titel}' in the sidebar ({name})"
                        )
                        how = "goto"
                if how == "goto":
                    visit.first_request = not server.page_requests
                    open_page(page, server, visit.path)
                    visit.lang = page.evaluate("() => document.documentElement.lang")
                    sign_in(page, rol)
                check_page(page, visit, demo=demo, menu=menu)
                if axe:
                    visit.axe = run_axe(page)
                if schermen and visit.toegestaan:
                    check_screens(page, visit, out_dir / "schermen", schermen)
            except Exception as exc:  # noqa: BLE001 - a hanging or broken page is a finding
                visit.problems.append(f"harness: {type(exc).__name__}: {str(exc)[:800]}")
            if visit.problems or visit.axe:
                extra = "\n".join(visit.problems)
                if visit.axe:
                    extra += "\naxe:\n" + json.dumps(visit.axe, indent=1, ensure_ascii=False)
                if visit.problems:
                    # The browser shows a redacted error; the traceback is in the server log.
                    extra += "\n\n--- server log (tail) ---\n" + server.log()
                name = f"{rol}-{pagina.url_pad or 'home'}"
                visit.evidence = save_evidence(page, out_dir, name, extra)
                if any(p.startswith("harness:") for p in visit.problems):
                    # The tab may be stuck (dialog, dead session): start over in a fresh tab.
                    page.close()
                    page = new_page(context)
    finally:
        context.close()
    return result


def format_report(lines: Iterable[str], evidence: Iterable[Path]) -> str:
    files = "\n".join(f"  {p}" for p in evidence)
    return "\n".join(lines) + (f"\nevidence:\n{files}" if files else "")
