"""Performance measurements of the monitor: ``make bench`` (``--quick`` in ``make test``).

(a) AppTest, demo data (2 rounds): warm rerun of every page, for every role that may see it, as
    a ratio to an empty page measured side by side in this process (goal <= 20x), and the cold
    first run of every page with empty caches, for one role per page (goal <= 2 s).
(b) The same on 20 rounds of synthetic data (``python -m monitor demo --rondes 20``; 4 rounds
    with --quick).
(c) Importing a full round of answers versus openpyxl only reading the same file.
(d) Browser (Debian chromium): from a click on a navigation link until the page has finished
    running and its charts are drawn, as a ratio to the same navigation between two empty
    pages (goal <= 3x).
(e) Capacity: N new sessions at once per page against one ``streamlit run serve.py`` process,
    opened as a browser tab does (``bench/capaciteit.py``); sessions/s, p50/p95 and the bytes
    a new session receives, as ratios to the empty page (goal: >= 50% of its sessions/s at
    N = 30). As the public: the pages every visitor sees. Also the resident memory (VmRSS) of
    both server processes after the warm-up and after all batches.

``--delen ad`` runs only the named parts (letters a-e; default all).

Absolute times depend on the machine; the ratios are what to compare. Nothing here asserts a
goal: the table says which goals are met, and the exit code is non-zero only when a measurement
itself failed (an exception on a page, a crash). Results go to ``bench/results.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
LEEG = BENCH / "leeg" / "leeg.py"  # the empty page (bench only; not one of the app's pages)
LEEG_TWEE_TITEL = "Naar de tweede lege pagina"
LEEG_EEN_TITEL = "Naar de eerste lege pagina"
LEEG_GRAFIEK_TITEL = "Naar de grafiekpagina"
GRAFIEK_PAD = "bench/leeg/pages/grafiek.py"  # reference in (d): an empty page with one chart
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e"), str(BENCH)]


NVT = "n.v.t."
ROL_VOORKEUR = ("beheerder", "kijker", "invuller", "publiek")
DELEN = "abcde"
DOEL_RATIO_APPTEST = 20.0
DOEL_KOUD_S = 2.0
DOEL_RATIO_BROWSER = 3.0
DOEL_RATIO_IMPORT = 2.0
RONDES_B = 20
RONDES_B_QUICK = 4  # --quick proves (b) works; building 20 rounds took 47 s of make test
# --quick measures (b) and (d) on these pages only ((a) keeps every page): the public front
# page, the heaviest pages and the one that reads every round. 38 s less of make test.
QUICK_PAGINAS = (
    "pages/start.py",
    "pages/thema.py",
    "pages/benchmark.py",
    "pages/reflectiesessie.py",
)


# --------------------------------------------------------------------------------------------
# Shared bits


@dataclass
class Meting:
    """One page: times in seconds (koud) or milliseconds (warm, leeg)."""

    pad: str
    titel: str
    rol: str
    koud_s: float | None = None
    warm_ms: float | None = None
    leeg_ms: float | None = None
    ratio: float | None = None
    fout: str | None = None


@dataclass
class Onderdeel:
    naam: str
    status: str = "ok"  # ok | n.v.t. | fout
    reden: str | None = None
    metingen: list[Meting] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    duur_s: float | None = None  # how long the part took, set-up included (make test's budget)


def _met_duur(meet: Callable[[], Onderdeel]) -> Onderdeel:
    t0 = time.perf_counter()
    deel = meet()
    deel.duur_s = round(time.perf_counter() - t0, 1)
    return deel


def machine() -> dict[str, Any]:
    mem_kib = 0
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    debian = ""
    with contextlib.suppress(OSError):
        debian = Path("/etc/debian_version").read_text().strip()
    return {
        "cpus": os.cpu_count(),
        "geheugen_gib": round(mem_kib / 2**20, 1),
        "os": f"Debian {debian}" if debian else platform.platform(),
        "python": platform.python_version(),
    }


def paginas(alleen_quick: bool = False) -> tuple:
    """Every page of the app; ``alleen_quick``: only :data:`QUICK_PAGINAS`."""
    from monitor.ui.navigation import PAGINAS

    return tuple(p for p in PAGINAS if not alleen_quick or p.pad in QUICK_PAGINAS)


def rol_voor(pagina: Any) -> str:
    return next(r for r in ROL_VOORKEUR if r in pagina.rollen)


def rollen_voor(pagina: Any, quick: bool) -> list[str]:
    """The roles (a) and (b) measure a page for: every role that may see it, the preferred one
    (measured cold as well) first. ``quick``: only the preferred role and the public."""
    rollen = [r for r in ROL_VOORKEUR if r in pagina.rollen]
    if quick:
        rollen = [r for r in rollen if r in (rollen[0], "publiek")]
    return rollen


def rss_mb(pid: int) -> dict[str, float | None]:
    """Resident memory of process ``pid`` in MB (VmRSS, and its peak VmHWM) from /proc."""
    waarden: dict[str, float | None] = {"rss_mb": None, "piek_mb": None}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            veld, _, rest = line.partition(":")
            sleutel = {"VmRSS": "rss_mb", "VmHWM": "piek_mb"}.get(veld)
            if sleutel:
                waarden[sleutel] = round(int(rest.split()[0]) / 1024, 1)  # kB -> MB
    return waarden


def maak_database(pad: Path, rondes: int | None) -> None:
    """``python -m monitor init`` and ``demo`` (``--rondes``) into SQLite file ``pad``."""
    from browser_harness import prepare_demo_database

    prepare_demo_database(pad, rondes=rondes)


def demo_ondersteunt_rondes() -> str | None:
    """None when ``python -m monitor demo --rondes N`` exists, else the reason why not."""
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "demo", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        return f"`python -m monitor demo --help` faalt: {done.stderr.strip()[-300:]}"
    if "--rondes" not in done.stdout:
        return "`python -m monitor demo --rondes` is nog niet gebouwd"
    return None


def organisatie_voor_invuller(db: Path) -> str | None:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            codes = set(
                conn.execute(text("SELECT DISTINCT organisatie_code FROM antwoord")).scalars()
            )
    finally:
        engine.dispose()
    if "GM0363" in codes:
        return "GM0363"
    return min(codes) if codes else None


# --------------------------------------------------------------------------------------------
# (a) and (b): AppTest


def _timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _fout_van(at: Any) -> str | None:
    if at.exception:
        return "; ".join(str(e.value)[:200] for e in at.exception)
    return None


def meet_apptest(
    naam: str, db: Path, warm_runs: int, quick: bool, alleen_quick_paginas: bool = False
) -> Onderdeel:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    # AppTest runs pages in "bare mode", and these two loggers warn about that on every call.
    for logger in ("scriptrunner_utils.script_run_context", "caching.cache_data_api"):
        logging.getLogger(f"streamlit.runtime.{logger}").disabled = True

    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    st.cache_data.clear()
    st.cache_resource.clear()
    organisatie = organisatie_voor_invuller(db)
    deel = Onderdeel(naam)

    leeg = AppTest.from_file(str(LEEG), default_timeout=120)
    leeg.run()
    leeg.run()
    deel.extra["leeg_koud_ms"] = None

    def nieuwe_app(rol: str) -> Any:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        if rol != "publiek":
            at.session_state["gebruiker"] = {
                "rol": rol,
                "organisatie_code": organisatie if rol == "invuller" else None,
                "naam": f"Demo {rol}",
            }
        return at

    # Warm imports (plotly, pandas, ...) once, so the first page does not pay for them.
    nieuwe_app("beheerder").run()

    for pagina in paginas(alleen_quick_paginas):
        for i, rol in enumerate(rollen_voor(pagina, quick)):
            deel.metingen.append(
                _meet_pagina(pagina, rol, nieuwe_app(rol), leeg, warm_runs, koud=i == 0)
            )
    if any(m.fout for m in deel.metingen):
        deel.status = "fout"
    st.cache_data.clear()
    st.cache_resource.clear()
    return deel


def _meet_pagina(pagina: Any, rol: str, at: Any, leeg: Any, warm_runs: int, koud: bool) -> Meting:
    """One page for one role: the cold first run (``koud``: with empty caches; otherwise the
    first run is a warm-up, not timed), then warm reruns side by side with the empty page."""
    import streamlit as st

    meting = Meting(pagina.pad, pagina.titel, rol)
    try:
        at.run()  # the app's home page first, as a browser would
        if fout := _fout_van(at):
            raise RuntimeError(f"startpagina: {fout}")
        if koud:
            st.cache_data.clear()  # cold: nothing cached, as in a fresh process
            st.cache_resource.clear()
        if pagina.pad != "pages/start.py":
            at.switch_page(pagina.pad)
        eerste = _timed(at.run)
        if koud:
            meting.koud_s = eerste
        if fout := _fout_van(at):
            raise RuntimeError(fout)
        warm, basis = [], []
        for _ in range(warm_runs):  # side by side: empty page, then this page
            basis.append(_timed(leeg.run))
            warm.append(_timed(at.run))
        if fout := _fout_van(at):
            raise RuntimeError(fout)
        meting.warm_ms = statistics.median(warm) * 1000
        meting.leeg_ms = statistics.median(basis) * 1000
        meting.ratio = meting.warm_ms / meting.leeg_ms
    except Exception as exc:  # noqa: BLE001 - reported in the table and the exit code
        meting.fout = f"{type(exc).__name__}: {str(exc)[:300]}"
    return meting


# --------------------------------------------------------------------------------------------
# (c): import of a full round versus openpyxl reading the same file


def openpyxl_lezen_s(data: bytes) -> float:
    """Seconds for openpyxl alone to read every cell of ``data`` (read-only, values only)."""
    from openpyxl import load_workbook

    t0 = time.perf_counter()
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            for _row in ws.iter_rows(values_only=True):
                pass
    finally:
        wb.close()
    return time.perf_counter() - t0


def _lege_ronde_kopie(bron: Path, doel: Path, jaar: int) -> None:
    """A copy of the demo database without the answers of round ``jaar``."""
    from sqlalchemy import create_engine, text

    shutil.copyfile(bron, doel)
    engine = create_engine(f"sqlite:///{doel}")
    try:
        with engine.begin() as conn:
            ronde = text("(SELECT id FROM ronde WHERE jaar = :j)")
            conn.execute(text(f"DELETE FROM antwoord WHERE ronde_id = {ronde}"), {"j": jaar})
            conn.execute(text(f"DELETE FROM inzending WHERE ronde_id = {ronde}"), {"j": jaar})
    finally:
        engine.dispose()


def meet_import(quick: bool, db: Path) -> Onderdeel:
    """(c) The raw answers of the demo round 2025 as a workbook (one sheet, long layout), read by
    openpyxl alone versus imported (checked and saved) into a copy of the demo database
    without that round's answers; side by side, median of 3 (1 with --quick). Goal <= 2x."""
    from monitor.db import make_engine
    from monitor.domain import Rol
    from monitor.rechten import Gebruiker
    from monitor.uitwisseling.exporteren import laad_ronde, ruwe_antwoorden_xlsx
    from monitor.uitwisseling.importeren import importeer

    jaar = 2025
    beheerder = Gebruiker(rol=Rol.BEHEERDER, naam="bench")
    bron = make_engine(f"sqlite:///{db}")
    try:
        data = ruwe_antwoorden_xlsx(beheerder, laad_ronde(bron, jaar))
    finally:
        bron.dispose()
    lezen, importeren = [], []
    for i in range(1 if quick else 3):
        lezen.append(openpyxl_lezen_s(data))
        kopie = db.parent / f"import-{i}.db"
        _lege_ronde_kopie(db, kopie, jaar)
        engine = make_engine(f"sqlite:///{kopie}")
        try:
            t0 = time.perf_counter()
            rapport = importeer(
                engine,
                gebruiker=beheerder,
                data=data,
                bestandsnaam="ronde-2025.xlsx",
                jaar=jaar,
                toepassen=True,
            )
            importeren.append(time.perf_counter() - t0)
        finally:
            engine.dispose()
            kopie.unlink(missing_ok=True)
        if not rapport.ok or not rapport.nieuw:
            return Onderdeel("c", "fout", rapport.als_tekst(5))
    openpyxl_s, import_s = statistics.median(lezen), statistics.median(importeren)
    return Onderdeel(
        "c",
        extra={
            "antwoorden": rapport.nieuw,
            "bestand_kb": round(len(data) / 1024),
            "openpyxl_s": round(openpyxl_s, 3),
            "import_s": round(import_s, 3),
            "ratio": round(import_s / openpyxl_s, 2),
        },
    )


