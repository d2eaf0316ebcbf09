"""Import and export against a real database (SQLite and PostgreSQL): bad files change nothing,
good files change exactly what they say, with audit rows; export + import restores a round."""

import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from monitor.db import read_session
from monitor.domain import Rol
from monitor.errors import GeenToegang
from monitor.kengetallen.voortgang import overzicht
from monitor.models import Antwoord, AuditRegel, Inzending, Vraag
from monitor.rechten import Gebruiker
from monitor.rondes.initialisatie import init_database
from monitor.store import lezen as queries
from monitor.uitwisseling.exporteren import exporteer
from monitor.uitwisseling.importeren import importeer
from tests.utils.db import table_checksum
from tests.utils.import_bestanden import LANG, SLECHTE_BESTANDEN, csv_bytes, xlsx

BEHEERDER = Gebruiker(rol=Rol.BEHEERDER, naam="Bea Beheer")
MOMENT = datetime(2024, 7, 1, 12, 0, tzinfo=UTC)


def _importeer(engine, data: bytes, naam: str = "antwoorden.xlsx", **extra):
    return importeer(
        engine,
        gebruiker=extra.pop("gebruiker", BEHEERDER),
        data=data,
        bestandsnaam=naam,
        jaar=2024,
        toepassen=extra.pop("toepassen", True),
        moment=MOMENT,
        **extra,
    )


def _antwoorden(engine) -> dict[tuple[str, str], tuple]:
    """(organisatie, vraagcode) → (waarde, toelichting, status, versie)."""
    with read_session(engine) as session:
        rijen = session.exec(
            select(Antwoord, Vraag.code).join(Vraag, Vraag.id == Antwoord.vraag_id)
        ).all()
    return {
        (a.organisatie_code, code): (a.waarde, a.toelichting, a.status, a.versie)
        for a, code in rijen
    }


BASIS = xlsx(
    [
        LANG,
        ["GM0363", "GEM.1.01", "Ja", "Al geregeld."],
        ["GM0599", "GEM.4.01", "Mee bezig", None],
        ["JZ01", "REG.4.01", "afgerond", None],
    ]
)


@pytest.fixture
def gevuld(engine):
    """A database after `init`, with three answers imported."""
    init_database(engine)
    assert _importeer(engine, BASIS, "basis.xlsx").ok
    return engine


def test_every_bad_file_is_refused_with_its_problem_and_changes_nothing(gevuld):
    voor = table_checksum(gevuld)
    fouten = []
    for geval in SLECHTE_BESTANDEN:
        rapport = _importeer(gevuld, geval.maak(), geval.naam, limieten=geval.limieten)
        gevonden = [
            p
            for p in rapport.problemen
            if (p.blad, p.rij, p.kolom) == (geval.blad, geval.rij, geval.kolom)
            and geval.tekst in p.melding
        ]
        if rapport.ok or rapport.toegepast or not gevonden:
            fouten.append((geval.id, [p.als_tekst() for p in rapport.problemen]))
        if table_checksum(gevuld) != voor:
            fouten.append((geval.id, "database changed"))
    assert not fouten


def test_long_file_with_labels_in_any_case_dutch_numbers_and_odd_spaces_is_imported(engine):
    init_database(engine)
    data = csv_bytes(
        [
            ["Organisatiecode\u00a0", " VRAAGCODE", "antwoord ", "Toelichting"],
            ["gm0363", "GEM.4.01", "MEE BEZIG\u00a0", "  Loopt.  "],
            ["GM0363", "gem.2.01", "ja", None],
            ["GM0363", "GEM.3.09", "€ 1.234,56", None],
            ["GM0363", "GEM.3.06", "12,5", None],
            ["GM0363", "GEM.7.05", "taakgericht; Inspanningsgericht", None],
            ["GM0363", "GEM.2.02", "omgekeerde_toets", None],
            ["GM0363", "GEM.B.1", "ongeveer\u00a0 halverwege", None],
        ]
    )
    rapport = _importeer(engine, data, "lang.csv")
    assert rapport.ok, rapport.als_tekst()
    assert (rapport.layout, rapport.nieuw, rapport.gewijzigd, rapport.organisaties) == (
        "lang",
        7,
        0,
        1,
    )
    opgeslagen = _antwoorden(engine)
    assert opgeslagen[("GM0363", "GEM.4.01")] == ("mee_bezig", "Loopt.", "ingediend", 1)
    assert opgeslagen[("GM0363", "GEM.2.01")][0] == "ja"
    assert opgeslagen[("GM0363", "GEM.3.09")][0] == "1234.56"
    assert opgeslagen[("GM0363", "GEM.3.06")][0] == "12.5"
    assert opgeslagen[("GM0363", "GEM.7.05")][0] == "inspanningsgericht;taakgericht"
    assert opgeslagen[("GM0363", "GEM.2.02")][0] == "omgekeerde_toets"
    assert opgeslagen[("GM0363", "GEM.B.1")][0] == "ongeveer_halverwege"
    with read_session(engine) as session:
        inzending = session.get(Inzending, (queries.ronde_by_jaar(session, 2024).id, "GM0363"))
        assert inzending.status == "ingediend"


