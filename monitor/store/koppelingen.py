"""Saved import mappings (``ImportKoppeling``): one per source name, found again by the
fingerprint of a file's header set. The mapping itself is a
:class:`~monitor.uitwisseling.koppeling.Koppeling`; this module only stores its JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from monitor.models import ImportKoppeling


@dataclass(frozen=True)
class OpgeslagenKoppeling:
    naam: str
    kenmerk: str
    kop_rijen: int
    kolommen: str  # JSON


def _als(rij: ImportKoppeling) -> OpgeslagenKoppeling:
    return OpgeslagenKoppeling(rij.naam, rij.kenmerk, rij.kop_rijen, rij.kolommen)


def bewaar(
    session: Session,
    *,
    naam: str,
    kenmerk: str,
    kop_rijen: int,
    kolommen: str,
    door: str,
    moment: datetime,
) -> None:
    """Save the mapping under ``naam``; an existing one of that name is replaced."""
    rij = session.exec(select(ImportKoppeling).where(ImportKoppeling.naam == naam)).first()
    if rij is None:
        rij = ImportKoppeling(naam=naam, kenmerk=kenmerk, kolommen=kolommen, gewijzigd_op=moment)
    rij.kenmerk, rij.kop_rijen, rij.kolommen = kenmerk, kop_rijen, kolommen
    rij.gewijzigd_op, rij.door = moment, door
    session.add(rij)
    session.flush()


def op_naam(session: Session, naam: str) -> OpgeslagenKoppeling | None:
    rij = session.exec(select(ImportKoppeling).where(ImportKoppeling.naam == naam)).first()
    return None if rij is None else _als(rij)


def op_kenmerk(session: Session, kenmerk: str) -> OpgeslagenKoppeling | None:
    """The most recently saved mapping for this header set, if any."""
    stmt = (
        select(ImportKoppeling)
        .where(ImportKoppeling.kenmerk == kenmerk)
        .order_by(ImportKoppeling.gewijzigd_op.desc(), ImportKoppeling.id.desc())
    )
    rij = session.exec(stmt).first()
    return None if rij is None else _als(rij)


def namen(session: Session) -> list[str]:
    return list(session.exec(select(ImportKoppeling.naam).order_by(ImportKoppeling.naam)).all())
