"""The harness itself: a page broken on purpose must make the smoke walk fail, with evidence."""

from __future__ import annotations

import ast
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_harness import ROOT, AppServer, copy_sqlite, sqlite_url, walk

BROKEN = 'raise RuntimeError("Opzettelijk kapot voor de harnastest")\n'


def break_page(path: Path) -> None:
    """Insert a ``raise`` right after the page's shared set-up call (or its imports)."""
    source = path.read_text(encoding="utf-8")
    statements = ast.parse(source).body
    after = next(
        (s for s in statements if "setup_page(" in (ast.get_source_segment(source, s) or "")),
        None,
    )
    if after is None:  # no set-up call: after the docstring and imports
        kept = [s for s in statements if isinstance(s, ast.Import | ast.ImportFrom | ast.Expr)]
        after = kept[-1] if kept else None
    lines = source.splitlines(keepends=True)
    at = after.end_lineno if after is not None else 0
    path.write_text("".join([*lines[:at], BROKEN, *lines[at:]]), encoding="utf-8")


# One xdist worker runs all browser tests: they share the server and the walks.
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def broken_app(
    tmp_path_factory: pytest.TempPathFactory, demo_db_template: Path, paginas: tuple
) -> Iterator[tuple[AppServer, object]]:
    """A copy of the app in a temp dir in which one page raises after the shared set-up."""
    app_dir = tmp_path_factory.mktemp("broken-app")
    for name in ("app.py", "serve.py"):
        shutil.copy2(ROOT / name, app_dir / name)
    shutil.copytree(ROOT / "pages", app_dir / "pages")
    shutil.copytree(ROOT / ".streamlit", app_dir / ".streamlit")
    # The copy imports the real `monitor` package (via PYTHONPATH); it reads data/ from ROOT.
    target = next(p for p in paginas if p.url_pad and "publiek" in p.rollen)
    break_page(app_dir / target.pad)
    db = copy_sqlite(demo_db_template, app_dir / "monitor.db")
    server = AppServer(
        cwd=app_dir,
        env={"DATABASE_URL": sqlite_url(db), "PYTHONPATH": str(ROOT), "MONITOR_DEMO": "1"},
        log_path=app_dir / "streamlit.log",
    ).start()
    yield server, target
    server.stop()


def test_broken_page_fails_with_screenshot(broken_app, browser, tmp_path: Path) -> None:
    server, target = broken_app
    result = walk(browser, server, "publiek", [target], out_dir=tmp_path, axe=False)

    assert result.problems, "the harness did not notice the broken page"
    assert any("exception" in p or "error element" in p for p in result.problems), result.problems
    screenshots = [p for p in result.evidence if p.suffix == ".png"]
    assert screenshots and screenshots[0].stat().st_size > 1000, result.evidence
    page_text = next(p for p in result.evidence if p.suffix == ".txt").read_text()
    assert "exception" in page_text or "error element" in page_text
    assert "Opzettelijk kapot" in page_text, "the server's traceback belongs in the evidence"


def test_healthy_page_passes(broken_app, browser, tmp_path: Path, paginas: tuple) -> None:
    """The same copy, a page that was not broken: no problems, no evidence (no false alarm)."""
    server, target = broken_app
    healthy = next(p for p in paginas if p is not target and "publiek" in p.rollen)
    result = walk(browser, server, "publiek", [healthy], out_dir=tmp_path, axe=False)
    assert not result.problems, result.problems
    assert not result.evidence
