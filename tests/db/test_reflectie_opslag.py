"""Decks and notes in the database: who may write and read, what is stored (SQLite and
PostgreSQL)."""

from datetime import UTC, date, datetime

import pytest

from monitor.db import read_session, write_session
from monitor.domain import Rol
from monitor.errors import GeenToegang, MonitorFout
from monitor.models import Notitie, Ronde
from monitor.rechten import PUBLIEK, Gebruiker
from monitor.store import reflectie as opslag

KIJKER = Gebruiker(rol=Rol.KIJKER, naam="Kijker")
INVULLER = Gebruiker(rol=Rol.INVULLER, naam="Invuller", organisatie_code="GM0363")


@pytest.fixture
def rondes(engine):
    with write_session(engine) as session:
        vorige = Ronde(jaar=2024, titel="2024", peildatum=date(2024, 6, 30))
        session.add(vorige)
        session.flush()
        nieuw = Ronde(jaar=2025, titel="2025", vorige_ronde_id=vorige.id)
        session.add(nieuw)
        session.flush()
        return vorige.id, nieuw.id


def test_kijker_saves_a_note_and_an_actiepunt_with_time_and_role_not_name(engine, rondes):
    ronde_id, _ = rondes
    moment = datetime(2024, 9, 12, 14, 30, tzinfo=UTC)
    with write_session(engine) as session:
        opslag.add_notitie(
            session=session,
            gebruiker=KIJKER,
            ronde_id=ronde_id,
            dia="thema-4-voortgang",
            tekst="Regio's wachten op de landsdelen.",
            moment=moment,
        )
        opslag.add_notitie(
            session=session,
            gebruiker=KIJKER,
            ronde_id=ronde_id,
            dia="thema-4-voortgang",
            tekst="Tarieven kleinschalig bespreken.",
            eigenaar="vng",
            deadline=date(2024, 12, 31),
            moment=moment,
        )
    with read_session(engine) as session:
        alle = opslag.notities(session=session, gebruiker=INVULLER, ronde_id=ronde_id)
        acties = opslag.actiepunten(session=session, gebruiker=INVULLER, ronde_id=ronde_id)
    assert alle["tekst"].tolist() == [
        "Regio's wachten op de landsdelen.",
        "Tarieven kleinschalig bespreken.",
    ]
    assert set(alle["door"]) == {"Kijker (VWS/VNG)"}  # the role, not the person
    assert acties["eigenaar"].tolist() == ["VNG"]
    assert acties["deadline"].tolist() == [date(2024, 12, 31)]


@pytest.mark.parametrize("gebruiker", [INVULLER, PUBLIEK], ids=["invuller", "publiek"])
def test_only_facilitators_write_notes(engine, rondes, gebruiker):
    with pytest.raises(GeenToegang), write_session(engine) as session:
        opslag.add_notitie(
            session=session, gebruiker=gebruiker, ronde_id=rondes[0], dia="respons", tekst="x"
        )
    with read_session(engine) as session:
        assert session.exec(Notitie.__table__.select()).all() == []


def test_the_public_reads_no_notes(engine, rondes):
    with pytest.raises(GeenToegang), read_session(engine) as session:
        opslag.notities(session=session, gebruiker=PUBLIEK, ronde_id=rondes[0])


def test_a_note_with_an_email_address_is_not_stored(engine, rondes):
    with pytest.raises(MonitorFout, match="e-mailadres"), write_session(engine) as session:
        opslag.add_notitie(
            session=session,
            gebruiker=KIJKER,
            ronde_id=rondes[0],
            dia="respons",
            tekst="Vraag het aan a.b@vng.nl",
        )
    with read_session(engine) as session:
        assert opslag.notities(session=session, gebruiker=KIJKER, ronde_id=rondes[0]).empty


def test_opvolging_of_last_rounds_actiepunt(engine, rondes):
    vorige, _nieuw = rondes
    with write_session(engine) as session:
        notitie = opslag.add_notitie(
            session=session,
            gebruiker=KIJKER,
            ronde_id=vorige,
            dia="planning-stand",
            tekst="Planning herijken.",
            eigenaar="rijk",
        )
        notitie_id = notitie.id
    with write_session(engine) as session:
        opslag.set_opvolging(
            session=session,
            gebruiker=Gebruiker(rol=Rol.BEHEERDER, naam="B"),
            notitie_id=notitie_id,
            opvolging="Herijkt in het voorjaar.",
        )
    with pytest.raises(GeenToegang), write_session(engine) as session:
        opslag.set_opvolging(
            session=session, gebruiker=INVULLER, notitie_id=notitie_id, opvolging="Anders."
        )
    with read_session(engine) as session:
        acties = opslag.actiepunten(session=session, gebruiker=KIJKER, ronde_id=vorige)
    assert acties["opvolging"].tolist() == ["Herijkt in het voorjaar."]


def test_deck_is_saved_per_round_and_replaced(engine, rondes):
    ronde_id, andere = rondes
    catalogus = ["respons", "thema-1-voortgang", "verschillen"]
    with read_session(engine) as session:  # nothing saved: the whole catalogue
        assert opslag.load_deck(session=session, ronde_id=ronde_id, beschikbaar=catalogus) == (
            catalogus
        )
    for dias in (["respons", "thema-1-voortgang"], ["verschillen", "weg", "respons", "weg"]):
        with write_session(engine) as session:
            opslag.save_deck(session=session, gebruiker=KIJKER, ronde_id=ronde_id, dias=dias)
    with read_session(engine) as session:  # saved order kept, unknown and double keys dropped
        eigen = opslag.load_deck(session=session, ronde_id=ronde_id, beschikbaar=catalogus)
        anders = opslag.load_deck(session=session, ronde_id=andere, beschikbaar=catalogus)
        alleen_weg = opslag.load_deck(session=session, ronde_id=ronde_id, beschikbaar=["x"])
    assert eigen == ["verschillen", "respons"]
    assert anders == catalogus
    assert alleen_weg == ["x"]  # nothing of the saved deck exists any more
    with pytest.raises(MonitorFout, match="minstens één dia"), write_session(engine) as session:
        opslag.save_deck(session=session, gebruiker=KIJKER, ronde_id=ronde_id, dias=[])
    with pytest.raises(GeenToegang), write_session(engine) as session:
        opslag.save_deck(session=session, gebruiker=INVULLER, ronde_id=ronde_id, dias=["x"])
