"""`python -m monitor template`, `import` and `export`: files, exit codes and Dutch reports."""

import io

import pytest
from openpyxl import load_workbook

from monitor.__main__ import main
from tests.e2e.browser_harness import sqlite_url
from tests.utils.db import table_checksum
from tests.utils.import_bestanden import LANG, xlsx


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = sqlite_url(tmp_path / "monitor.db")
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["init"]) == 0
    return url


def test_template_filled_in_imports_with_exit_0(database, tmp_path, capsys):
    sjabloon = tmp_path / "gemeente.xlsx"
    assert main(["template", str(sjabloon), "--ronde", "2024", "--actortype", "gemeente"]) == 0
    werkmap = load_workbook(sjabloon)
    assert werkmap.sheetnames == ["Antwoorden", "Vragen", "Uitleg", "Keuzelijsten"]
    blad = werkmap["Antwoorden"]
    koppen = [c.value for c in blad[1]]
    assert koppen[:4] == ["organisatiecode", "organisatienaam", "GEM.1.01", "GEM.1.01 toelichting"]
    assert blad.max_row == 343  # the 342 gemeenten of 2024, filled in
    assert blad.data_validations.dataValidation  # drop-down lists for option questions
    rij = next(r for r in range(2, 344) if blad.cell(r, 1).value == "GM0363")
    blad.cell(rij, 3, "Ja")
    blad.cell(rij, 4, "Vastgelegd in beleid.")
    ingevuld = tmp_path / "ingevuld.xlsx"
    werkmap.save(ingevuld)
    capsys.readouterr()

    assert main(["import", str(ingevuld), "--ronde", "2024", "--dry-run"]) == 0
    assert "1 nieuw" in capsys.readouterr().out
    assert main(["import", str(ingevuld), "--ronde", "2024"]) == 0
    assert "1 nieuw, 0 gewijzigd" in capsys.readouterr().out
    assert main(["import", str(ingevuld), "--ronde", "2024"]) == 0
    assert "0 nieuw, 0 gewijzigd, 1 ongewijzigd" in capsys.readouterr().out


def test_rejected_file_exits_2_with_the_dutch_report_and_writes_nothing(database, tmp_path, capsys):
    from monitor.db import make_engine

    slecht = tmp_path / "slecht.xlsx"
    slecht.write_bytes(xlsx([LANG, ["GM0363", "GEM.3.06", "veel"], ["GM9999", "GEM.1.01", "Ja"]]))
    engine = make_engine(database)
    voor = table_checksum(engine)
    assert main(["import", str(slecht), "--ronde", "2024"]) == 2
    fout = capsys.readouterr().err
    assert "slecht.xlsx: 2 problemen gevonden; er is niets geïmporteerd." in fout
    assert "Blad 'Antwoorden', rij 2, kolom C (antwoord): GEM.3.06: 'veel' is geen getal." in fout
    assert "rij 3, kolom A (organisatiecode): organisatiecode 'GM9999' bestaat niet." in fout
    assert table_checksum(engine) == voor
    engine.dispose()


def test_export_writes_xlsx_or_csv_by_extension(database, tmp_path):
    assert main(["export", str(tmp_path / "r.xlsx"), "--ronde", "2024"]) == 0
    assert "Antwoorden" in load_workbook(io.BytesIO((tmp_path / "r.xlsx").read_bytes())).sheetnames
    assert main(["export", str(tmp_path / "r.csv"), "--ronde", "2024"]) == 0
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbfronde;organisatiecode")
    assert main(["export", str(tmp_path / "r.pdf"), "--ronde", "2024"]) == 2
    assert main(["export", str(tmp_path / "r.csv"), "--ronde", "2031"]) == 2


def test_a_directory_instead_of_a_file_gets_a_dutch_message(database, tmp_path, capsys):
    map_ = tmp_path / "antwoorden.xlsx"
    map_.mkdir()
    assert main(["import", str(map_), "--ronde", "2024", "--dry-run"]) == 2
    fout = capsys.readouterr().err
    assert "dit is een map, geen bestand" in fout and "Is a directory" not in fout