def tabel_import(deel: Onderdeel) -> str:
    titel = "\n(c) Import van een volledige ronde vs. alleen openpyxl lezen"
    if deel.status != "ok":
        return f"{titel}\n  {deel.status} ({deel.reden})"
    e = deel.extra
    oordeel = "ok" if e["ratio"] <= DOEL_RATIO_IMPORT else "NIET GEHAALD"
    return (
        f"{titel}\n  {e['antwoorden']} antwoorden, {e['bestand_kb']} kB: openpyxl "
        f"{e['openpyxl_s']:.2f} s, import {e['import_s']:.2f} s, ratio {e['ratio']:.2f}×  "
        f"{oordeel}\n  doel: import ≤ {DOEL_RATIO_IMPORT:.0f}× alleen lezen"
    )


# --------------------------------------------------------------------------------------------
# (d): browser navigation


@contextlib.contextmanager
def _servers(db: Path) -> Iterator[tuple[Any, Any]]:
    """The app on ``db`` and the empty page, each ``streamlit run`` on a free port."""
    from browser_harness import AppServer

    logs = Path(tempfile.mkdtemp(prefix="monitor-bench-logs-"))
    app = AppServer(
        env={"DATABASE_URL": f"sqlite:///{db}", "MONITOR_DEMO": "1"}, log_path=logs / "app.log"
    )
    leeg = AppServer(script=str(LEEG.relative_to(ROOT)), log_path=logs / "leeg.log")
    try:
        app.start()
        leeg.start()
        yield app, leeg
    finally:
        app.stop()
        leeg.stop()
        shutil.rmtree(logs, ignore_errors=True)


