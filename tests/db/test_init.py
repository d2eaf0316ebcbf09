"""`init` and `demo` on a real database (SQLite and PostgreSQL)."""

import shutil
from collections import Counter

import pytest
from sqlmodel import select

from monitor.config import REFERENCE_DIR, VRAGENLIJST_DIR
from monitor.db import read_session
from monitor.errors import InvoerFout
from monitor.models import Organisatie, Planning, Vraag
from monitor.rondes.initialisatie import init_database
from monitor.store import lezen as queries
from tests.utils.db import table_checksum


def test_init_loads_questionnaire_and_organisations_and_is_idempotent(engine):
    init_database(engine)
    eerste = table_checksum(engine)
    init_database(engine)
    assert table_checksum(engine) == eerste
    with read_session(engine) as session:
        actortypes = Counter(o.actortype for o in session.exec(select(Organisatie)))
        ronde = queries.ronde_by_jaar(session, 2024)
        vragen = session.exec(select(Vraag).where(Vraag.ronde_id == ronde.id)).all()
        planning = session.exec(select(Planning)).all()
    assert actortypes["gemeente"] == 342 and actortypes["regio"] == 42
    assert ronde.peildatum.isoformat() == "2024-06-30"
    assert {v.actortype for v in vragen} == {
        "rijk",
        "vng",
        "regio",
        "gemeente",
        "bgzj",
        "sbj",
        "kbl",
    }
    assert all(p.datum.year in range(2023, 2029) for p in planning)


@pytest.mark.parametrize(
    ("bestand", "kapot", "melding"),
    [
        ("vragen_2024.csv", lambda t: t.replace(",status4,", ",schuifje,", 1), "vraagtype"),
        ("planning.csv", lambda t: t.replace("Klaar Q", "Ooit Q", 1), "planning"),
        ("afspraken.csv", lambda t: t.replace("code,thema", "kode,thema", 1), "code"),
    ],
    ids=["unknown-vraagtype", "bad-planning", "missing-column"],
)
def test_a_broken_file_stops_init_and_changes_nothing(engine, tmp_path, bestand, kapot, melding):
    init_database(engine)
    voor = table_checksum(engine)
    kopie = tmp_path / "vragenlijst"
    shutil.copytree(VRAGENLIJST_DIR, kopie)
    (kopie / bestand).write_text(kapot((kopie / bestand).read_text(encoding="utf-8")))
    with pytest.raises(InvoerFout) as fout:
        init_database(engine, vragenlijst_dir=kopie, reference_dir=REFERENCE_DIR)
    assert fout.value.bestand == bestand and fout.value.veld == melding
    assert table_checksum(engine) == voor


def test_a_later_round_links_every_question_to_its_predecessor(demo_engine):
    with read_session(demo_engine) as session:
        ronde_2024 = queries.ronde_by_jaar(session, 2024)
        ronde_2025 = queries.ronde_by_jaar(session, 2025)
        vragen_2024 = queries.vragen_frame(session, ronde_2024.id).set_index("id")
        vragen_2025 = queries.vragen_frame(session, ronde_2025.id)
    assert ronde_2025.vorige_ronde_id == ronde_2024.id
    assert len(vragen_2025) == len(vragen_2024)
    voorgangers = vragen_2024.loc[vragen_2025["voorganger_id"].astype(int), "code"]
    assert list(voorgangers) == list(vragen_2025["code"])


def test_overzicht_on_an_empty_database_says_what_to_do(tmp_path, monkeypatch, capsys):
    from monitor.__main__ import main

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'leeg.db'}")
    assert main(["overzicht", "--ronde", "2024"]) == 2
    assert "python -m monitor init" in capsys.readouterr().err
