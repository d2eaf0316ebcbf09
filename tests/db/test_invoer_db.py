"""Issue 13 against a real database (SQLite and PostgreSQL): the input rules hold at the data
layer, exports survive what is already stored, a dry run says what the real run will do."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import update
from sqlmodel import select

from monitor.db import write_session
from monitor.domain import RondeStatus
from monitor.invoer import TekstFout
from monitor.invullen.antwoorden import WaardeFout
from monitor.models import Antwoord, Ronde, Vraag
from monitor.rondes import levensloop
from monitor.store import schrijven
from monitor.uitwisseling.exporteren import exporteer
from tests.db.invul_fixtures import AMSTERDAM, maak_open_ronde
from tests.db.test_import_db import BEHEERDER, _antwoorden, _importeer, gevuld  # noqa: F401
from tests.db.test_invullen import _save
from tests.utils.db import table_checksum
from tests.utils.import_bestanden import LANG, xlsx


def test_a_nul_saved_through_the_form_is_refused_in_dutch_and_nothing_is_written(engine):
    open_ronde = maak_open_ronde(engine)
    voor = table_checksum(engine)
    with pytest.raises(WaardeFout, match=r"Vraag GEM\.4\.01: de toelichting bevat .*U\+0000"):
        _save(engine, AMSTERDAM, open_ronde.vraag_ids["GEM.4.01"], "mee_bezig", 0, "a\x00b")
    assert table_checksum(engine) == voor


@pytest.mark.parametrize("toelichting", ["nul\x00hier", "stuur\x01teken\x0bhier", "x" * 5_001])
def test_the_data_layer_refuses_what_no_entry_point_may_store(gevuld, toelichting):  # noqa: F811
    """A script or a future entry point that skips the form and the import still gets a Dutch
    TekstFout, never a driver's DataError, and the transaction writes nothing."""
    voor = table_checksum(gevuld)
    with pytest.raises(TekstFout, match="2024/GM0599/GEM.1.01: de toelichting"):
        with write_session(gevuld) as session:
            ronde = session.exec(select(Ronde).where(Ronde.jaar == 2024)).one()
            vraag = session.exec(
                select(Vraag).where(Vraag.ronde_id == ronde.id, Vraag.code == "GEM.1.01")
            ).one()
            schrijven.bulk_save_antwoorden(
                session=session,
                ronde=ronde,
                antwoorden=[schrijven.NieuwAntwoord("GM0599", vraag.id, "ja", toelichting)],
                door="script",
                bron="script",
                status="ingediend",
                moment=datetime(2024, 7, 2, tzinfo=UTC),
            )
    assert table_checksum(gevuld) == voor


def _zet_toelichting_buiten_de_regels_om(engine, tekst: str) -> None:
    """Data stored before the rules existed (or by hand in the database)."""
    with write_session(engine) as session:
        session.execute(update(Antwoord).values(toelichting=tekst))


def test_exports_do_not_crash_on_control_characters_already_stored(gevuld):  # noqa: F811
    _zet_toelichting_buiten_de_regels_om(gevuld, "stuur\x01teken\x0bhier")
    werkmap = load_workbook(
        io.BytesIO(exporteer(gevuld, gebruiker=BEHEERDER, jaar=2024, formaat="xlsx"))
    )
    toelichtingen = {r[5] for r in werkmap["Antwoorden"].iter_rows(min_row=2, values_only=True)}
    assert toelichtingen == {"stuurtekenhier"}
    tekst = exporteer(gevuld, gebruiker=BEHEERDER, jaar=2024, formaat="csv").decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert {r[5] for r in rijen[1:]} == {"stuurtekenhier"}


def test_the_xlsx_export_marks_text_over_excels_limit_and_the_csv_keeps_it_whole(gevuld):  # noqa: F811
    lang = "begin " + "x" * 40_000
    _zet_toelichting_buiten_de_regels_om(gevuld, lang)
    werkmap = load_workbook(
        io.BytesIO(exporteer(gevuld, gebruiker=BEHEERDER, jaar=2024, formaat="xlsx"))
    )
    cel = next(werkmap["Antwoorden"].iter_rows(min_row=2, values_only=True))[5]
    assert cel.startswith("begin ") and "[INGEKORT: de tekst heeft 40.006 tekens" in cel
    tekst = exporteer(gevuld, gebruiker=BEHEERDER, jaar=2024, formaat="csv").decode("utf-8-sig")
    assert lang in tekst


def test_a_toelichting_with_a_leading_quote_survives_export_and_import(gevuld):  # noqa: F811
    _zet_toelichting_buiten_de_regels_om(gevuld, "'=1+1")
    export = exporteer(gevuld, gebruiker=BEHEERDER, jaar=2024, formaat="xlsx")
    rapport = _importeer(gevuld, export, "export.xlsx")
    assert rapport.ok, rapport.als_tekst()
    assert rapport.gewijzigd == 0
    assert {t for _, t, _, _ in _antwoorden(gevuld).values()} == {"'=1+1"}


def test_a_dry_run_against_a_published_round_says_it_will_be_refused(gevuld):  # noqa: F811
    with write_session(gevuld) as session:
        ronde = session.exec(select(Ronde).where(Ronde.jaar == 2024)).one()
        ronde.status = RondeStatus.GESLOTEN.value
    with write_session(gevuld) as session:
        levensloop.publiceer(
            session=session, gebruiker=BEHEERDER, jaar=2024, nu=datetime(2024, 8, 1, tzinfo=UTC)
        )
    voor = table_checksum(gevuld)
    bestand = xlsx([LANG, ["GM0599", "GEM.1.01", "Ja", None]])
    proef = _importeer(gevuld, bestand, "nieuw.xlsx", toepassen=False)
    echt = _importeer(gevuld, bestand, "nieuw.xlsx")
    for rapport in (proef, echt):
        assert not rapport.ok and not rapport.toegepast
        assert "Ronde 2024 is gepubliceerd en daarmee bevroren" in rapport.problemen[0].melding
        assert "zou worden geïmporteerd" not in rapport.samenvatting()
    assert table_checksum(gevuld) == voor