def _mislukt(deel: Onderdeel, exc: Exception) -> None:
    deel.status = "fout"
    deel.reden = f"{type(exc).__name__}: {str(exc)[:500]}"
    traceback.print_exc()


_KLIK = """(el) => { window.__t0 = performance.now(); el.click(); }"""

# After the run's script_finished message: the first animation frame in which the page is
# idle, on the right path, with every visible chart drawn and no loading skeleton left.
_KLAAR = """(pad) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const klaar = app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-testid="stSkeleton"]')
    && (location.pathname.replace(/\\/+$/, '') || '/') === pad
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
      .filter((el) => el.getClientRects().length > 0)
      .every((el) => el.querySelector('.js-plotly-plot .main-svg'));
  return klaar ? performance.now() - window.__t0 : false;
}"""


def _navigeer_ms(page: Any, link: Any, pad: str) -> float:
    """Milliseconds from the click on ``link`` until the page at ``pad`` is ready."""
    from browser_harness import stream_socket, wait_for_run_finished

    page.bring_to_front()
    link.wait_for(state="visible", timeout=30_000)
    handle = link.element_handle()
    with wait_for_run_finished(stream_socket(page), timeout=120_000):
        page.evaluate(_KLIK, handle)
    klaar = page.wait_for_function(_KLAAR, arg=pad, timeout=120_000, polling="raf")
    return float(klaar.json_value())