def test_wide_file_by_name_with_toelichtingen_is_imported(engine):
    init_database(engine)
    data = xlsx(
        [
            ["organisatienaam", "GEM.1.01", "GEM.1.01 toelichting", "REG.4.01", "ronde"],
            ["Den Bosch", "Nee", "Nog niet aan toe.", None, 2024],
            ["Súdwest Fryslân", "JA", None, None, "2024"],
            ["Groningen", None, None, "Bijna klaar", 2024],  # the regio, by its question
            ["Bergen (NH.)", None, None, None, None],  # a template row left empty
        ]
    )
    rapport = _importeer(engine, data, "breed.xlsx")
    assert rapport.ok, rapport.als_tekst()
    assert (rapport.layout, rapport.nieuw, rapport.organisaties) == ("breed", 3, 3)
    opgeslagen = _antwoorden(engine)
    assert opgeslagen[("GM0796", "GEM.1.01")][:2] == ("nee", "Nog niet aan toe.")
    assert opgeslagen[("GM1900", "GEM.1.01")][:2] == ("ja", None)
    assert opgeslagen[("JZ01", "REG.4.01")][0] == "bijna_klaar"


def test_importing_the_same_file_twice_changes_nothing(gevuld):
    voor = table_checksum(gevuld)
    rapport = _importeer(gevuld, BASIS, "basis.xlsx")
    assert (rapport.nieuw, rapport.gewijzigd, rapport.ongewijzigd) == (0, 0, 3)
    assert table_checksum(gevuld) == voor


def test_a_changed_file_changes_only_what_changed_and_audits_it_with_the_file_name(gevuld):
    versie_voor = _data_versie(gevuld)
    gewijzigd = xlsx(
        [
            LANG,
            ["GM0363", "GEM.1.01", "Ja", "Al geregeld, sinds 2023."],  # toelichting changed
            ["GM0599", "GEM.4.01", "Afgerond", None],  # answer changed
            ["JZ01", "REG.4.01", "Afgerond", None],  # unchanged
        ]
    )
    rapport = _importeer(gevuld, gewijzigd, "update juni.xlsx")
    assert (rapport.nieuw, rapport.gewijzigd, rapport.ongewijzigd) == (0, 2, 1)
    opgeslagen = _antwoorden(gevuld)
    assert opgeslagen[("GM0363", "GEM.1.01")] == ("ja", "Al geregeld, sinds 2023.", "ingediend", 2)
    assert opgeslagen[("GM0599", "GEM.4.01")] == ("afgerond", None, "ingediend", 2)
    assert opgeslagen[("JZ01", "REG.4.01")][3] == 1
    with read_session(gevuld) as session:
        audit = session.exec(
            select(AuditRegel).where(AuditRegel.bron == "import:update juni.xlsx")
        ).all()
    assert sorted((a.sleutel, a.veld, a.oud, a.nieuw, a.door) for a in audit) == [
        (
            "2024/GM0363/GEM.1.01",
            "toelichting",
            "Al geregeld.",
            "Al geregeld, sinds 2023.",
            "Bea Beheer",
        ),
        ("2024/GM0599/GEM.4.01", "waarde", "mee_bezig", "afgerond", "Bea Beheer"),
    ]
    assert _data_versie(gevuld) == versie_voor + 1


def _data_versie(engine) -> int:
    with read_session(engine) as session:
        return queries.data_versie(session)


def test_a_dry_run_reports_counts_and_writes_nothing(gevuld):
    voor = table_checksum(gevuld)
    nieuw = xlsx([LANG, ["GM0014", "GEM.1.01", "Nee", None], ["GM0363", "GEM.1.01", "Nee", None]])
    rapport = _importeer(gevuld, nieuw, toepassen=False)
    assert (rapport.ok, rapport.toegepast, rapport.nieuw, rapport.gewijzigd) == (
        True,
        False,
        1,
        1,
    )
    assert table_checksum(gevuld) == voor


@pytest.mark.parametrize("rol", [Rol.KIJKER, Rol.INVULLER, Rol.PUBLIEK])
def test_only_a_beheerder_may_import(gevuld, rol):
    voor = table_checksum(gevuld)
    with pytest.raises(GeenToegang):
        _importeer(gevuld, BASIS, gebruiker=Gebruiker(rol=rol, naam="x", organisatie_code="GM0363"))
    assert table_checksum(gevuld) == voor


