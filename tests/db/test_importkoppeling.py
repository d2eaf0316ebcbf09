"""Import from a survey platform (SQLite and PostgreSQL): three platform layouts import after
one confirmed mapping; a second file of the same layout imports without questions (Import tab:
recognised by its header set; CLI: ``--koppeling NAAM``)."""

from datetime import UTC, datetime

import pytest

from monitor.domain import Rol
from monitor.errors import GeenToegang, MonitorFout
from monitor.rechten import Gebruiker
from monitor.rondes.initialisatie import init_database
from monitor.uitwisseling import herkennen
from monitor.uitwisseling.importeren import importeer
from monitor.uitwisseling.koppeling import Koppeling
from tests.utils import enqueteplatforms
from tests.utils.db import table_checksum

BEHEERDER = Gebruiker(rol=Rol.BEHEERDER, naam="Bea Beheer")
MOMENT = datetime(2024, 7, 1, 12, 0, tzinfo=UTC)
TEKSTEN = enqueteplatforms.vraagteksten()
EERSTE = {
    "Amsterdam": {
        "GEM.2.01": "Ja",
        "GEM.3.01": "Nee",
        "GEM.4.01": "Mee bezig",
        "GEM.3.06": "12,5",
        "GEM.4.01 toelichting": "Loopt via het wijkteam.",
    },
    "Utrecht": {"GEM.2.01": "Nee", "GEM.4.01": "Afgerond"},
}
TWEEDE = {  # the next export of the same platform: other answers, another gemeente
    "Amsterdam": {"GEM.2.01": "Ja", "GEM.3.01": "Ja", "GEM.4.01": "Afgerond", "GEM.3.06": "12,5"},
    "Rotterdam": {"GEM.3.01": "Ja"},
}


def _importeer(engine, data: bytes, naam: str, koppeling: Koppeling | None, toepassen=True):
    return importeer(
        engine,
        gebruiker=BEHEERDER,
        data=data,
        bestandsnaam=naam,
        jaar=2024,
        toepassen=toepassen,
        moment=MOMENT,
        koppeling=koppeling,
    )


def _herken(engine, data: bytes, naam: str) -> herkennen.Herkenning:
    return herkennen.herken(engine, data=data, bestandsnaam=naam, jaar=2024)


@pytest.mark.parametrize("bestandsnaam", sorted(enqueteplatforms.LAYOUTS))
def test_platform_file_imports_after_one_confirmed_mapping_and_the_next_without(
    engine, bestandsnaam
):
    init_database(engine)
    maak = enqueteplatforms.LAYOUTS[bestandsnaam]
    eerste = maak(EERSTE, TEKSTEN)

    zonder = _importeer(engine, eerste, bestandsnaam, None, toepassen=False)
    assert not zonder.ok  # without a mapping our reader does not know these headers

    herkenning = _herken(engine, eerste, bestandsnaam)
    assert herkenning.koppeling is None and herkenning.voorstel is not None
    doelen = {v.doel for v in herkenning.voorstel.kolommen} - {None}
    assert doelen == {
        "organisatienaam",
        "GEM.2.01",
        "GEM.3.01",
        "GEM.4.01",
        "GEM.3.06",
        "GEM.4.01 toelichting",
    }
    bewaard = herkennen.bewaar_koppeling(
        engine,
        gebruiker=BEHEERDER,
        koppeling=herkenning.voorstel.als_koppeling(f"  Platform {bestandsnaam} "),
        jaar=2024,
    )
    assert bewaard.naam == f"Platform {bestandsnaam}"

    proef = _importeer(engine, eerste, bestandsnaam, bewaard, toepassen=False)
    rapport = _importeer(engine, eerste, bestandsnaam, bewaard)
    assert rapport.ok, rapport.als_tekst()
    assert (proef.nieuw, proef.organisaties) == (rapport.nieuw, rapport.organisaties) == (6, 2)

    tweede = maak(TWEEDE, TEKSTEN)
    herkend = _herken(engine, tweede, "export2" + bestandsnaam[-5:])
    assert herkend.koppeling == bewaard  # no questions asked; voorstel: to correct it
    assert herkend.voorstel.als_koppeling(bewaard.naam) == bewaard
    rapport = _importeer(engine, tweede, "export2", herkend.koppeling)
    assert rapport.ok, rapport.als_tekst()
    # Amsterdam: GEM.3.01 Nee→Ja, GEM.4.01 mee_bezig→afgerond; GEM.2.01, GEM.3.06 unchanged.
    # The toelichting column is empty for Amsterdam now: it is cleared (the file gives it).
    assert (rapport.nieuw, rapport.gewijzigd, rapport.ongewijzigd) == (1, 2, 2)


def test_saved_mapping_reports_a_changed_file_by_column_and_writes_nothing(engine):
    init_database(engine)
    eerste = enqueteplatforms.forms(EERSTE, TEKSTEN)
    voorstel = _herken(engine, eerste, "forms.xlsx").voorstel
    koppeling = herkennen.bewaar_koppeling(
        engine, gebruiker=BEHEERDER, koppeling=voorstel.als_koppeling("Forms"), jaar=2024
    )
    from tests.utils.import_bestanden import xlsx

    anders = xlsx(
        [
            ["ID", "Naam organisatie", "Extra vraag", "E-mail"],
            [1, "Amsterdam", "Ja", "a@example.org"],
        ]
    )
    voor = table_checksum(engine)
    rapport = _importeer(engine, anders, "anders.xlsx", koppeling)
    meldingen = [p.als_tekst() for p in rapport.problemen]
    assert not rapport.ok and not rapport.toegepast
    assert (
        "Blad 'Antwoorden', rij 1, kolom C (Extra vraag): de kolom 'Extra vraag' staat niet in "
        "koppeling 'Forms'. Pas de koppeling aan op het tabblad Import." in meldingen
    )
    assert any("ontbreekt in dit bestand" in m and "Begintijd" not in m for m in meldingen)
    assert table_checksum(engine) == voor