def meet_browser(db: Path, herhalingen: int, quick: bool = False) -> Onderdeel:
    from browser_harness import (
        CHROMIUM,
        CHROMIUM_ARGS,
        new_context,
        new_page,
        open_page,
        sign_in,
        url_path,
    )
    from playwright.sync_api import sync_playwright

    deel = Onderdeel("d")
    try:
        with _servers(db) as (app, leeg), sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                ctx_leeg = new_context(browser)
                lp = new_page(ctx_leeg)
                open_page(lp, leeg, "/")
                leeg_links = {
                    "/twee": lp.get_by_role("link", name=LEEG_TWEE_TITEL),
                    "/": lp.get_by_role("link", name=LEEG_EEN_TITEL),
                }
                leeg_volgende = ["/twee", "/"]

                def leeg_ms() -> float:
                    doel = leeg_volgende[0]
                    leeg_volgende.reverse()
                    return _navigeer_ms(lp, leeg_links[doel], doel)

                leeg_ms()  # warm-up: first load of the page_link chunk

                def grafiek_ms() -> float:
                    """From the second empty page to the chart page (timed), then back to the
                    first empty page (not timed)."""
                    if leeg_volgende[0] == "/twee":  # on the first empty page: step over
                        _navigeer_ms(lp, leeg_links["/twee"], "/twee")
                    link = lp.get_by_role("link", name=LEEG_GRAFIEK_TITEL)
                    t = _navigeer_ms(lp, link, "/grafiek")
                    _navigeer_ms(lp, lp.get_by_role("link", name=LEEG_EEN_TITEL), "/")
                    leeg_volgende[:] = ["/twee", "/"]
                    return t

                referentie, referentie_basis = [], []
                for ronde in range(herhalingen + 1):  # ronde 0 loads plotly.js
                    t = grafiek_ms()
                    b = leeg_ms()
                    if ronde:
                        referentie.append(t)
                        referentie_basis.append(b)
                groepen: dict[str, list[Any]] = {}
                for pagina in paginas(quick):
                    groepen.setdefault(rol_voor(pagina), []).append(pagina)
                for rol, groep in groepen.items():
                    ctx = new_context(browser)
                    page = new_page(ctx)
                    # Start on a page outside the group when possible, so every click navigates.
                    start = next(
                        (p for p in paginas() if rol in p.rollen and p not in groep), groep[-1]
                    )
                    open_page(page, app, url_path(start))
                    sign_in(page, rol)
                    sidebar = page.get_by_test_id("stSidebar")
                    tijden: dict[str, list[float]] = {p.pad: [] for p in groep}
                    basis: dict[str, list[float]] = {p.pad: [] for p in groep}
                    huidig = start.pad
                    for ronde in range(herhalingen + 1):  # ronde 0 warms the frontend chunks
                        for pagina in groep:
                            if pagina.pad == huidig:  # step away first (not timed)
                                ander = next(
                                    p for p in paginas() if rol in p.rollen and p is not pagina
                                )
                                link = sidebar.get_by_role("link", name=ander.titel, exact=True)
                                _navigeer_ms(page, link.first, url_path(ander))
                            link = sidebar.get_by_role("link", name=pagina.titel, exact=True)
                            b = leeg_ms()
                            t = _navigeer_ms(page, link.first, url_path(pagina))
                            huidig = pagina.pad
                            if ronde:
                                basis[pagina.pad].append(b)
                                tijden[pagina.pad].append(t)
                    for pagina in groep:
                        warm = statistics.median(tijden[pagina.pad])
                        nul = statistics.median(basis[pagina.pad])
                        deel.metingen.append(
                            Meting(pagina.pad, pagina.titel, rol, None, warm, nul, warm / nul)
                        )
                    ctx.close()
                warm, nul = statistics.median(referentie), statistics.median(referentie_basis)
                deel.metingen.append(
                    Meting(
                        GRAFIEK_PAD,
                        "Referentie: lege pagina met één grafiek",
                        "–",
                        None,
                        warm,
                        nul,
                        warm / nul,
                    )
                )
            finally:
                browser.close()
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        _mislukt(deel, exc)
    return deel


