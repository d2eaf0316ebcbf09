"""A published round is frozen: no write may change its answers, questions or submissions.

Enforced for every write that goes through an ORM session, whatever module makes it:

- ``before_flush``: objects added, changed or deleted in the session (Antwoord, Vraag,
  Inzending of a published round; a published Ronde itself; its RondeSnapshot);
- ``do_orm_execute``: bulk statements run with ``session.execute`` (``insert(...)`` with a
  list of rows, ``update(...)``/``delete(...)`` with a WHERE clause) on the same tables.

Both raise :class:`monitor.errors.RondeBevroren`; the write session then rolls back, so nothing
of the transaction lands. Plain SQL text and writes on a bare connection are not seen: the
monitor does not use them for these tables.

Imported by ``monitor.db``, so the listeners are registered once for every session.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session

from monitor.domain import RondeStatus
from monitor.errors import RondeBevroren
from monitor.models import Antwoord, Inzending, Ronde, RondeSnapshot, Vraag

BEVROREN_MODELLEN = (Antwoord, Vraag, Inzending)
BEVROREN_TABELLEN = frozenset({"antwoord", "vraag", "inzending", "rondesnapshot"})
_WAT = {
    "antwoord": "antwoorden",
    "vraag": "vragen",
    "inzending": "inzendingen",
    "rondesnapshot": "de momentopname",
    "ronde": "de ronde zelf",
}


def melding(jaar: int, tabel: str) -> str:
    return (
        f"Ronde {jaar} is gepubliceerd en daarmee bevroren: {_WAT.get(tabel, tabel)} van deze "
        "ronde kunnen niet meer veranderen."
    )


def _opgeslagen_status(ronde: Ronde) -> str:
    """The round's status as stored, before any change pending in this session."""
    historie = inspect(ronde).attrs.status.history
    return historie.deleted[0] if historie.deleted else ronde.status


def _is_bevroren(ronde: Ronde) -> bool:
    gepubliceerd = RondeStatus.GEPUBLICEERD.value
    return ronde.status == gepubliceerd or _opgeslagen_status(ronde) == gepubliceerd


def _weiger_bevroren(session: Session, ronde_ids: Iterable[int | None], tabel: str) -> None:
    with session.no_autoflush:
        for ronde_id in sorted({i for i in ronde_ids if i is not None}):
            ronde = session.get(Ronde, ronde_id)
            if ronde is not None and _is_bevroren(ronde):
                raise RondeBevroren(melding(ronde.jaar, tabel))


def _ronde_ids(obj: object) -> list[int | None]:
    """The round an object belongs to, and the one it belonged to before a pending change."""
    historie = inspect(obj).attrs.ronde_id.history
    return [obj.ronde_id, *historie.deleted]  # type: ignore[attr-defined]


@event.listens_for(Session, "before_flush")
def _controleer_flush(session: Session, _context, _instances) -> None:  # type: ignore[no-untyped-def]
    gewijzigd = [o for o in session.dirty if session.is_modified(o)]
    for obj in chain(session.new, gewijzigd, session.deleted):
        if isinstance(obj, BEVROREN_MODELLEN):
            _weiger_bevroren(session, _ronde_ids(obj), obj.__tablename__)
    for obj in chain(gewijzigd, session.deleted):
        if isinstance(obj, Ronde) and _opgeslagen_status(obj) == RondeStatus.GEPUBLICEERD:
            raise RondeBevroren(melding(obj.jaar, "ronde"))
        if isinstance(obj, RondeSnapshot):
            _weiger_bevroren(session, _ronde_ids(obj), "rondesnapshot")


def _parameter_rijen(state: ORMExecuteState) -> list[dict]:
    parameters = state.parameters
    if parameters is None:
        return []
    return list(parameters) if isinstance(parameters, list | tuple) else [parameters]


@event.listens_for(Session, "do_orm_execute")
def _controleer_bulk(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    tabel = getattr(state.statement, "table", None)
    naam = getattr(tabel, "name", None)
    if naam not in BEVROREN_TABELLEN and naam != "ronde":
        return
    session = state.session
    if state.is_insert:
        if naam == "ronde":
            return
        waarden = state.statement.compile().params
        ids = [w for k, w in waarden.items() if k.startswith("ronde_id")]
        ids += [rij.get("ronde_id") for rij in _parameter_rijen(state)]
        _weiger_bevroren(session, ids, naam)
        return
    _weiger_bevroren(session, _geraakte_rondes(state, tabel, naam), naam)


def _geraakte_rondes(state: ORMExecuteState, tabel, naam: str) -> list[int | None]:  # type: ignore[no-untyped-def]
    """The rounds whose rows an UPDATE or DELETE statement would touch."""
    kolom = tabel.c.id if naam == "ronde" else tabel.c.ronde_id
    rijen = _parameter_rijen(state)
    sleutel = kolom.name
    if rijen and all(sleutel in rij for rij in rijen):
        return [rij[sleutel] for rij in rijen]  # e.g. bulk by primary key that holds ronde_id
    where = state.statement.whereclause
    if where is None and rijen and all("id" in rij for rij in rijen):
        where = tabel.c.id.in_([rij["id"] for rij in rijen])  # ORM bulk UPDATE by primary key
        rijen = []
    geraakt = select(kolom).distinct()
    if where is not None:
        geraakt = geraakt.where(where)
    ids: list[int | None] = []
    for rij in rijen or [None]:
        ids += state.session.execute(geraakt, rij).scalars().all()
    return ids