def test_a_bad_value_is_reported_at_the_files_own_column(engine):
    init_database(engine)
    data = enqueteplatforms.limesurvey({"Amsterdam": {"GEM.3.06": "veel"}}, TEKSTEN)
    koppeling = herkennen.bewaar_koppeling(
        engine,
        gebruiker=BEHEERDER,
        koppeling=_herken(engine, data, "l.csv").voorstel.als_koppeling("LimeSurvey"),
        jaar=2024,
    )
    rapport = _importeer(engine, data, "l.csv", koppeling)
    tekst = TEKSTEN["GEM.3.06"]
    assert [p.als_tekst() for p in rapport.problemen] == [
        f"Blad 'l.csv', rij 2, kolom H ({tekst}): GEM.3.06: 'veel' is geen getal."
    ]


def test_saving_a_mapping_checks_name_columns_and_rights(engine):
    init_database(engine)
    goed = (("Gemeente", "organisatienaam"), ("Vraag 1", "GEM.2.01"))
    with pytest.raises(MonitorFout, match="Geef de koppeling een naam"):
        herkennen.bewaar_koppeling(
            engine, gebruiker=BEHEERDER, koppeling=Koppeling(" ", goed), jaar=2024
        )
    with pytest.raises(MonitorFout, match="is te lang: 81 tekens, hoogstens 80"):
        herkennen.bewaar_koppeling(
            engine, gebruiker=BEHEERDER, koppeling=Koppeling("x" * 81, goed), jaar=2024
        )
    dubbel = (*goed, ("Vraag 1 (kopie)", "GEM.2.01"))
    with pytest.raises(MonitorFout, match="'Vraag 1 \\(kopie\\)' en kolom 'Vraag 1' zijn allebei"):
        herkennen.bewaar_koppeling(
            engine, gebruiker=BEHEERDER, koppeling=Koppeling("P", dubbel), jaar=2024
        )
    with pytest.raises(MonitorFout, match="Koppel een kolom aan organisatiecode of"):
        herkennen.bewaar_koppeling(
            engine, gebruiker=BEHEERDER, koppeling=Koppeling("P", goed[1:]), jaar=2024
        )
    with pytest.raises(GeenToegang):
        herkennen.bewaar_koppeling(
            engine,
            gebruiker=Gebruiker(rol=Rol.KIJKER, naam="K"),
            koppeling=Koppeling("P", goed),
            jaar=2024,
        )
    with pytest.raises(MonitorFout, match="Koppeling 'P' bestaat niet. Bewaarde koppelingen: geen"):
        herkennen.laad_koppeling(engine, "P")
    herkennen.bewaar_koppeling(
        engine, gebruiker=BEHEERDER, koppeling=Koppeling("P", goed), jaar=2024
    )
    herkennen.bewaar_koppeling(  # the same name again replaces it
        engine, gebruiker=BEHEERDER, koppeling=Koppeling("P", goed, kop_rijen=2), jaar=2024
    )
    assert herkennen.laad_koppeling(engine, "P") == Koppeling("P", goed, kop_rijen=2)


def test_cli_imports_with_a_saved_mapping_by_name(tmp_path, monkeypatch, capsys):
    from monitor.__main__ import main
    from monitor.db import make_engine
    from tests.e2e.browser_harness import sqlite_url

    url = sqlite_url(tmp_path / "monitor.db")
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["init"]) == 0
    engine = make_engine(url)
    eerste = tmp_path / "qualtrics.xlsx"
    eerste.write_bytes(enqueteplatforms.qualtrics(EERSTE, TEKSTEN))
    voorstel = _herken(engine, eerste.read_bytes(), eerste.name).voorstel
    herkennen.bewaar_koppeling(
        engine, gebruiker=BEHEERDER, koppeling=voorstel.als_koppeling("Qualtrics"), jaar=2024
    )
    engine.dispose()
    tweede = tmp_path / "qualtrics2.xlsx"
    tweede.write_bytes(enqueteplatforms.qualtrics(TWEEDE, TEKSTEN))
    capsys.readouterr()

    assert main(["import", str(tweede), "--ronde", "2024"]) == 2  # our headers only
    assert "onbekende kolom" in capsys.readouterr().err
    args = ["import", str(tweede), "--ronde", "2024", "--koppeling", "Qualtrics"]
    assert main([*args, "--dry-run"]) == 0  # Amsterdam 4 answers + Rotterdam 1
    assert "5 nieuw, 0 gewijzigd" in capsys.readouterr().out
    assert main(args) == 0
    assert "5 nieuw, 0 gewijzigd" in capsys.readouterr().out
    assert main(["import", str(tweede), "--ronde", "2024", "--koppeling", "Forms"]) == 2
    assert "Koppeling 'Forms' bestaat niet. Bewaarde koppelingen: 'Qualtrics'." in (
        capsys.readouterr().err
    )