# --------------------------------------------------------------------------------------------
# (e): capacity of one app process for new sessions


def meet_capaciteit(db: Path, quick: bool) -> Onderdeel:
    import capaciteit

    publiek = [p.url_pad for p in paginas() if "publiek" in p.rollen]
    pagina_lijst = ["", "thema"] if quick else publiek
    aantallen = [1, 5] if quick else [1, 10, 30]
    deel = Onderdeel("e", extra={"aantallen": aantallen})
    geheugen: dict[str, dict[str, Any]] = {"app": {}, "leeg": {}}
    deel.extra["geheugen"] = geheugen
    try:
        with _servers(db) as (app, leeg):

            def meet_server(naam: str, server: Any, lijst: list[str]) -> list:
                pid = server.process.pid
                geheugen[naam]["na_start"] = rss_mb(pid)

                def na_opwarmen() -> None:
                    geheugen[naam]["na_opwarmen"] = rss_mb(pid)

                batches = capaciteit.meet(server.url, lijst, aantallen, na_opwarmen=na_opwarmen)
                geheugen[naam]["na_batches"] = rss_mb(pid)
                return batches

            rijen = capaciteit.verhoudingen(
                meet_server("leeg", leeg, [""]), meet_server("app", app, pagina_lijst)
            )
        deel.extra["rijen"] = rijen
        if any(r["fouten"] for r in rijen):
            deel.status = "fout"
            deel.reden = next(r["fouten"][0] for r in rijen if r["fouten"])
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        _mislukt(deel, exc)
    return deel


