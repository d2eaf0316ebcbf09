"""Saved peer groups belong to one account; round settings and submissions as the benchmark
reads them. Runs on SQLite and PostgreSQL."""

from datetime import UTC, datetime

import pytest

from monitor.db import read_session, write_session
from monitor.domain import Rol
from monitor.errors import GeenToegang, MonitorFout
from monitor.models import Account, Inzending, Organisatie, Ronde
from monitor.rechten import Gebruiker
from monitor.store.antwoorden import ingediende_organisaties
from monitor.store.peergroepen import (
    bewaar_peergroep,
    peergroepen,
    ronde_instellingen,
    verwijder_peergroep,
)


def _vul(engine) -> tuple[Gebruiker, Gebruiker, int]:
    with write_session(engine) as session:
        for code, naam in [("GM1", "Een"), ("GM2", "Twee"), ("GM3", "Drie")]:
            session.add(Organisatie(code=code, naam=naam, actortype="gemeente"))
        session.flush()
        anna = Account(email="anna@example.org", rol="invuller", organisatie_code="GM1")
        bert = Account(email="bert@example.org", rol="kijker")
        ronde = Ronde(jaar=2025, titel="R", zichtbaarheid="anoniem", benchmark_na_indienen=False)
        session.add_all([anna, bert, ronde])
        session.flush()
        session.add(
            Inzending(
                ronde_id=ronde.id,
                organisatie_code="GM2",
                status="ingediend",
                ingediend_op=datetime(2025, 6, 1, tzinfo=UTC),
            )
        )
        session.add(Inzending(ronde_id=ronde.id, organisatie_code="GM3", status="concept"))
        return (
            Gebruiker(Rol.INVULLER, "Anna", "GM1", account_id=anna.id),
            Gebruiker(Rol.KIJKER, "Bert", account_id=bert.id),
            ronde.id,
        )


def test_a_user_saves_replaces_and_deletes_own_groups(engine):
    anna, bert, _ = _vul(engine)
    with write_session(engine) as session:
        eerste = bewaar_peergroep(
            session=session, gebruiker=anna, naam="  Buren ", leden=["GM3", "GM2", "GM2"]
        )
        bewaar_peergroep(session=session, gebruiker=bert, naam="Buren", leden=["GM1"])
    with read_session(engine) as session:
        groepen = peergroepen(session, anna)
        assert [(g.naam, g.leden) for g in groepen] == [("Buren", ("GM2", "GM3"))]
        assert [g.leden for g in peergroepen(session, bert)] == [("GM1",)]
    with write_session(engine) as session:  # same name: replaced, not doubled
        tweede = bewaar_peergroep(session=session, gebruiker=anna, naam="Buren", leden=["GM3"])
    assert tweede == eerste
    with read_session(engine) as session:
        assert [g.leden for g in peergroepen(session, anna)] == [("GM3",)]
    with pytest.raises(GeenToegang), write_session(engine) as session:
        verwijder_peergroep(session=session, gebruiker=bert, groep_id=eerste)
    with write_session(engine) as session:
        verwijder_peergroep(session=session, gebruiker=anna, groep_id=eerste)
    with read_session(engine) as session:
        assert peergroepen(session, anna) == []
        assert len(peergroepen(session, bert)) == 1


@pytest.mark.parametrize(
    ("naam", "leden", "melding"),
    [
        ("", ["GM2"], "naam"),
        ("x" * 81, ["GM2"], "te lang"),
        ("Leeg", [], "minstens één"),
        ("Fout", ["GM2", "GM9"], "GM9"),
    ],
)
def test_bad_groups_are_refused_and_nothing_is_saved(engine, naam, leden, melding):
    anna, _, _ = _vul(engine)
    with pytest.raises(MonitorFout, match=melding), write_session(engine) as session:
        bewaar_peergroep(session=session, gebruiker=anna, naam=naam, leden=leden)
    with read_session(engine) as session:
        assert peergroepen(session, anna) == []


def test_without_an_account_nothing_is_saved(engine):
    _vul(engine)
    zonder = Gebruiker(Rol.KIJKER, "Demo")
    with read_session(engine) as session:
        assert peergroepen(session, zonder) == []
    with pytest.raises(GeenToegang, match="account"), write_session(engine) as session:
        bewaar_peergroep(session=session, gebruiker=zonder, naam="X", leden=["GM1"])


def test_round_settings_and_submissions(engine):
    _, _, ronde_id = _vul(engine)
    with read_session(engine) as session:
        instellingen = ronde_instellingen(session, ronde_id)
        assert (instellingen.jaar, instellingen.zichtbaarheid) == (2025, "anoniem")
        assert instellingen.benchmark_na_indienen is False
        assert ingediende_organisaties(session, ronde_id) == {"GM2"}  # GM3 is a concept
        with pytest.raises(MonitorFout):
            ronde_instellingen(session, ronde_id + 99)
