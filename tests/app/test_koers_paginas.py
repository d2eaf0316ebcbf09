"""Op koers? on Planning and Thema's: the view is there and says what the figure function says."""

import json

from monitor.kengetallen import koers
from monitor.store import lezen
from monitor.store.sessie import lees
from tests.app.conftest import open_met_tabellen, open_page, page_text


def _tabel(at, kop: str):
    return next(d.value for d in at.dataframe if kop in d.value.columns)


def _koers_per_thema(engine, jaar: int):
    with lees(engine) as session:
        metingen = [
            koers.Meting(
                r.jaar,
                r.peildatum,
                lezen.vragen_frame(session, r.id),
                lezen.antwoorden_frame(session, r.id, alleen_ingediend=True),
            )
            for r in lezen.rondes(session)
            if r.jaar <= jaar and r.peildatum is not None
        ]
        return koers.koers_per_thema(
            metingen, lezen.planning_frame(session), lezen.afspraken_frame(session)
        )


def test_planning_shows_op_koers_per_thema_with_a_mix_of_outcomes(demo_engine):
    at = open_met_tabellen("pages/planning.py", ronde="2025", blad="Op koers?")
    assert not at.exception
    tekst = page_text(at)
    assert "Op koers?" in tekst
    assert "lineair" in tekst and "zelfrapportage" in tekst
    titels = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert "Op koers per thema en actor, ronde 2025" in titels
    tabel = _tabel(at, "Thema en actor")
    verwacht = _koers_per_thema(demo_engine, 2025)
    assert tabel["Uitkomst"].tolist() == verwacht["uitkomst"].astype(str).tolist()
    assert {koers.OP_KOERS, koers.NIET_HAALBAAR} <= set(tabel["Uitkomst"])
    gemeenten = tabel[tabel["Thema en actor"].str.startswith("Gemeenten, thema 1. ")].iloc[0]
    rij = verwacht[(verwacht["thema_nr"] == 1) & (verwacht["actortype"] == "gemeente")].iloc[0]
    assert gemeenten["100% gereed bij dit tempo"] == koers.verwacht_tekst(
        vroegst=rij["vroegst"], laatst=rij["laatst"], tempo=rij["tempo_trend"]
    )
    assert gemeenten["Gereed nu (%)"].endswith("%")
    per_afspraak = _tabel(at, "Actor en afspraak")
    assert koers.VERSTREKEN in set(per_afspraak["Uitkomst"])


def test_planning_of_the_first_round_has_too_few_rounds():
    at = open_page("pages/planning.py", ronde="2024", blad="Op koers?")
    assert not at.exception
    tabel = _tabel(at, "Thema en actor")
    assert set(tabel["Uitkomst"]) <= {koers.TE_WEINIG, koers.GEREED}
    assert koers.TE_WEINIG in set(tabel["Uitkomst"])
    assert "Geen reeks met twee of meer rondes" in page_text(at)


def test_thema_page_shows_op_koers_per_actor(demo_engine):
    at = open_met_tabellen("pages/thema.py", ronde="2025", thema="1", blad="Op koers?")
    assert not at.exception
    tabel = _tabel(at, "Uitkomst")
    verwacht = _koers_per_thema(demo_engine, 2025)
    verwacht = verwacht[verwacht["thema_nr"] == 1]
    assert tabel["Actor"].tolist()[0] == "Gemeenten"
    assert tabel["Uitkomst"].tolist() == verwacht["uitkomst"].astype(str).tolist()
    assert "Op koers?" in [s.value for s in at.subheader]


def test_reflectiesessie_has_the_op_koers_slide_from_the_second_round():
    at = open_met_tabellen(
        "pages/reflectiesessie.py", ronde="2025", dia="11"
    )  # after planning-stand
    assert not at.exception
    assert at.header[0].value == "Op koers? Gemeenten en jeugdregio's per thema, ronde 2025"
    tekst = page_text(at)
    assert "Bij het tempo tussen de rondes is " in tekst and "lineair" in tekst
    tabel = _tabel(at, "Actor en thema")
    assert set(tabel["Uitkomst"]) <= {koers.OP_KOERS, koers.ONZEKER, koers.NIET_HAALBAAR}
    assert tabel["Actor en thema"].str.match(r"(Gemeenten|Jeugdregio's), thema \d$").all()