def tabel_capaciteit(deel: Onderdeel) -> str:
    import capaciteit

    regels = ["\n(e) Capaciteit: N nieuwe sessies tegelijk op één app-proces (als publiek)"]
    if not deel.extra.get("rijen"):
        return "\n".join([*regels, f"  {deel.status} ({deel.reden})"])
    regels.append(
        f"  {'pagina':<18} {'N':>3} {'sess/s':>7} {'× leeg':>7} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'p50 ×':>6} {'p95 ×':>6} {'kB':>6}  doel"
    )
    grootste = max(deel.extra["aantallen"])
    for r in deel.extra["rijen"]:
        oordeel = ""
        if r["n"] == grootste:
            ok = (r["fractie_per_s"] or 0) >= capaciteit.DOEL_FRACTIE and not r["fouten"]
            oordeel = "ok" if ok else "NIET GEHAALD"
        regels.append(
            f"  {r['pagina']:<18} {r['n']:>3} {r['sessies_per_s']:>7.2f} "
            f"{_fmt(r['fractie_per_s'], 2):>7} {r['p50_ms']:>7} {r['p95_ms']:>7} "
            f"{_fmt(r['p50_x']):>6} {_fmt(r['p95_x']):>6} {r['kb']:>6.1f}  {oordeel}"
        )
    leeg = {r["n"]: (r["leeg_per_s"], r["leeg_kb"]) for r in deel.extra["rijen"]}
    regels.append(
        "  lege pagina: "
        + ", ".join(f"N={n}: {ps:.2f} sess/s, {kb:.1f} kB" for n, (ps, kb) in leeg.items())
    )
    per_pagina: dict[str, list[str]] = {}
    for r in deel.extra["rijen"]:
        per_pagina.setdefault(r["pagina"], []).append(f"N={r['n']} {_fmt(r['fractie_per_s'], 2)}")
    regels.append("  sess/s × leeg per pagina:")
    regels.extend(f"    {pagina:<16} {', '.join(v)}" for pagina, v in per_pagina.items())
    regels.append(
        f"  doel: bij N = {grootste} ≥ {capaciteit.DOEL_FRACTIE:.0%} van de sessies/s van de "
        "lege pagina"
    )
    regels.extend(_geheugen_regels(deel.extra.get("geheugen", {})))
    return "\n".join(regels)


