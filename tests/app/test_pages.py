"""Every page × every role in AppTest: allowed pages render, others refuse."""

import base64
import json

import numpy as np
import pyarrow as pa
import pytest

from monitor.domain import DEMO_BANNER, Rol
from monitor.ui.navigation import PAGINAS
from tests.app.conftest import open_met_tabellen, open_page, page_text
from tests.utils.apptest import getoond, open_tabblad, tabellen_op_elk_blad

GEVALLEN = [(p, r) for p in PAGINAS for r in Rol]


@pytest.mark.parametrize(
    ("pagina", "rol"), GEVALLEN, ids=[f"{p.url_pad or 'start'}-{r.value}" for p, r in GEVALLEN]
)
def test_page_renders_for_allowed_roles_and_refuses_others(pagina, rol):
    at = open_page(pagina.pad, rol, organisatie="GM0363" if rol == Rol.INVULLER else None)
    assert not at.exception, at.exception
    tekst = page_text(at)
    assert DEMO_BANNER in tekst
    if rol in pagina.rollen:
        assert "Geen toegang" not in tekst
        assert at.title and at.title[0].value
    else:
        assert "Geen toegang" in tekst
        assert not at.get("plotly_chart")


def test_home_shows_the_2024_respons_and_charts():
    at = open_page("pages/start.py", ronde="2024")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Respons gemeenten"] == "308 van 342"
    assert metrics["Respons jeugdregio's"] == "41 van 42"
    assert metrics["Landelijke partijen"] == "5 van 5"
    # one chart per tab (only the open tab is built): heatmap, status bars, the map
    assert len(at.get("plotly_chart")) == 1
    for blad in ("Antwoorden per thema", "Kaart"):
        open_tabblad(at, "blad", blad)
        assert not at.exception
        assert len(at.get("plotly_chart")) == 1, blad


def test_round_selector_switches_the_figures():
    at = open_page("pages/start.py", ronde="2024")
    at.selectbox(key="ronde").select(2025).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Respons gemeenten"] != "308 van 342"


def _array(waarden) -> list:
    """Plotly stores numeric arrays as {'dtype', 'bdata'} (base64); plain lists stay lists."""
    if isinstance(waarden, dict):
        return np.frombuffer(base64.b64decode(waarden["bdata"]), dtype=waarden["dtype"]).tolist()
    return waarden


def _staaf_percentages(at, titel_begin: str) -> dict[tuple[str, str], float]:
    """(vraag label, option label) → percentage from the plotly chart whose title starts so."""
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if spec["layout"]["title"]["text"].startswith(titel_begin):
            return {
                (vraag, trace["name"]): float(x)
                for trace in spec["data"]
                for vraag, x in zip(trace["y"], _array(trace["x"]), strict=True)
            }
    raise AssertionError(f"geen grafiek '{titel_begin}'")


def test_thema_page_shows_the_reports_regio_distribution():
    at = open_page("pages/thema.py", ronde="2024", thema="4")
    assert not at.exception
    staven = _staaf_percentages(at, "Jeugdregio's")
    plan = "Onze regio heeft een duidelijk afgestemd bovenregionaal plan."
    assert round(staven[(plan, "Afgerond")]) == 51  # the report: 51% afgerond
    assert round(staven[(plan, "Nog niet begonnen")]) == 0


def test_thema_toelichtingen_only_after_sign_in_and_searchable():
    publiek = open_page("pages/thema.py", ronde="2024", thema="3", blad="Toelichtingen")
    assert "zichtbaar na inloggen" in page_text(publiek)
    kijker = open_page("pages/thema.py", Rol.KIJKER, ronde="2024", thema="3", blad="Toelichtingen")
    kijker.text_input(key="zoek_toelichting").input("wachten").run()
    assert not kijker.exception
    assert any("toelichtingen" in c.value for c in kijker.caption)
    tabel = kijker.dataframe[-1].value
    assert list(tabel.columns) == [
        "Organisatie",
        "Actor",
        "Vraag",
        "Antwoord",
        "Toelichting",
        "Voorlopig",
    ]
    assert not {"gemeente", "regio", "ja", "nee", "mee_bezig"} & set(tabel.stack())


def test_respons_lists_non_respondents_for_kijker_only():
    blad = "Nog niet gereageerd"
    kijker = open_met_tabellen("pages/respons.py", Rol.KIJKER, ronde="2024", blad=blad)
    assert not kijker.exception
    assert any("35 gemeenten en regio's" in c.value for c in kijker.caption)  # 34 + 1 in 2024
    assert "Naam" in kijker.dataframe[0].value.columns
    publiek = open_met_tabellen("pages/respons.py", ronde="2024", blad=blad)
    assert "zien alleen beheerders en kijkers" in page_text(publiek)
    # on every tab: the tables of the three charts (actor, provincie, jeugdregio) and the
    # question counts, never the list of names
    tabellen = tabellen_op_elk_blad(publiek)
    assert len(tabellen) == 4
    assert all("Naam" not in tabel.columns for tabel in tabellen)


