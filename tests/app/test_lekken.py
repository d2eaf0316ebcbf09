"""The leak test of issue 12: no page shows an organisation's data to a viewer who may not see it.

Every page (app.py and pages/*.py) is rendered in AppTest for four viewers, in three variants
of the demo database (round 2025, the round the pages show by default):

- ``genoemd``      the demo as it is: round 2025 names its respondents;
- ``anoniem``      round 2025 (and the open round) set to ``zichtbaarheid = 'anoniem'``;
- ``niet_noemen``  round 2025 named, but Amsterdam (GM0363) on ``niet_noemen``.

``tests/utils/lekken.py`` scans all text, tables, chart data (x, y, z, text, hovertext,
customdata, locations, labels) and download payloads (.xlsx via openpyxl, .csv as text) for an
organisation's name or code *paired with a value*. Each finding is then judged by the rules
below; anything they forbid fails the test with page, viewer, variant, organisation and value.

Who may see another organisation's data (README 'Benchmark', 'Invullen, accounts en rollen' and
issue 12). "Own" data (the invuller's own organisation) is always allowed.

| viewer                  | named round | anonymous round | niet_noemen org | non-respondents |
|-------------------------|-------------|-----------------|-----------------|-----------------|
| publiek                 | no          | no              | no              | no              |
| invuller, not submitted | no          | no              | no              | no              |
| invuller, submitted     | yes, named  | no (anonymised) | no              | no              |
| kijker                  | yes, named  | no (anonymised) | no              | yes             |

'no' means: the organisation's name or code never appears next to one of its values (answer,
toelichting, index, response status). Totals and groups (per provincie, per jeugdregio, with
the regio's own answer left out) are allowed for everyone; so are names without values (a list
to choose from). The landelijke partijen are out of scope: the report names them by design.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import streamlit as st
from sqlmodel import select

from monitor.db import make_engine, read_session, write_session
from monitor.domain import Rol, Zichtbaarheid, optie_label
from monitor.errors import GeenToegang
from monitor.kengetallen.voortgang import split_waarde
from monitor.models import Organisatie, Ronde
from monitor.rapportage.bron import laad_bron
from monitor.rapportage.excel_tabellen import bouw_xlsx
from monitor.rapportage.pptx_export import bouw_pptx
from monitor.rechten import Gebruiker
from monitor.reflectie.dias import catalogus
from monitor.rondes.vragenlijst import parse_opties
from monitor.store import lezen
from monitor.store.schrijven import set_meta
from monitor.ui.benchmark import EIGEN_LEDEN
from monitor.ui.navigation import PAGINAS
from monitor.uitwisseling.exporteren import exporteer_csv, exporteer_xlsx, laad_ronde
from tests.e2e.browser_harness import sqlite_url
from tests.utils.lekken import Scanner, Vondst
from tests.utils.weergave import Kijker, andere_tabbladen, render, scan, verder

RONDE = 2025
AMSTERDAM = "GM0363"  # the organisation put on niet_noemen (and attacked below)
INGEDIEND = "GM0384"  # Diemen: submitted 2025, same jeugdregio as Amsterdam
NIET_INGEDIEND = "GM0356"  # Nieuwegein: did not submit 2025

PUBLIEK = Kijker("publiek", Rol.PUBLIEK)
INVULLER_NIET_INGEDIEND = Kijker("invuller-niet-ingediend", Rol.INVULLER, NIET_INGEDIEND)
INVULLER_INGEDIEND = Kijker("invuller-ingediend", Rol.INVULLER, INGEDIEND)
KIJKER = Kijker("kijker", Rol.KIJKER)
KIJKERS = (PUBLIEK, INVULLER_NIET_INGEDIEND, INVULLER_INGEDIEND, KIJKER)
VARIANTEN = ("genoemd", "anoniem", "niet_noemen")


def mag_zien(kijker: Kijker, variant: str, vondst: Vondst) -> bool:
    """The rules table of the module docstring, as code."""
    if kijker.organisatie is not None and vondst.code == kijker.organisatie:
        return True  # its own data
    if "(totalen per " in vondst.waar:
        # a map of areas labelled by jeugdregio or provincie: the value is the total of the
        # gemeenten (or regio's) in it, shown only from MIN_ANONIEM answers on, never the
        # regio's own answer (kengetallen.kaart.aggregaat)
        return True
    if vondst.soort == "respons":
        return kijker.rol == Rol.KIJKER
    if kijker.rol == Rol.PUBLIEK or kijker == INVULLER_NIET_INGEDIEND:
        return False
    if variant == "anoniem":
        return False
    return not (variant == "niet_noemen" and vondst.code == AMSTERDAM)


# --------------------------------------------------------------------------------------------
# What to visit per page: the query-parameter variants that show more than the default.


class _Zoek:
    """Search the toelichtingen for ``term`` (the box is there for signed-in viewers only)."""

    def __init__(self, term: str) -> None:
        self.term = term

    def __call__(self, at) -> None:
        if any(t.key == "zoek_toelichting" for t in at.text_input):
            at.text_input(key="zoek_toelichting").input(self.term).run()

    def __str__(self) -> str:
        return f"(zoek toelichtingen: {self.term!r})"


# To stay fast, each page is visited once per code path that shows different data: the map
# by index and by vraag, per gemeente and per jeugdregio (index per regio is the same path as
# per gemeente); thema 1 and 4 (4 also holds the regio's own plan), a search for a name in the
# toelichtingen; the benchmark with its default group and with all gemeenten. The slides take
# no user (monitor.reflectie.dias.catalogus), so every ``?dia=`` is visited by the strictest
# viewer (publiek); the others see slide 1.
BEZOEKEN: dict[str, list[tuple[dict[str, str], object]]] = {
    "pages/start.py": [
        ({}, None),  # every tab; the map: index per gemeente
        ({"blad": "Kaart", "kaart": "gemeente", "kleur": "vraag"}, None),
        ({"blad": "Kaart", "kaart": "regio", "kleur": "vraag"}, None),
    ],
    "pages/thema.py": [
        ({"thema": "1"}, _Zoek("Amsterdam")),
        ({"thema": "4"}, None),
    ],
    "pages/benchmark.py": [({}, None), ({"groep": "alle"}, None)],
}
ALLE_DIAS = (PUBLIEK,)


def _bezoeken(pad: str, kijker: Kijker) -> list[tuple[dict[str, str], object]]:
    bezoeken = BEZOEKEN.get(pad, [({}, None)])
    if pad == "pages/benchmark.py" and kijker.rol == Rol.KIJKER:
        # a kijker picks an organisation: one whose jeugdregio holds Amsterdam
        bezoeken = [({**q, "organisatie": INGEDIEND}, a) for q, a in bezoeken]
    return bezoeken


def _query_tekst(query: dict[str, str]) -> str:
    return "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""


# --------------------------------------------------------------------------------------------
# Fixtures: one copy of the demo database per variant, caches kept while the variant lasts.


def _maak_variant(bron: Path, doel: Path, variant: str, versie: int) -> None:
    shutil.copyfile(bron, doel)
    engine = make_engine(sqlite_url(doel))
    try:
        with write_session(engine) as session:
            if variant == "anoniem":
                for ronde in session.exec(select(Ronde).where(Ronde.jaar >= RONDE)):
                    ronde.zichtbaarheid = Zichtbaarheid.ANONIEM
                    session.add(ronde)
            if variant == "niet_noemen":
                org = session.get(Organisatie, AMSTERDAM)
                org.niet_noemen = True
                session.add(org)
            # a data versie of its own: no cached aggregate of another variant is ever reused
            set_meta(session=session, sleutel="data_versie", waarde=str(versie))
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def varianten(demo_database_file: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    map_ = tmp_path_factory.mktemp("lekken")
    paden = {}
    for i, variant in enumerate(VARIANTEN):
        paden[variant] = map_ / f"{variant}.db"
        _maak_variant(demo_database_file, paden[variant], variant, versie=1000 + i)
    yield paden
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def scanner(varianten: dict) -> Scanner:
    engine = make_engine(sqlite_url(varianten["genoemd"]))
    try:
        with read_session(engine) as session:
            return Scanner(lezen.organisaties_frame(session))
    finally:
        engine.dispose()


_IN_GEBRUIK: dict[str, str | None] = {"url": None}


@pytest.fixture(autouse=True)
def _app_database():
    """Replaces tests/app/conftest.py's fixture: caches live as long as one variant is used."""
    yield


