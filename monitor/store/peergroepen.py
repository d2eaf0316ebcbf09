"""Database reads and writes of the benchmark: round settings, who submitted, and the custom
peer groups a user saves (``PeerGroep``). Saved groups belong to one account: every function
takes the :class:`~monitor.rechten.Gebruiker` and only ever touches that user's groups."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, select

from monitor import invoer
from monitor.errors import GeenToegang, MonitorFout
from monitor.models import Organisatie, PeerGroep, Ronde
from monitor.rechten import Gebruiker, RondeInstellingen

MAX_NAAM = invoer.GROEPSNAAM.max_tekens


@dataclass(frozen=True)
class OpgeslagenGroep:
    id: int
    naam: str
    leden: tuple[str, ...]


def ronde_instellingen(session: Session, ronde_id: int) -> RondeInstellingen:
    ronde = session.get(Ronde, ronde_id)
    if ronde is None:
        raise MonitorFout(f"Ronde {ronde_id} bestaat niet.")
    return RondeInstellingen(
        ronde_id=ronde.id,
        jaar=ronde.jaar,
        zichtbaarheid=ronde.zichtbaarheid,
        benchmark_na_indienen=ronde.benchmark_na_indienen,
        status=ronde.status,
    )


def _account_id(gebruiker: Gebruiker) -> int:
    if gebruiker.account_id is None:
        raise GeenToegang(
            "Geen toegang: een eigen vergelijkgroep bewaren kan alleen met een account."
        )
    return gebruiker.account_id


def peergroepen(session: Session, gebruiker: Gebruiker) -> list[OpgeslagenGroep]:
    """The user's saved groups by name; none for a user without an account."""
    if gebruiker.account_id is None:
        return []
    stmt = (
        select(PeerGroep)
        .where(PeerGroep.account_id == gebruiker.account_id)
        .order_by(PeerGroep.naam, PeerGroep.id)
    )
    return [
        OpgeslagenGroep(g.id, g.naam, tuple(c for c in g.leden.split(";") if c))
        for g in session.exec(stmt).all()
    ]


def bewaar_peergroep(
    *, session: Session, gebruiker: Gebruiker, naam: str, leden: Iterable[str]
) -> int:
    """Save (or replace, by name) one of the user's groups; returns its id.

    Raises MonitorFout for an empty or too long name, no members, or unknown organisations.
    """
    account_id = _account_id(gebruiker)
    naam = " ".join(naam.split())
    if not naam:
        raise MonitorFout("Geef de vergelijkgroep een naam.")
    invoer.controleer_tekst(naam, invoer.GROEPSNAAM, waar="Vergelijkgroep")
    codes = sorted(set(leden))
    if not codes:
        raise MonitorFout("Kies minstens één organisatie voor de vergelijkgroep.")
    bekend = set(
        session.exec(select(Organisatie.code).where(Organisatie.code.in_(codes))).all()  # type: ignore[union-attr]
    )
    if onbekend := [c for c in codes if c not in bekend]:
        raise MonitorFout(f"Onbekende organisatie(s) in de vergelijkgroep: {', '.join(onbekend)}.")
    bestaand = session.exec(
        select(PeerGroep).where(PeerGroep.account_id == account_id, PeerGroep.naam == naam)
    ).first()
    if bestaand is None:
        bestaand = PeerGroep(account_id=account_id, naam=naam)
    bestaand.leden = ";".join(codes)
    session.add(bestaand)
    session.flush()
    return bestaand.id


def verwijder_peergroep(*, session: Session, gebruiker: Gebruiker, groep_id: int) -> None:
    """Delete one of the user's own groups; another user's group raises GeenToegang."""
    account_id = _account_id(gebruiker)
    groep = session.get(PeerGroep, groep_id)
    if groep is None:
        return
    if groep.account_id != account_id:
        raise GeenToegang("Geen toegang: dit is de vergelijkgroep van een ander.")
    session.delete(groep)