def test_respons_shows_one_chart_at_a_time_in_tabs():
    at = open_page("pages/respons.py", ronde="2024")
    assert [t.label for t in at.tabs] == [
        "Per actor",
        "Per provincie",
        "Per jeugdregio",
        "Aantal vragen",
        "Nog niet gereageerd",
    ]
    (per_actor,) = at.get("plotly_chart")  # only the open tab is drawn
    titel = json.loads(per_actor.proto.spec)["layout"]["title"]["text"]
    assert titel == "Respons per actor, ronde 2024"  # the reflectiesessie's slide says the same
    regios = open_page("pages/respons.py", ronde="2024", blad="Per jeugdregio")
    (grafiek,) = regios.get("plotly_chart")
    assert "per jeugdregio" in json.loads(grafiek.proto.spec)["layout"]["title"]["text"]


def test_respons_explains_the_reports_rates_and_unpublished_questions():
    at = open_page("pages/respons.py", ronde="2024", blad="Aantal vragen")
    assert not at.exception
    bijschriften = " ".join(c.value for c in at.caption)
    assert "het rapport noemt 89,2%" in bijschriften and "308 van 342 = 90,1%" in bijschriften
    assert "het rapport noemt 94,9%" in bijschriften and "41 van 42 = 97,6%" in bijschriften
    telling = at.dataframe[-1].value.set_index("Actor")
    assert telling.loc["KBL", "Vragen in het rapport"] == 9
    assert telling.loc["KBL", "Vragen in de monitor"] == 6
    assert (
        "3 vragen van KBL zijn in het rapport geteld maar niet gepubliceerd"
        in (telling.loc["KBL", "Verschil"])
    )


def test_home_tile_help_explains_the_reports_response_rate():
    at = open_page("pages/start.py", ronde="2024")
    hulp = {m.label: m.help for m in at.metric}
    assert "het rapport noemt 89,2%" in hulp["Respons gemeenten"]


def test_beleving_page_says_who_was_asked_and_shows_differences_between_actors():
    at = open_page("pages/beleving.py", ronde="2024", blad="Verschillen tussen actoren")
    assert not at.exception
    assert any(
        "vroeg alleen jeugdregio's en gemeenten naar hun beleving" in c.value for c in at.caption
    )
    verschil = next(d.value for d in at.dataframe if "Thema" in d.value.columns)
    assert list(verschil.columns) == ["Thema", "Regio's", "Gemeenten"]
    assert len(verschil) == 7  # thema 8 has no statement


def test_beleving_page_shows_the_reports_figures():
    at = open_page("pages/beleving.py", ronde="2024", blad="Gemeenten")
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Jeugdregio's", "Gemeenten", "Verschillen tussen actoren"]
    assert len(at.get("plotly_chart")) == 1  # one actor at a time
    gemeenten = _staaf_percentages(at, "Gemeenten")
    regionaal = next(k for k in gemeenten if k[0].startswith("Verplichte regionale samenwerking"))
    assert round(gemeenten[(regionaal[0], "Volledig")]) == 44  # the report: 44% volledig
    regios = _staaf_percentages(open_tabblad(at, "blad", "Jeugdregio's"), "Jeugdregio's")
    assert len({vraag for vraag, _ in regios}) == 6  # regio's answered six statements


def test_verschillen_page_names_the_reports_examples():
    at = open_page("pages/verschillen.py", Rol.KIJKER, ronde="2024")
    assert not at.exception
    tekst = getoond(page_text(at))
    assert "volwassen-GGZ" in tekst and "Stoppen met tijdschrijven" in tekst
    assert "Rijk: Ja" in tekst and "VNG: Nee" in tekst
    volgend = open_page("pages/verschillen.py", Rol.KIJKER, ronde="2025")
    toelichtingen = [t.value for t in [*at.text, *volgend.text]]
    assert "(geen toelichting)" in toelichtingen  # in 2025 one actor gave none
    assert not {"nan", "None", "NaN", ""} & set(toelichtingen)


def test_the_public_sees_each_difference_as_one_card_without_toelichtingen():
    at = open_page("pages/verschillen.py", ronde="2024")
    assert not at.exception
    kaarten = [getoond(m.value) for m in at.markdown if "**Rijk: " in m.value]
    assert kaarten, "no card with Rijk's answer"
    assert all("**VNG: " in k or "**BGZJ: " in k or "**SBJ: " in k for k in kaarten)
    assert any("volwassen-GGZ" in k for k in kaarten)  # the afspraak and its answers together
    assert not at.text  # no toelichting for the public
    assert "Toelichtingen zijn zichtbaar na inloggen." in page_text(at)


def test_planning_page_lists_what_the_report_names_as_behind():
    at = open_page("pages/planning.py", ronde="2024", blad="Achter op planning")
    assert not at.exception
    tekst = page_text(at)
    assert "beter niet doen" in tekst.lower()  # SBJ, Klaar Q4 2023
    assert "kwaliteitskaders" in tekst  # KBL, In 2023
    assert "Stevige lokale teams" in tekst  # VNG's convenant, Klaar Q2 2024
    volgend = open_page("pages/planning.py", ronde="2025", blad="Achter op planning")
    gedeeld = next(t.value for t in volgend.table if "Achter (%)" in t.value.columns)
    aandeel = gedeeld["Achter (%)"]
    assert aandeel.str.fullmatch(r"\d+%").all(), aandeel.tolist()  # '2%', never 2.4000


