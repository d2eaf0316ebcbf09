"""Decks and notes of reflectiesessies in the database, with the authorisation checked here.

Who may do what (decided for the monitor):

- **write** (save a deck, add a note or actiepunt, record the opvolging): beheerders and
  kijkers — the facilitators of the sessions are VWS/VNG staff;
- **read notes and actiepunten**: every signed-in user (beheerder, kijker, invuller): the
  actors own the actiepunten and should see them;
- the **public view** sees the slides (anonymous aggregates) but no notes.

Notes are stored with the time and the role of the writer, never a personal name.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
from sqlmodel import Session, select

from monitor.domain import ACTORTYPE_BY_CODE, ROL_LABELS
from monitor.errors import MonitorFout
from monitor.models import Deck, Notitie, Ronde
from monitor.rechten import Gebruiker, Recht, controleer_notitie, vereis

DECK_NAAM = "Reflectiesessie"
NOTITIE_KOLOMMEN = [
    "id",
    "dia",
    "tekst",
    "is_actiepunt",
    "eigenaar",
    "deadline",
    "opvolging",
    "aangemaakt_op",
    "door",
]


DECK_SCHEIDING = ";"  # how a deck's slide keys are stored in one column


def load_deck(*, session: Session, ronde_id: int, beschikbaar: list[str]) -> list[str]:
    """The slide keys of the round's saved deck that still exist, in the saved order; the
    whole catalogue ``beschikbaar`` when nothing is saved (or nothing of it exists any more)."""
    deck = session.exec(
        select(Deck).where(Deck.ronde_id == ronde_id).order_by(Deck.id.desc())
    ).first()
    if deck is None or not deck.dias:
        return list(beschikbaar)
    bestaand = set(beschikbaar)
    gekozen = [s for s in dict.fromkeys(deck.dias.split(DECK_SCHEIDING)) if s in bestaand]
    return gekozen or list(beschikbaar)


def _deck_tekst(sleutels: list[str]) -> str:
    if not sleutels:
        raise MonitorFout("Een deck moet minstens één dia bevatten.")
    if any(DECK_SCHEIDING in s for s in sleutels):
        raise MonitorFout(f"Een diasleutel mag geen '{DECK_SCHEIDING}' bevatten.")
    return DECK_SCHEIDING.join(dict.fromkeys(sleutels))


def save_deck(*, session: Session, gebruiker: Gebruiker, ronde_id: int, dias: list[str]) -> None:
    """Save the chosen and ordered slides as the round's deck (replacing an earlier one)."""
    vereis(gebruiker, Recht.NOTITIES_SCHRIJVEN, "het bewaren van een deck")
    tekst = _deck_tekst(dias)
    deck = session.exec(select(Deck).where(Deck.ronde_id == ronde_id)).first()
    if deck is None:
        session.add(Deck(ronde_id=ronde_id, naam=DECK_NAAM, dias=tekst))
    else:
        deck.dias = tekst
        session.add(deck)


def add_notitie(
    *,
    session: Session,
    gebruiker: Gebruiker,
    ronde_id: int,
    dia: str,
    tekst: str,
    eigenaar: str | None = None,
    deadline: date | None = None,
    moment: datetime | None = None,
) -> Notitie:
    """Store a note on slide ``dia``; with an ``eigenaar`` (an actortype) it is an actiepunt.

    Raises GeenToegang for roles that may not write, MonitorFout for a note with contact
    details or names, an unknown eigenaar, or a deadline without eigenaar.
    """
    vereis(gebruiker, Recht.NOTITIES_SCHRIJVEN, "het maken van notities")
    schoon = controleer_notitie(tekst)
    if eigenaar is not None and eigenaar not in ACTORTYPE_BY_CODE:
        raise MonitorFout(f"Onbekende eigenaar '{eigenaar}': kies een actor.")
    if deadline is not None and eigenaar is None:
        raise MonitorFout("Een deadline hoort bij een actiepunt: kies ook een eigenaar.")
    if session.get(Ronde, ronde_id) is None:
        raise MonitorFout(f"Ronde {ronde_id} bestaat niet.")
    notitie = Notitie(
        ronde_id=ronde_id,
        dia=dia,
        tekst=schoon,
        is_actiepunt=eigenaar is not None,
        eigenaar_actortype=eigenaar,
        deadline=deadline,
        aangemaakt_op=moment or datetime.now(UTC),
        door=ROL_LABELS[gebruiker.rol],
    )
    session.add(notitie)
    session.flush()
    return notitie


def notities(
    *, session: Session, gebruiker: Gebruiker, ronde_id: int, dia: str | None = None
) -> pd.DataFrame:
    """The round's notes (of one slide when ``dia`` is given), oldest first.

    Columns: NOTITIE_KOLOMMEN (eigenaar is the actortype label). GeenToegang for the public.
    """
    vereis(gebruiker, Recht.NOTITIES_LEZEN, "de notities van de reflectiesessie")
    stmt = select(Notitie).where(Notitie.ronde_id == ronde_id)
    if dia is not None:
        stmt = stmt.where(Notitie.dia == dia)
    rijen = [
        (
            n.id,
            n.dia,
            n.tekst,
            n.is_actiepunt,
            ACTORTYPE_BY_CODE[n.eigenaar_actortype].label_meervoud
            if n.eigenaar_actortype in ACTORTYPE_BY_CODE
            else "",
            n.deadline,
            n.opvolging or "",
            n.aangemaakt_op,
            n.door,
        )
        for n in session.exec(stmt.order_by(Notitie.aangemaakt_op, Notitie.id)).all()
    ]
    return pd.DataFrame(rijen, columns=NOTITIE_KOLOMMEN)


def actiepunten(*, session: Session, gebruiker: Gebruiker, ronde_id: int) -> pd.DataFrame:
    """The notes of the round that are actiepunten (same columns as :func:`notities`)."""
    tabel = notities(session=session, gebruiker=gebruiker, ronde_id=ronde_id)
    return tabel[tabel["is_actiepunt"].astype(bool)].reset_index(drop=True)


def set_opvolging(
    *, session: Session, gebruiker: Gebruiker, notitie_id: int, opvolging: str
) -> None:
    """Record what became of an actiepunt (checked like a note; empty clears it)."""
    vereis(gebruiker, Recht.NOTITIES_SCHRIJVEN, "het bijwerken van de opvolging")
    notitie = session.get(Notitie, notitie_id)
    if notitie is None or not notitie.is_actiepunt:
        raise MonitorFout(f"Actiepunt {notitie_id} bestaat niet.")
    notitie.opvolging = controleer_notitie(opvolging) if opvolging.strip() else None
    session.add(notitie)
