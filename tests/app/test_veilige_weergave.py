"""User text on screen (issue 13): Markdown from users stays text, and the toolbar download of
a table with free text cannot carry a formula into Excel. AppTest on a private demo copy."""

from datetime import UTC, datetime

from sqlalchemy import update
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from monitor.db import write_session
from monitor.domain import Rol
from monitor.invullen import antwoorden as invullen
from monitor.models import Antwoord, Ronde, Vraag
from monitor.rechten import Gebruiker
from tests.app.conftest import TIMEOUT, open_page

PHISHING = "[Bram](https://phish.example/login)"
BEACON = "![](https://tracker.example/pixel.png) zie **hier**"
FORMULE = '=HYPERLINK("https://phish.example","klik")'


def test_the_conflict_warning_shows_a_colleagues_name_and_toelichting_as_plain_text(demo_kopie):
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363")
    with write_session(demo_kopie) as session:
        ronde = invullen.open_ronde(session)
        vraag_id = session.exec(
            select(Vraag.id).where(Vraag.ronde_id == ronde.id, Vraag.code == "GEM.1.01")
        ).one()
        invullen.save_antwoord(
            session,
            Gebruiker(Rol.INVULLER, PHISHING, "GM0363"),
            ronde=ronde,
            organisatie_code="GM0363",
            vraag_id=vraag_id,
            waarde="nee",
            toelichting=BEACON,
            basis_versie=0,
            nu=datetime.now(UTC),
        )
    at.radio(key=f"antwoord-GM0363-{vraag_id}").set_value("ja").run()
    waarschuwing = " ".join(w.value for w in at.warning)
    assert "heeft dit antwoord intussen gewijzigd" in waarschuwing
    # no link and no image: every Markdown sign arrives escaped
    assert r"\[Bram\]\(https\:\/\/phish\.example\/login\)" in waarschuwing
    assert r"\!\[\]\(https\:\/\/tracker\.example\/pixel\.png\) zie \*\*hier\*\*" in waarschuwing
    assert "](https://" not in waarschuwing


def test_the_thema_toelichtingen_table_holds_formulas_neutralised(demo_kopie):
    # stored before the rules, straight into the table (round 2024 of the demo is published)
    with demo_kopie.begin() as verbinding:
        ronde_id = verbinding.execute(select(Ronde.id).where(Ronde.jaar == 2024)).scalar_one()
        vraag_ids = select(Vraag.id).where(
            Vraag.ronde_id == ronde_id, Vraag.code.startswith("GEM.3.")
        )
        verbinding.execute(
            update(Antwoord)
            .where(Antwoord.vraag_id.in_(vraag_ids), Antwoord.toelichting.is_not(None))
            .values(toelichting=FORMULE)
        )
    kijker = open_page("pages/thema.py", Rol.KIJKER, ronde="2024", thema="3", blad="Toelichtingen")
    assert not kijker.exception
    tabel = kijker.dataframe[-1].value  # the last table of the page: the toelichtingen
    kolom = next(k for k in tabel.columns if k.lower() == "toelichting")
    assert len(tabel) > 0
    formules = [t for t in tabel[kolom] if "HYPERLINK" in t]
    assert formules and set(formules) == {"'" + FORMULE}  # the toolbar's CSV gets this copy
    assert any(b.proto.label == "Download als Excel" for b in kijker.get("download_button"))


def _importrapport_script():
    from monitor.ui.beheer_import import _toon_rapport
    from monitor.uitwisseling.bestanden import Probleem
    from monitor.uitwisseling.importeren import ImportRapport

    rapport = ImportRapport("[klik](https://phish.example).xlsx", 2024)
    rapport.problemen.append(
        Probleem("=cmd|' /C calc'!A0", 2, "A", "organisatiecode bestaat niet.")
    )
    _toon_rapport(rapport)


def test_the_import_report_shows_the_file_name_as_text_and_its_table_neutralised():
    at = AppTest.from_function(_importrapport_script, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert r"\[klik\]\(https\:\/\/phish\.example\)\.xlsx" in at.error[0].value
    assert at.dataframe[0].value["Blad"][0] == "'=cmd|' /C calc'!A0"


def _tabel_script():
    import pandas as pd

    from monitor.ui import veilig

    frame = pd.DataFrame(
        {"Organisatie": ["=cmd|' /C calc'!A0", None], "Aandeel": [2.5, float("nan")]}
    )
    veilig.tabel(frame, titel="Grid", key="grid", download=False)
    veilig.tabel(frame, titel="Vast", vast=True, download=False)


def test_every_table_shows_formulas_neutralised_and_a_dash_where_text_is_missing():
    at = AppTest.from_function(_tabel_script, default_timeout=TIMEOUT).run()
    assert not at.exception
    for getoond in (at.dataframe[0].value, at.table[0].value):
        assert list(getoond["Organisatie"]) == ["'=cmd|' /C calc'!A0", "–"]
    assert not at.button  # no download where it is switched off
