"""`init` and `demo` on a real database (SQLite and PostgreSQL)."""

import shutil
from collections import Counter
from datetime import UTC, datetime

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


# A question and afspraak that an older questionnaire file had and the current one dropped
# (reconstructed, not in the 2024 report).
OUDE_AFSPRAAK = "A3.15,3,Rijk en VNG ontwikkelen samen een kader.,2.3,"
OUDE_VRAAG = "RIJK.3.01,rijk,3,A3.15,afspraak,status4,Rijk en VNG hebben een kader.,,,,,ja,tabel"


def _oude_vragenlijst(tmp_path):
    """The questionnaire folder as an older version had it: one more Rijk question in
    thema 3, so every later question's order number differs from the current file."""
    oud = tmp_path / "oud"
    shutil.copytree(VRAGENLIJST_DIR, oud)
    afspraken = oud / "afspraken.csv"
    afspraken.write_text(afspraken.read_text(encoding="utf-8") + OUDE_AFSPRAAK + "\n")
    vragen = oud / "vragen_2024.csv"
    regels = vragen.read_text(encoding="utf-8").splitlines()
    plek = next(i for i, r in enumerate(regels) if r.startswith("RIJK.4."))
    vragen.write_text("\n".join([*regels[:plek], OUDE_VRAAG, *regels[plek:]]) + "\n")
    return oud


def test_init_and_demo_leave_a_published_round_with_old_questions_as_it_is(
    engine, tmp_path, monkeypatch, capsys
):
    """A user's database built by older code: its published (frozen) round 2024 holds a
    question the current file no longer has. `init` and `demo` (run by setup.sh and
    `make run`) must not stop on the freeze; they keep the round and say so in Dutch."""
    from monitor.__main__ import main
    from monitor.domain import Rol
    from monitor.rechten import Gebruiker
    from monitor.rondes import levensloop
    from monitor.store import schrijven
    from monitor.store import sessie as sessie_mod

    init_database(engine, vragenlijst_dir=_oude_vragenlijst(tmp_path))
    with sessie_mod.schrijf(engine) as session:
        ronde = queries.ronde_by_jaar(session, 2024)
        vraag = session.exec(select(Vraag).where(Vraag.code == "RIJK.3.01")).one()
        schrijven.bulk_save_antwoorden(
            session=session,
            ronde=ronde,
            antwoorden=[schrijven.NieuwAntwoord("RIJK", vraag.id, "mee_bezig", None)],
            door="test",
            bron="test",
            status="ingediend",
            moment=datetime(2024, 6, 30, tzinfo=UTC),
        )
        beheerder = Gebruiker(rol=Rol.BEHEERDER, naam="test")
        levensloop.publiceer(session=session, gebruiker=beheerder, jaar=2024)
    voor = table_checksum(engine)

    meldingen = init_database(engine)

    assert meldingen == [
        "Let op: ronde 2024 is gepubliceerd en bevroren; haar vragen blijven zoals ze zijn "
        "opgeslagen (niet meer in het vragenlijstbestand: RIJK.3.01). Een nieuwe database met "
        "de huidige vragenlijst: verwijder data/monitor.db en voer 'python -m monitor demo' uit."
    ]
    assert table_checksum(engine) == voor  # nothing of the frozen round changed
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    assert main(["demo"]) == 0
    uit = capsys.readouterr()
    assert "RIJK.3.01" in uit.err and "bevroren" in uit.err
    assert "demodata niet geladen" in uit.out
    with read_session(engine) as session:
        ronde = queries.ronde_by_jaar(session, 2024)
        codes = set(queries.vragen_frame(session, ronde.id)["code"])
    assert "RIJK.3.01" in codes
