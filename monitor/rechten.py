"""Who may do what. Pure: used by the page set-up and by the data layer alike."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.domain import Rol
from monitor.errors import GeenToegang


@dataclass(frozen=True)
class Gebruiker:
    rol: Rol
    naam: str
    organisatie_code: str | None = None  # for invullers: the one organisation they act for
    account_id: int | None = None  # the Account row behind a signed-in user (None: public)


PUBLIEK = Gebruiker(rol=Rol.PUBLIEK, naam="Bezoeker")
ALLE_ROLLEN = frozenset(Rol)
INGELOGDE_ROLLEN = frozenset({Rol.BEHEERDER, Rol.KIJKER, Rol.INVULLER})


def mag_namen_zien(gebruiker: Gebruiker) -> bool:
    """Names of (non-)respondents and their toelichtingen are not for the public view."""
    return gebruiker.rol in INGELOGDE_ROLLEN


def vereis_namen(gebruiker: Gebruiker, wat: str) -> None:
    """Raise GeenToegang for the public view: ``wat`` carries names or toelichtingen."""
    vereis_rol(gebruiker, INGELOGDE_ROLLEN, wat)


def vereis_rol(gebruiker: Gebruiker, rollen: frozenset[Rol], wat: str) -> None:
    """Raise GeenToegang unless the user has one of ``rollen``."""
    if gebruiker.rol not in rollen:
        raise GeenToegang(f"Geen toegang: {wat} is niet beschikbaar voor uw rol.")