def _gebruik(variant: str, varianten: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    url = sqlite_url(varianten[variant])
    monkeypatch.setenv("DATABASE_URL", url)
    if _IN_GEBRUIK["url"] != url:
        st.cache_data.clear()
        st.cache_resource.clear()
        _IN_GEBRUIK["url"] = url


# --------------------------------------------------------------------------------------------
# The leak test


def _melding(pagina: str, kijker: Kijker, variant: str, lekken: list[tuple[str, Vondst]]) -> str:
    per_org = Counter(f"{v.naam} ({v.code})" for _, v in lekken)
    regels = [
        f"LEAK on {pagina} for {kijker.naam}, variant {variant}: {len(lekken)} findings of "
        f"another organisation with a value ({len(per_org)} organisations, e.g. "
        f"{', '.join(o for o, _ in per_org.most_common(3))})"
    ]
    getoond: set[tuple[str, str]] = set()
    for query, vondst in lekken:  # one example per place and kind
        plek = (query + re.sub(r", (rij|punt|kolom) .*$", "", vondst.waar), vondst.soort)
        if plek in getoond or len(getoond) >= 12:
            continue
        getoond.add(plek)
        regels.append(f"  {pagina}{query}: {vondst}")
    return "\n".join(regels)


GEVALLEN = [(v, k, p.pad) for v in VARIANTEN for k in KIJKERS for p in PAGINAS]


@pytest.mark.parametrize(
    ("variant", "kijker", "pagina"),
    GEVALLEN,
    ids=[f"{v}-{k.naam}-{p.removeprefix('pages/').removesuffix('.py')}" for v, k, p in GEVALLEN],
)
def test_no_page_shows_what_the_viewer_may_not_see(
    variant, kijker, pagina, varianten, scanner, monkeypatch
):
    _gebruik(variant, varianten, monkeypatch)
    lekken: list[tuple[str, Vondst]] = []
    bezoeken = list(_bezoeken(pagina, kijker))
    i = 0
    while i < len(bezoeken):
        query, actie = bezoeken[i]
        weergave = render(pagina, kijker, query)
        waar = _query_tekst(query)
        lekken += _lekken(weergave, scanner, kijker, variant, waar)
        if actie is not None:
            weergave = verder(weergave, actie)
            lekken += _lekken(weergave, scanner, kijker, variant, f"{waar} {actie}")
        # every tab (only the open one is built), unless the visit names its tab itself
        for blad in [] if "blad" in query else andere_tabbladen(weergave):
            lekken += _lekken(weergave, scanner, kijker, variant, f"{waar} (tab {blad})")
            if actie is not None:
                weergave = verder(weergave, actie)
                lekken += _lekken(weergave, scanner, kijker, variant, f"{waar} {blad} {actie}")
        if pagina == "pages/reflectiesessie.py" and not query and kijker in ALLE_DIAS:
            aantal = _aantal_dias(weergave.at)  # then every slide: ?dia=2…
            bezoeken += [({"dia": str(n)}, None) for n in range(2, aantal + 1)]
        i += 1
    if lekken:
        pytest.fail(_melding(pagina, kijker, variant, lekken), pytrace=False)


def _lekken(weergave, scanner: Scanner, kijker: Kijker, variant: str, waar: str) -> list:
    assert not weergave.at.exception, f"{waar}: {weergave.at.exception}"
    return [(waar, v) for v in scan(weergave, scanner) if not mag_zien(kijker, variant, v)]


def _aantal_dias(at) -> int:
    for element in at.markdown:
        if gevonden := re.search(r"Dia \d+ van (\d+)", str(element.value)):
            return int(gevonden.group(1))
    return 1


# --------------------------------------------------------------------------------------------
# The differencing attack: two custom groups that differ by one organisation


GROEP_VAN_VIJF = ["GM0358", "GM0362", "GM0375", "GM0437", "GM0451"]  # all submitted 2025


def _groepsverdeling(at) -> dict[str, tuple[int, Counter]]:
    """Per vraag code: (answers in the group, count per option label), read from the page's
    'Per vraag' table ('Ja 60% · Nee 40%' with 'Antwoorden groep'). Empty when not shown."""
    tabellen = [
        e.value
        for e in at.dataframe
        if {"Code", "Vergelijkgroep", "Antwoorden groep"} <= set(e.value.columns)
    ]
    if not tabellen:
        return {}
    tabel = max(tabellen, key=len)  # every vraag (the chart's table holds one thema)
    uit = {}
    for rij in tabel.itertuples(index=False):
        n = int(rij[tabel.columns.get_loc("Antwoorden groep")])
        tellingen: Counter = Counter()
        for deel in str(rij[tabel.columns.get_loc("Vergelijkgroep")]).split(" · "):
            if gevonden := re.fullmatch(r"(.+) (\d+)%", deel.strip()):
                tellingen[gevonden.group(1)] = round(int(gevonden.group(2)) * n / 100)
        uit[rij[tabel.columns.get_loc("Code")]] = (n, tellingen)
    return uit


def _kies_eigen_groep(at, leden: list[str]) -> bool:
    """Compose the custom group on the page and choose it; False when the page offers none."""
    if not any(m.key == EIGEN_LEDEN for m in at.multiselect):
        # closed by removing custom groups, not by renaming the widget under this test
        aangeboden = [m.label for m in at.multiselect if "eigen" in str(m.label).lower()]
        assert not aangeboden, f"custom groups offered as {aangeboden}: update EIGEN_LEDEN"
        return False
    at.multiselect(key=EIGEN_LEDEN).set_value(leden).run()
    if not any(str(o).startswith("Eigen selectie") for o in at.selectbox(key="groep").options):
        return False  # options are shown labels: 'Eigen selectie – 5'
    at.selectbox(key="groep").set_value("eigen").run()
    return not at.exception


def _antwoorden_van(varianten: dict, code: str) -> dict[str, set[str]]:
    """The organisation's submitted answers of round 2025 as option labels, per vraag code."""
    engine = make_engine(sqlite_url(varianten["anoniem"]))
    try:
        with read_session(engine) as session:
            ronde = lezen.ronde_by_jaar(session, RONDE)
            vragen = lezen.vragen_frame(session, ronde.id).set_index("id")
            antwoorden = lezen.antwoorden_frame(session, ronde.id, alleen_ingediend=True)
    finally:
        engine.dispose()
    uit = {}
    for rij in antwoorden[antwoorden["organisatie_code"] == code].itertuples():
        vraag = vragen.loc[rij.vraag_id]
        opties = parse_opties(vraag["opties"] or "")
        uit[vraag["code"]] = {optie_label(c, opties) for c in split_waarde(rij.waarde)}
    return uit


def test_two_custom_groups_do_not_reveal_an_anonymous_organisations_answers(varianten, monkeypatch):
    """In an anonymous round, Diemen (submitted) compares a group of five with the same five
    plus Amsterdam: the difference must not give away Amsterdam's answers."""
    _gebruik("anoniem", varianten, monkeypatch)
    # the 'Per vraag' table is in its own tab, built only while open
    at = render("pages/benchmark.py", INVULLER_INGEDIEND, {"blad": "Per vraag"}).at
    assert not at.exception, at.exception
    voor = _groepsverdeling(at) if _kies_eigen_groep(at, GROEP_VAN_VIJF) else {}
    na = _groepsverdeling(at) if _kies_eigen_groep(at, [*GROEP_VAN_VIJF, AMSTERDAM]) else {}
    echt = _antwoorden_van(varianten, AMSTERDAM)
    teruggevonden = {}
    for code, (n_na, tellingen_na) in na.items():
        if code not in voor or voor[code][0] + 1 != n_na:
            continue
        erbij = {label for label, aantal in tellingen_na.items() if aantal > voor[code][1][label]}
        if erbij and erbij == echt.get(code):
            teruggevonden[code] = erbij
    if teruggevonden:
        pytest.fail(
            f"LEAK: differencing attack on pages/benchmark.py as {INVULLER_INGEDIEND.naam}, "
            f"variant anoniem: groups of 5 and 5 + Amsterdam give away Amsterdam ({AMSTERDAM})'s "
            "answer on "
            f"{len(teruggevonden)} of the {len(na)} questions in its table, e.g. "
            + ", ".join(f"{c}: {', '.join(sorted(v))}" for c, v in list(teruggevonden.items())[:5]),
            pytrace=False,
        )


# --------------------------------------------------------------------------------------------
# Exports: what the pages' export code produces for a viewer who is not a beheerder


@pytest.fixture(scope="module")
def rapporten(varianten) -> dict[str, dict[str, bytes]]:
    """Per variant the Rapportage page's Excel tables and PowerPoint, as built for the public
    view (the page offers them to everyone; no notes without sign-in)."""
    uit = {}
    for variant, pad in varianten.items():
        engine = make_engine(sqlite_url(pad))
        try:
            with read_session(engine) as session:
                bron = laad_bron(session, RONDE)
        finally:
            engine.dispose()
        uit[variant] = {
            "rapportage.xlsx": bouw_xlsx(bron),
            "rapportage.pptx": bouw_pptx(bron, catalogus(bron), None),
        }
    return uit


@pytest.mark.parametrize("variant", VARIANTEN)
@pytest.mark.parametrize("kijker", KIJKERS, ids=lambda k: k.naam)
def test_exports_show_no_organisation_the_viewer_may_not_see(
    variant, kijker, varianten, rapporten, scanner
):
    engine = make_engine(sqlite_url(varianten[variant]))
    gebruiker = Gebruiker(kijker.rol, f"Test {kijker.rol.value}", kijker.organisatie)
    try:
        ronde = laad_ronde(engine, RONDE)
    finally:
        engine.dispose()
    bestanden: dict[str, bytes] = {"export.xlsx": exporteer_xlsx(gebruiker, ronde)}
    try:
        bestanden["export.csv"] = exporteer_csv(gebruiker, ronde)
    except GeenToegang:
        pass  # the raw answers are for beheerders: refusing is what we want
    vondsten = [v for naam, inhoud in bestanden.items() for v in scanner.download(inhoud, naam, "")]
    vondsten += scanner.download(rapporten[variant]["rapportage.xlsx"], "rapportage.xlsx", "")
    vondsten += scanner.pptx(rapporten[variant]["rapportage.pptx"], "'rapportage.pptx'")
    lekken = [("", v) for v in vondsten if not mag_zien(kijker, variant, v)]
    if lekken:
        pytest.fail(_melding("export (Beheer/Rapportage)", kijker, variant, lekken), pytrace=False)
