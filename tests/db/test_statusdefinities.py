"""Status definitions per round: our standard wording marked as ours, a beheerder's own wording
stored per round, copied into a new round, refused when empty or too long."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.db import read_session, write_session
from monitor.domain import Rol, StatusDefinitie, standaard_statusdefinities
from monitor.errors import GeenToegang, MonitorFout
from monitor.models import Ronde
from monitor.rechten import Gebruiker
from monitor.rondes import levensloop
from monitor.rondes import statusdefinities as sd
from monitor.store import lezen

BEHEERDER = Gebruiker(rol=Rol.BEHEERDER, naam="Bea Beheer")


@pytest.fixture
def db(engine):
    with write_session(engine) as s:
        s.add(Ronde(jaar=2024, titel="Monitor 2024", status="gesloten"))
    return engine


def _van(engine, jaar: int) -> list[StatusDefinitie]:
    with read_session(engine) as s:
        return sd.van_ronde(s, lezen.ronde_by_jaar(s, jaar))


def _eigen(betekenis: str = "Het besluit ligt bij het bestuur.") -> list[StatusDefinitie]:
    return [
        StatusDefinitie(d.optie, d.label, betekenis if d.optie == "bijna_klaar" else d.betekenis,
                     "Rapport 2025, p. 4" if d.optie == "bijna_klaar" else d.bron)
        for d in standaard_statusdefinities()
    ]  # fmt: skip


def test_a_round_without_its_own_definitions_shows_ours_marked_as_ours(db):
    definities = _van(db, 2024)
    assert [d.label for d in definities] == [
        "Nog niet begonnen", "Mee bezig", "Bijna klaar", "Afgerond", "Ja", "Nee",
    ]  # fmt: skip
    assert all(d.betekenis for d in definities)
    assert all(d.bron.startswith("Eigen formulering") for d in definities)
    assert "definieert de antwoordopties niet" in definities[0].bron


def test_stored_definitions_hold_for_the_round_and_a_new_round_starts_with_a_copy(db):
    with write_session(db) as s:
        sd.bewaar(s, BEHEERDER, lezen.ronde_by_jaar(s, 2024), _eigen())
    bijna = {d.optie: d for d in _van(db, 2024)}["bijna_klaar"]
    assert (bijna.betekenis, bijna.bron) == (
        "Het besluit ligt bij het bestuur.",
        "Rapport 2025, p. 4",
    )

    with write_session(db) as s:
        levensloop.maak_ronde(
            session=s,
            gebruiker=BEHEERDER,
            gegevens=levensloop.NieuweRonde(
                jaar=2025,
                peildatum=date(2025, 10, 1),
                open_datum=date(2025, 9, 1),
                sluit_datum=date(2025, 11, 15),
            ),
        )
    # the copy is the new round's own: changing 2024 afterwards leaves 2025 as it was
    with write_session(db) as s:
        sd.bewaar(s, BEHEERDER, lezen.ronde_by_jaar(s, 2024), _eigen("Anders."))
    assert {d.optie: d.betekenis for d in _van(db, 2025)}["bijna_klaar"] == (
        "Het besluit ligt bij het bestuur."
    )


@pytest.mark.parametrize(
    ("betekenis", "melding"),
    [
        ("  ", "Statusdefinitie 'Bijna klaar': de betekenis is leeg."),
        ("x" * 401, "Statusdefinitie 'Bijna klaar': de betekenis is te lang: 401 tekens, "
                    "hoogstens 400."),
    ],
)  # fmt: skip
def test_an_empty_or_too_long_definition_is_refused_and_nothing_is_stored(db, betekenis, melding):
    with pytest.raises(MonitorFout) as fout, write_session(db) as s:
        sd.bewaar(s, BEHEERDER, lezen.ronde_by_jaar(s, 2024), _eigen(betekenis))
    assert str(fout.value) == melding
    assert all(d.bron.startswith("Eigen formulering") for d in _van(db, 2024))


def test_only_a_beheerder_changes_definitions(db):
    with pytest.raises(GeenToegang), write_session(db) as s:
        sd.bewaar(
            s, Gebruiker(rol=Rol.INVULLER, naam="Ina"), lezen.ronde_by_jaar(s, 2024), _eigen()
        )


def test_a_published_rounds_definitions_stay_as_they_were(db):
    with write_session(db) as s:
        lezen.ronde_by_jaar(s, 2024).status = "gepubliceerd"
    with pytest.raises(MonitorFout, match="Ronde 2024 is gepubliceerd"), write_session(db) as s:
        sd.bewaar(s, BEHEERDER, lezen.ronde_by_jaar(s, 2024), _eigen())
    assert all(d.bron.startswith("Eigen formulering") for d in _van(db, 2024))