def _geheugen_regels(geheugen: dict[str, dict[str, Any]]) -> list[str]:
    """The resident memory (VmRSS) of the app and the empty-page server, one line each."""
    regels = []
    for naam, label in (("app", "app-server"), ("leeg", "lege-pagina-server")):
        g = geheugen.get(naam) or {}
        if not g:
            continue

        def mb(moment: str, sleutel: str = "rss_mb", g: dict = g) -> str:
            return _fmt((g.get(moment) or {}).get(sleutel), 0)

        regels.append(
            f"  geheugen (RSS) {label}: {mb('na_start')} MB na start, "
            f"{mb('na_opwarmen')} MB na opwarmen, {mb('na_batches')} MB na alle batches "
            f"(piek {mb('na_batches', 'piek_mb')} MB)"
        )
    return regels


# --------------------------------------------------------------------------------------------
# Report


def _fmt(waarde: float | None, cijfers: int = 1) -> str:
    return "–" if waarde is None else f"{waarde:.{cijfers}f}"


def tabel(deel: Onderdeel, titel: str, doel_ratio: float, met_koud: bool) -> str:
    regels = [f"\n{titel}"]
    if deel.status == NVT or (deel.status == "fout" and not deel.metingen):
        regels.append(f"  {deel.status if deel.status == NVT else 'FOUT'} ({deel.reden})")
        return "\n".join(regels)
    kop = f"  {'pagina':<28} {'rol':<10} "
    kop += f"{'koud s':>7} " if met_koud else ""
    kop += f"{'warm ms':>8} {'leeg ms':>8} {'ratio':>7}  doel"
    regels.append(kop)
    gehaald = 0
    paginas_ = [m for m in deel.metingen if m.pad != GRAFIEK_PAD]
    for m in deel.metingen:
        if m.fout:
            regels.append(f"  {m.pad:<28} {m.rol:<10} FOUT: {m.fout}")
            continue
        if m.pad == GRAFIEK_PAD:  # a reference, not one of the app's pages
            regels.append(
                f"  {'(referentie: één grafiek)':<28} {'–':<10} {_fmt(m.warm_ms):>8} "
                f"{_fmt(m.leeg_ms):>8} {_fmt(m.ratio):>6}×  lege pagina met één plotly-grafiek"
            )
            continue
        ok = m.ratio is not None and m.ratio <= doel_ratio
        if met_koud and m.koud_s is not None:  # koud is measured for one role per page
            ok = ok and m.koud_s <= DOEL_KOUD_S
        gehaald += ok
        regel = f"  {m.pad:<28} {m.rol:<10} "
        regel += f"{_fmt(m.koud_s, 2):>7} " if met_koud else ""
        regel += f"{_fmt(m.warm_ms):>8} {_fmt(m.leeg_ms):>8} {_fmt(m.ratio):>6}×  "
        regel += "ok" if ok else "NIET GEHAALD"
        regels.append(regel)
    doel = f"  doel: warm ≤ {doel_ratio:.0f}× de lege pagina"
    doel += (
        f", koud ≤ {DOEL_KOUD_S:.0f} s (koud alleen voor de eerste rol per pagina)"
        if met_koud
        else ""
    )
    regels.append(doel)
    regels.append(f"  gehaald: {gehaald} van {len(paginas_)} metingen")
    return "\n".join(regels)