def _overzicht(engine, jaar: int = 2024) -> dict:
    with read_session(engine) as session:
        ronde = queries.ronde_by_jaar(session, jaar)
        return overzicht(
            jaar=ronde.jaar,
            peildatum=ronde.peildatum.isoformat(),
            organisaties=queries.organisaties_frame(session),
            vragen=queries.vragen_frame(session, ronde.id),
            antwoorden=queries.antwoorden_frame(session, ronde.id),
        )


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_export_then_import_into_an_empty_database_restores_the_aggregates(
    demo_engine, engine, formaat
):
    """Backup and restore: the demo round 2024 exported and imported after `init`."""
    stappen = []
    data = exporteer(
        demo_engine,
        gebruiker=BEHEERDER,
        jaar=2024,
        formaat=formaat,
        voortgang=lambda f, t: stappen.append(f),
    )
    assert stappen and stappen[-1] == 1.0 and stappen == sorted(stappen)
    if formaat == "xlsx":  # a forwarded demo export says so on its first sheet
        werkmap = load_workbook(io.BytesIO(data))
        assert werkmap.worksheets[0]["A1"].value.startswith("Demodata:")
        assert werkmap.properties.keywords == "Demodata"
    init_database(engine)
    voortgang = []
    rapport = _importeer(
        engine, data, f"backup.{formaat}", voortgang=lambda f, t: voortgang.append((f, t))
    )
    assert rapport.ok, rapport.als_tekst(10)
    assert rapport.nieuw == len(_antwoorden_van_ronde(demo_engine, 2024))
    assert len(voortgang) > 10 and voortgang[-1][0] == 1.0
    assert _overzicht(engine) == _overzicht(demo_engine)
    demo_2024 = {k: v[:3] for k, v in _antwoorden_van_ronde(demo_engine, 2024).items()}
    assert {k: v[:3] for k, v in _antwoorden_van_ronde(engine, 2024).items()} == demo_2024


def _antwoorden_van_ronde(engine, jaar: int) -> dict:
    with read_session(engine) as session:
        ronde = queries.ronde_by_jaar(session, jaar)
        rijen = session.exec(
            select(Antwoord, Vraag.code)
            .join(Vraag, Vraag.id == Antwoord.vraag_id)
            .where(Antwoord.ronde_id == ronde.id)
        ).all()
    return {(a.organisatie_code, c): (a.waarde, a.toelichting, a.status) for a, c in rijen}


def _voorlopig(engine) -> dict[tuple[str, str], bool]:
    with read_session(engine) as session:
        rijen = session.exec(
            select(Antwoord.organisatie_code, Vraag.code, Antwoord.voorlopig).join(
                Vraag, Vraag.id == Antwoord.vraag_id
            )
        ).all()
    return {(org, code): mark for org, code, mark in rijen}


def test_the_voorlopig_column_is_imported_kept_when_absent_and_survives_export_and_import(
    gevuld,
):
    met_mark = xlsx(
        [
            [*LANG, "voorlopig"],
            ["GM0363", "GEM.1.01", "Ja", "Al geregeld.", "ja"],
            ["GM0599", "GEM.4.01", "Mee bezig", None, "Nee"],
            ["JZ01", "REG.4.01", "afgerond", None, None],
        ]
    )
    rapport = _importeer(gevuld, met_mark, "voorlopig.xlsx")
    assert (rapport.nieuw, rapport.gewijzigd, rapport.ongewijzigd) == (0, 1, 2)
    assert _voorlopig(gevuld) == {
        ("GM0363", "GEM.1.01"): True,
        ("GM0599", "GEM.4.01"): False,
        ("JZ01", "REG.4.01"): False,
    }
    with read_session(gevuld) as session:
        audit = session.exec(select(AuditRegel).where(AuditRegel.veld == "voorlopig")).all()
    assert [(a.sleutel, a.oud, a.nieuw) for a in audit] == [("2024/GM0363/GEM.1.01", "nee", "ja")]
    # an old file without the column changes nothing, the mark included
    assert _importeer(gevuld, BASIS, "basis.xlsx").gewijzigd == 0
    assert _voorlopig(gevuld)[("GM0363", "GEM.1.01")] is True
    # the round export carries the column; importing it back restores a mark cleared since
    gemarkeerd = _voorlopig(gevuld)
    data = exporteer(gevuld, gebruiker=BEHEERDER, jaar=2024, formaat="csv")
    assert "voorlopig" in data.decode("utf-8-sig").splitlines()[0]
    alles_nee = xlsx([[*LANG, "voorlopig"], ["GM0363", "GEM.1.01", "Ja", "Al geregeld.", "nee"]])
    assert _importeer(gevuld, alles_nee, "nee.xlsx").gewijzigd == 1
    assert not any(_voorlopig(gevuld).values())
    rapport = _importeer(gevuld, data, "backup.csv")
    assert rapport.ok and rapport.gewijzigd == 1, rapport.als_tekst(5)
    assert _voorlopig(gevuld) == gemarkeerd


def test_a_voorlopig_cell_that_is_not_ja_or_nee_is_refused_naming_row_and_column(gevuld):
    voor = table_checksum(gevuld)
    fout = xlsx([[*LANG, "voorlopig"], ["GM0363", "GEM.1.01", "Ja", None, "misschien"]])
    rapport = _importeer(gevuld, fout, "fout.xlsx")
    assert not rapport.ok
    [probleem] = rapport.problemen
    assert (probleem.rij, probleem.kolom) == (2, "E (voorlopig)")
    assert "voorlopig bij GEM.1.01: 'misschien' is geen ja of nee" in probleem.melding
    assert table_checksum(gevuld) == voor
