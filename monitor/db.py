"""Engine, schema and transactions.

SQLite (default) gets WAL, a busy timeout and ``BEGIN IMMEDIATE`` for write sessions, so that
concurrent read-then-write transactions cannot lose updates. PostgreSQL works through any
``postgresql+psycopg://`` URL. The schema is managed by Alembic (``migrations/``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from monitor import models  # noqa: F401  (tables)
from monitor.config import ROOT
from monitor.store import bevriezing  # noqa: F401  (the freeze of published rounds)

MIGRATIONS_DIR = ROOT / "migrations"


# Streamlit serves every browser tab from a thread of its own: room for a busy deadline day.
POOL = {"pool_size": 10, "max_overflow": 40, "pool_timeout": 60}


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite connections are tuned for several writers."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, **POOL)
    if url in ("sqlite://", "sqlite:///:memory:"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    else:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **POOL
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _on_begin)
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
            dbapi_conn.execute(f"PRAGMA {pragma}")
        dbapi_conn.execute("PRAGMA busy_timeout=30000")

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the newest migration (creates all tables on an empty database)."""
    command.upgrade(alembic_config(engine), "head")


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("alembic_version")


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One transaction for a write: committed when the block ends, rolled back on any error.

    On SQLite the transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock before
    reading, so two writers cannot both read an old value and overwrite each other.
    """
    with Session(engine.execution_options(sqlite_begin="IMMEDIATE")) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session