MIN = "\u2212"  # the minus sign of a difference


def test_thema_changes_are_signed_and_match_the_figures_shown():
    at = open_page("pages/thema.py", Rol.KIJKER, ronde="2025", thema="4", blad="Verandering")
    assert not at.exception
    index = next(d.value for d in at.dataframe if "Verschil" in d.value.columns)
    for vorig, nu, verschil in index[["Vorige ronde", "Deze ronde", "Verschil"]].itertuples(
        index=False
    ):
        if "–" in (vorig, nu):
            assert verschil == "–"
            continue
        delta = int(nu.replace(".", "")) - int(vorig.replace(".", ""))
        teken = "+" if delta > 0 else MIN
        verwacht = "0" if delta == 0 else f"{teken}{abs(delta)}"
        assert verschil == verwacht, (vorig, nu, verschil)
    per_vraag = next(d.value for d in at.dataframe if "Verschil (procentpunt)" in d.value.columns)
    assert per_vraag["Verschil (procentpunt)"].str.fullmatch(f"[+{MIN}]\\d+|0|–").all()


def test_start_map_table_shows_a_dash_not_none_and_keeps_numbers_to_sort_on():
    at = open_met_tabellen("pages/start.py", Rol.KIJKER, ronde="2025", blad="Kaart")
    kaart = next(d for d in at.dataframe if "Code" in d.value.columns)
    getoond = pa.ipc.open_stream(kaart.proto.arrow_data.styler.display_values).read_pandas()
    groningen = kaart.value["Code"] == "GM0014"  # did not submit in 2025
    assert kaart.value.loc[groningen, "Index (0–100)"].isna().all()  # still a number column
    assert getoond.loc[groningen, "Index (0–100)"].tolist() == ["–"]
    assert not getoond.isin(["None", "nan", "NaN", "<NA>"]).any().any()
    open_tabblad(at, "blad", "Antwoorden per thema")
    verdeling = next(d for d in at.dataframe if "Percentage" in d.value.columns)
    getoond = pa.ipc.open_stream(verdeling.proto.arrow_data.styler.display_values).read_pandas()
    assert getoond["Percentage"].str.fullmatch(r"\d+(,\d)?").all()  # '11,1', not '11.1'


def test_planning_page_shows_sources_and_marks_inferred_dependencies():
    at = open_page("pages/planning.py", ronde="2024", blad="Wacht op")
    assert not at.exception
    bronnen = {tuple(d.value.columns): d.value for d in at.dataframe}
    at = open_tabblad(at, "blad", "Bronnen")
    bronnen |= {tuple(d.value.columns): d.value for d in at.dataframe}
    afh = bronnen[("Afspraak", "Wacht op", "Bron")]
    a715 = afh[afh["Afspraak"].str.startswith("A7.15")]["Bron"].iloc[0]
    assert a715.startswith("[afgeleid] afgeleid: ")
    a404 = afh[afh["Afspraak"].str.startswith("A4.04")]["Bron"].iloc[0]
    assert a404.startswith("rapport §3.4 tabel")
    plan = bronnen[("Afspraak", "Planning", "Geldig vanaf", "Bron")]
    assert plan["Bron"].str.len().gt(0).all()
    assert (
        plan.loc[plan["Afspraak"].str.startswith("A6.01"), "Bron"].iloc[0].startswith("[afgeleid]")
    )


def test_nonsense_in_the_url_falls_back_to_defaults():
    at = open_page("pages/thema.py", ronde="1999", thema="abc", blad="Kaart")
    assert not at.exception
    assert at.selectbox(key="ronde").value == 2025  # the newest round
    assert at.selectbox(key="thema").value == 1
    assert at.session_state["blad"] == "Per actor"  # Thema's has no tab 'Kaart': the first
    assert at.get("plotly_chart")  # and it is built


def test_a_tab_named_in_the_url_opens_and_only_it_is_built():
    at = open_page("pages/start.py", ronde="2024", blad="Kaart")
    assert not at.exception
    assert at.session_state["blad"] == "Kaart"
    (kaart,) = at.get("plotly_chart")
    assert '"choroplethmap"' in kaart.proto.spec  # the map, not the heatmap of the first tab


def test_an_empty_database_says_what_to_do_and_its_tables_are_found_once_made(
    tmp_path, monkeypatch
):
    import streamlit as st

    from monitor.db import make_engine, upgrade_schema

    pad = tmp_path / "leeg.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{pad}")
    st.cache_data.clear()
    st.cache_resource.clear()
    leeg = open_page("pages/start.py")
    assert "De database is nog leeg" in page_text(leeg)
    engine = make_engine(f"sqlite:///{pad}")
    upgrade_schema(engine)  # the tables now exist (still without rounds)
    engine.dispose()
    leeg.run()  # the same session, the same app process: looked at again, not remembered
    assert "De database is nog leeg" not in page_text(leeg)
    st.cache_data.clear()
    st.cache_resource.clear()
