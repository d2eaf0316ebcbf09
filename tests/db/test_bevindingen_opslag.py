"""Bevindingen in the database: facilitators save and restore, others may not, limits and
plain text (SQLite and PostgreSQL)."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from monitor import invoer
from monitor.db import read_session, write_session
from monitor.domain import ROL_LABELS, Rol
from monitor.errors import GeenToegang, MonitorFout
from monitor.models import Bevinding, Ronde, Thema
from monitor.rechten import PUBLIEK, Gebruiker
from monitor.store import bevindingen as opslag

KIJKER = Gebruiker(rol=Rol.KIJKER, naam="Kijker")
BEHEERDER = Gebruiker(rol=Rol.BEHEERDER, naam="Beheerder")
INVULLER = Gebruiker(rol=Rol.INVULLER, naam="Invuller", organisatie_code="GM0363")


@pytest.fixture
def ronde_id(engine):
    with write_session(engine) as session:
        session.add(Thema(nr=1, titel="Reikwijdte"))
        session.add(Thema(nr=2, titel="Aanpalende domeinen"))
        ronde = Ronde(jaar=2025, titel="2025", peildatum=date(2025, 6, 30))
        session.add(ronde)
        session.flush()
        return ronde.id


def _bewaar(engine, ronde_id, tekst, gebruiker=KIJKER, thema_nr=1, moment=None):
    with write_session(engine) as session:
        opslag.save_bevinding(
            session=session,
            gebruiker=gebruiker,
            ronde_id=ronde_id,
            thema_nr=thema_nr,
            tekst=tekst,
            moment=moment,
        )


def _gelezen(engine, ronde_id):
    with read_session(engine) as session:
        return opslag.bevindingen(session=session, ronde_id=ronde_id)


def test_kijker_saves_then_replaces_the_text_with_time_and_role(engine, ronde_id):
    moment = datetime(2025, 9, 12, 14, 30, tzinfo=UTC)
    _bewaar(engine, ronde_id, "  Eerste versie.  ", moment=moment)
    _bewaar(engine, ronde_id, "Tweede versie, *niet vet*: [link](https://x.nl)", BEHEERDER)
    _bewaar(engine, ronde_id, "Thema twee.", thema_nr=2)
    assert _gelezen(engine, ronde_id) == {
        1: "Tweede versie, *niet vet*: [link](https://x.nl)",  # stored as typed
        2: "Thema twee.",
    }
    with read_session(engine) as session:  # the role of the writer, never a name
        rijen = session.exec(select(Bevinding).order_by(Bevinding.thema_nr)).all()
        assert [r.door for r in rijen] == [ROL_LABELS[Rol.BEHEERDER], ROL_LABELS[Rol.KIJKER]]


def test_an_empty_text_restores_the_draft(engine, ronde_id):
    _bewaar(engine, ronde_id, "Bewerkt.")
    _bewaar(engine, ronde_id, "   ")
    assert _gelezen(engine, ronde_id) == {}


@pytest.mark.parametrize("gebruiker", [INVULLER, PUBLIEK])
def test_a_role_without_the_right_cannot_save(engine, ronde_id, gebruiker):
    with pytest.raises(GeenToegang, match="bewaren van bevindingen"):
        _bewaar(engine, ronde_id, "Mag niet.", gebruiker)
    assert _gelezen(engine, ronde_id) == {}


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("x" * (invoer.BEVINDING.max_tekens + 1), "Bevindingen thema 1: de bevindingen is te lang"),
        ("Regel\x01", "Bevindingen thema 1: de bevindingen bevat een onzichtbaar stuurteken"),
    ],
)
def test_text_beyond_the_limits_is_refused_with_a_dutch_message(engine, ronde_id, tekst, melding):
    with pytest.raises(MonitorFout, match=melding):
        _bewaar(engine, ronde_id, tekst)
    assert _gelezen(engine, ronde_id) == {}


def test_unknown_thema_or_round_is_refused(engine, ronde_id):
    with pytest.raises(MonitorFout, match="Thema 9 bestaat niet"):
        _bewaar(engine, ronde_id, "Tekst.", thema_nr=9)
    with pytest.raises(MonitorFout, match="Ronde 999 bestaat niet"):
        _bewaar(engine, 999, "Tekst.")
