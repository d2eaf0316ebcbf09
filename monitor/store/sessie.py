"""Sessions and the engine, for code outside the store.

Pages, ``monitor.ui`` and the services open their transactions here instead of importing
SQLModel, SQLAlchemy or ``monitor.db`` (ruff bans those outside the store). A service opens one
write session and passes it to every store function it calls, so a whole action commits or
rolls back as one.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from monitor.db import has_schema, make_engine, read_session, upgrade_schema, write_session

__all__ = [
    "Engine",
    "Session",
    "heeft_schema",
    "lees",
    "maak_engine",
    "ontkoppel",
    "schrijf",
    "werk_schema_bij",
]


def ontkoppel(session: Session) -> None:
    """Detach every row read so far, so that it stays readable after the session closes."""
    session.expunge_all()


lees = read_session  # a read-only session: ``with sessie.lees(engine) as session: …``
schrijf = write_session  # one transaction, committed at the end or rolled back on any error
maak_engine = make_engine
heeft_schema = has_schema
werk_schema_bij = upgrade_schema