def _meet_veel_rondes(werk: Path, rondes: int, warm_runs: int, quick: bool) -> Onderdeel:
    """(b): (a) again on a database built with ``demo --rondes N``."""
    db = werk / f"demo-{rondes}" / "monitor.db"
    try:
        t0 = time.perf_counter()
        maak_database(db, rondes)
        opbouw = time.perf_counter() - t0
        b = meet_apptest("b", db, warm_runs, quick, alleen_quick_paginas=quick)
        b.extra["opbouw_s"] = round(opbouw, 1)
    except RuntimeError as exc:
        b = Onderdeel("b", NVT, f"demo --rondes {rondes} faalt: {str(exc)[-300:]}")
    b.extra["rondes"] = rondes
    return b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions: proves it works")
    parser.add_argument("--out", type=Path, help="JSON file (default bench/results[-quick].json)")
    parser.add_argument("--zonder-browser", action="store_true", help="skip (d)")
    parser.add_argument("--zonder-capaciteit", action="store_true", help="skip (e)")
    parser.add_argument(
        "--delen",
        default=DELEN,
        help="only these parts, e.g. 'ad' or 'e' (letters a-e; default all)",
    )
    args = parser.parse_args(argv)
    delen = "".join(sorted(set(args.delen.lower()) - set(", ")))
    if not delen or set(delen) - set(DELEN):
        parser.error(f"--delen: alleen de letters {DELEN}, niet {args.delen!r}")

    def overgeslagen(naam: str) -> Onderdeel | None:
        if naam not in delen:
            return Onderdeel(naam, NVT, f"overgeslagen (--delen {delen})")
        if naam == "d" and args.zonder_browser:
            return Onderdeel(naam, NVT, "overgeslagen (--zonder-browser)")
        if naam == "e" and args.zonder_capaciteit:
            return Onderdeel(naam, NVT, "overgeslagen (--zonder-capaciteit)")
        return None

    out = args.out or BENCH / ("results-quick.json" if args.quick else "results.json")
    warm_runs = 3 if args.quick else 15
    herhalingen = 1 if args.quick else 5
    rondes_b = RONDES_B_QUICK if args.quick else RONDES_B

    begin = time.perf_counter()
    werk = Path(tempfile.mkdtemp(prefix="monitor-bench-"))
    resultaat: dict[str, Any] = {
        "gemeten_op": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "modus": "quick" if args.quick else "volledig",
        "delen": delen,
        "machine": machine(),
    }
    try:
        db2 = werk / "demo-2" / "monitor.db"
        if any(overgeslagen(naam) is None for naam in "acde"):
            maak_database(db2, None)
        a = overgeslagen("a") or _met_duur(lambda: meet_apptest("a", db2, warm_runs, args.quick))

        b = overgeslagen("b")
        reden = None if b else demo_ondersteunt_rondes()
        if reden:
            b = Onderdeel("b", NVT, reden)
        elif b is None:
            b = _met_duur(lambda: _meet_veel_rondes(werk, rondes_b, warm_runs, args.quick))

        c = overgeslagen("c") or _met_duur(lambda: meet_import(args.quick, db2))
        d = overgeslagen("d") or _met_duur(lambda: meet_browser(db2, herhalingen, args.quick))
        e = overgeslagen("e") or _met_duur(lambda: meet_capaciteit(db2, args.quick))
    finally:
        shutil.rmtree(werk, ignore_errors=True)

    m = resultaat["machine"]
    print(
        f"Monitor bench ({resultaat['modus']}) — {m['cpus']} cores, {m['geheugen_gib']} GiB, "
        f"{m['os']}, Python {m['python']}"
    )
    print(tabel(a, "(a) AppTest, demodata (2 rondes)", DOEL_RATIO_APPTEST, True))
    print(tabel(b, f"(b) AppTest, {rondes_b} rondes synthetische data", DOEL_RATIO_APPTEST, True))
    print(tabel_import(c))
    print(
        tabel(
            d,
            "(d) Browser: navigatie tot pagina klaar en grafieken getekend",
            DOEL_RATIO_BROWSER,
            False,
        )
    )
    print(tabel_capaciteit(e))
    duur = time.perf_counter() - begin
    per_deel = ", ".join(f"({d.naam}) {d.duur_s:.0f} s" for d in (a, b, c, d, e) if d.duur_s)
    print(f"\nduur {duur:.0f} s ({per_deel}); resultaten in {out}")

    for deel in (a, b, c, d, e):
        resultaat[deel.naam] = asdict(deel)
    resultaat["duur_s"] = round(duur, 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(resultaat, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if any(deel.status == "fout" for deel in (a, b, c, d, e)) else 0


if __name__ == "__main__":
    sys.exit(main())
