"""Reads from the database, returned as plain records or DataFrames. SQL lives here."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Enum, Integer, String, TypeDecorator, func
from sqlalchemy.types import TypeEngine
from sqlmodel import Session, select

from monitor.domain import AntwoordStatus
from monitor.models import (
    Afspraak,
    AfspraakAfhankelijkheid,
    Antwoord,
    MonitorMeta,
    Organisatie,
    Planning,
    Ronde,
    Thema,
    Vraag,
)

VRAAG_KOLOMMEN = [
    "id",
    "code",
    "actortype",
    "thema_nr",
    "afspraak_code",
    "soort",
    "vraagtype",
    "tekst",
    "opties",
    "toon_als",
    "volgorde",
    "voorganger_id",
]
GRENS_KOLOMMEN = ["minimum", "maximum"]
ANTWOORD_KOLOMMEN = [
    "organisatie_code",
    "vraag_id",
    "waarde",
    "toelichting",
    "status",
    "voorlopig",
]
# What a figure over many rounds needs of an answer (Op koers?): not the toelichting, the long
# text; 20 rounds of answers read in half the time without it.
STATUS_KOLOMMEN = ["organisatie_code", "vraag_id", "waarde", "status"]
ORGANISATIE_KOLOMMEN = [
    "code",
    "naam",
    "actortype",
    "jeugdregio_code",
    "provincie_code",
    "provincie_naam",
    "inwoners",
    "inwonersklasse",
    "niet_noemen",
]


def _frame(session: Session, statement, kolommen: list[str]) -> pd.DataFrame:
    """The rows of a select of columns as a frame, read through the session's own connection
    (same transaction): a frame needs no ORM row processing (15% faster for 20 rounds of
    answers; ``DataFrame.from_records`` on the rows was twice as slow as tuples).

    When every column is text or a whole number, the driver's own rows are taken as they
    are: no database converts those, and skipping SQLAlchemy's row objects reads 20 rounds
    of answers in a third of the time. Dates and booleans go through SQLAlchemy (SQLite
    stores them as text and 0/1)."""
    resultaat = session.connection().execute(statement)
    if all(_zonder_omzetting(k.type) for k in statement.selected_columns):
        with resultaat:
            return pd.DataFrame(resultaat.cursor.fetchall(), columns=kolommen)
    return pd.DataFrame([tuple(r) for r in resultaat.all()], columns=kolommen)


def _zonder_omzetting(kolomtype: TypeEngine) -> bool:
    """True for a column type whose values every driver returns as Python str or int, with
    nothing for SQLAlchemy to convert (SQLModel's text columns are a TypeDecorator of String)."""
    if isinstance(kolomtype, TypeDecorator):
        eigen = type(kolomtype).process_result_value is not TypeDecorator.process_result_value
        if eigen:
            return False
        kolomtype = kolomtype.impl_instance
    return isinstance(kolomtype, String | Integer) and not isinstance(kolomtype, Enum)


def rondes(session: Session) -> list[Ronde]:
    return list(session.exec(select(Ronde).order_by(Ronde.jaar)).all())


def ronde_by_jaar(session: Session, jaar: int) -> Ronde | None:
    return session.exec(select(Ronde).where(Ronde.jaar == jaar)).first()


def themas(session: Session) -> list[Thema]:
    return list(session.exec(select(Thema).order_by(Thema.nr)).all())


def vragen_frame(session: Session, ronde_id: int, *, met_grenzen: bool = False) -> pd.DataFrame:
    """The round's questions; ``met_grenzen`` adds the bounds ``minimum`` and ``maximum``."""
    namen = VRAAG_KOLOMMEN + (GRENS_KOLOMMEN if met_grenzen else [])
    kolommen = [getattr(Vraag, k) for k in namen]
    stmt = select(*kolommen).where(Vraag.ronde_id == ronde_id).order_by(Vraag.volgorde)
    return _frame(session, stmt, namen)


def antwoorden_frame(
    session: Session, ronde_id: int, *, alleen_ingediend: bool = False, met_tekst: bool = True
) -> pd.DataFrame:
    """The round's answers; ``alleen_ingediend`` leaves out concept answers of organisations
    still filling in (figures, reports and snapshots count submitted answers only);
    ``met_tekst=False`` reads only ``STATUS_KOLOMMEN``."""
    namen = ANTWOORD_KOLOMMEN if met_tekst else STATUS_KOLOMMEN
    stmt = select(*(getattr(Antwoord, k) for k in namen)).where(Antwoord.ronde_id == ronde_id)
    if alleen_ingediend:
        stmt = stmt.where(Antwoord.status == AntwoordStatus.INGEDIEND)
    return _frame(session, stmt, namen)


def organisaties_frame(session: Session) -> pd.DataFrame:
    kolommen = [getattr(Organisatie, k) for k in ORGANISATIE_KOLOMMEN]
    return _frame(session, select(*kolommen).order_by(Organisatie.code), ORGANISATIE_KOLOMMEN)


def afspraken_frame(session: Session) -> pd.DataFrame:
    stmt = select(Afspraak.code, Afspraak.thema_nr, Afspraak.tekst, Afspraak.paragraaf)
    return _frame(session, stmt, ["code", "thema_nr", "tekst", "paragraaf"])


def afhankelijkheden_frame(session: Session) -> pd.DataFrame:
    stmt = select(
        AfspraakAfhankelijkheid.afspraak_code,
        AfspraakAfhankelijkheid.hangt_af_van,
        AfspraakAfhankelijkheid.bron,
    )
    return _frame(session, stmt, ["afspraak_code", "hangt_af_van", "bron"])


def planning_frame(session: Session) -> pd.DataFrame:
    kolommen = ["afspraak_code", "soort", "datum", "tekst", "bron", "geldig_vanaf", "bron_rapport"]
    stmt = select(*[getattr(Planning, k) for k in kolommen]).order_by(Planning.geldig_vanaf)
    return _frame(session, stmt, kolommen)


def organisatie(session: Session, code: str) -> Organisatie | None:
    return session.get(Organisatie, code)


def afspraak(session: Session, code: str) -> Afspraak | None:
    return session.get(Afspraak, code)


def thema(session: Session, nr: int) -> Thema | None:
    return session.get(Thema, nr)


def meta(session: Session, sleutel: str) -> str | None:
    """One value of the key/value table. Read as a column, not as an ORM object: every page
    run reads the data versie, and loading it as an object cost a tenth of a new session."""
    stmt = select(MonitorMeta.waarde).where(MonitorMeta.sleutel == sleutel)
    return session.connection().execute(stmt).scalar_one_or_none()


def is_demo(session: Session) -> bool:
    return meta(session, "demo") == "ja"


def data_versie(session: Session) -> int:
    return int(meta(session, "data_versie") or 0)


def aantal_antwoorden(session: Session, ronde_id: int | None = None) -> int:
    stmt = select(func.count()).select_from(Antwoord)
    if ronde_id is not None:
        stmt = stmt.where(Antwoord.ronde_id == ronde_id)
    return session.exec(stmt).one()


def vragen_van_ronde(session: Session, ronde_id: int) -> list[Vraag]:
    """The round's questions as rows (with options and bounds), in questionnaire order."""
    stmt = select(Vraag).where(Vraag.ronde_id == ronde_id).order_by(Vraag.volgorde, Vraag.code)
    return list(session.exec(stmt).all())


def antwoord_stand(session: Session, ronde_id: int) -> dict[tuple[str, int], tuple]:
    """Per (organisatie_code, vraag_id): (id, waarde, toelichting, status, versie, voorlopig)."""
    stmt = select(
        Antwoord.organisatie_code,
        Antwoord.vraag_id,
        Antwoord.id,
        Antwoord.waarde,
        Antwoord.toelichting,
        Antwoord.status,
        Antwoord.versie,
        Antwoord.voorlopig,
    ).where(Antwoord.ronde_id == ronde_id)
    return {(r[0], r[1]): tuple(r[2:]) for r in session.exec(stmt).all()}
