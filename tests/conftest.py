"""Shared database fixtures.

``engine``       a database with the newest schema and empty tables, once on SQLite and once on
                 PostgreSQL (``TEST_DATABASE_URL``; ``make test`` provides one). The PostgreSQL
                 run fails, never skips, when no server is available.
``demo_engine``  a session-wide SQLite database made by ``python -m monitor init`` and
                 ``python -m monitor demo`` (treat it as read-only).
``demo_database_file``  the path of that database's pristine copy (to copy from).

Every test hashes passwords with cheap argon2 parameters (``MONITOR_ARGON2_TEST=1``).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import inspect, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from monitor.db import make_engine, upgrade_schema
from tests.e2e.browser_harness import prepare_demo_database, sqlite_url

ROOT = Path(__file__).resolve().parents[1]
# Cheap argon2 parameters for every test, and for the app servers and CLI runs they start
# (inherited environment). tests/db/test_accounts.py checks the production parameters once.
os.environ["MONITOR_ARGON2_TEST"] = "1"
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


@contextmanager
def _shared_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path``: xdist workers build shared files one at a time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _shared_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory all xdist workers of this run share (the session's own dir without xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if WORKER != "main" else base


def _close_sqlite(engine: Engine) -> None:
    """Checkpoint the WAL into the main file, so that the file can be copied on its own."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


# --------------------------------------------------------------------------------------------
# SQLite


@pytest.fixture(scope="session")
def sqlite_schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file with the newest schema and no rows; tests get a copy of it (fast)."""
    path = tmp_path_factory.mktemp("sqlite-schema") / "schema.db"
    engine = make_engine(sqlite_url(path))
    upgrade_schema(engine)
    _close_sqlite(engine)
    return path


@pytest.fixture(scope="session")
def demo_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m monitor init`` + ``python -m monitor demo``, built once per test run."""
    shared = _shared_dir(tmp_path_factory) / "demo-database"
    path = shared / "monitor.db"
    with _shared_lock(shared / ".lock"):
        if not (shared / "klaar").exists():
            shutil.rmtree(path.parent / "build", ignore_errors=True)
            build = path.parent / "build" / "monitor.db"
            try:
                prepare_demo_database(build)
            except RuntimeError as fout:
                pytest.fail(str(fout), pytrace=False)
            shutil.copyfile(build, path)
            (shared / "klaar").touch()
    return path


@pytest.fixture(scope="session")
def demo_engine(demo_database_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The demo database (2024 and 2025), a private copy for this test process."""
    path = tmp_path_factory.mktemp("demo-engine") / "monitor.db"
    shutil.copyfile(demo_database_file, path)
    engine = make_engine(sqlite_url(path))
    yield engine
    engine.dispose()


# --------------------------------------------------------------------------------------------
# PostgreSQL


class PostgresSchema:
    """A private schema in the TEST_DATABASE_URL database, with the newest tables."""

    def __init__(self, url: str) -> None:
        self.admin_url = make_url(url)
        self.name = f"monitor_test_{WORKER}_{uuid.uuid4().hex[:8]}"
        query = {**self.admin_url.query, "options": f"-csearch_path={self.name}"}
        self.url = self.admin_url.update_query_dict(query).render_as_string(hide_password=False)
        self.admin = make_engine(self.admin_url.render_as_string(hide_password=False))
        self.tables: set[str] = set()
        self.revision: str | None = None
        self.needs_rebuild = False

    def create(self) -> None:
        with self.admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{self.name}"'))
        engine = make_engine(self.url)
        try:
            upgrade_schema(engine)
            self.tables = set(inspect(engine).get_table_names())
            with engine.connect() as conn:
                self.revision = conn.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar()
                # Tables the migrations fill themselves cannot simply be truncated.
                self.needs_rebuild = any(
                    conn.execute(text(f'SELECT EXISTS (SELECT 1 FROM "{t}")')).scalar()
                    for t in self.tables - {"alembic_version"}
                )
        finally:
            engine.dispose()

    def reset(self) -> None:
        """Empty every table; rebuild the schema when a test changed it."""
        with self.admin.begin() as conn:
            conn.execute(text("SET LOCAL lock_timeout = '20s'"))
            now = set(
                conn.execute(
                    text(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = :s"
                    ),
                    {"s": self.name},
                ).scalars()
            )
            revision = None
            if "alembic_version" in now:
                revision = conn.execute(
                    text(f'SELECT max(version_num) FROM "{self.name}".alembic_version')
                ).scalar()
            if now == self.tables and revision == self.revision and not self.needs_rebuild:
                self._empty(conn, sorted(now - {"alembic_version"}))
                return
        self.create()

    def _empty(self, conn, tables: list[str]) -> None:
        """Empty every table and restart every sequence, touching only what a test used.

        TRUNCATE of all twenty tables took ~0.6 s per PostgreSQL test; most tests write to a
        few, so only the tables with rows are truncated and only the sequences that handed out
        a number are restarted: the same end state (empty tables, ids from 1)."""
        if not tables:
            return
        checks = ", ".join(f'EXISTS (SELECT 1 FROM "{self.name}"."{t}")' for t in tables)
        rijen = conn.execute(text(f"SELECT {checks}")).one()
        gevuld = [t for t, heeft in zip(tables, rijen, strict=True) if heeft]
        if gevuld:
            names = ", ".join(f'"{self.name}"."{t}"' for t in gevuld)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        gebruikt = (
            conn.execute(
                text(
                    "SELECT sequencename FROM pg_sequences "
                    "WHERE schemaname = :s AND last_value IS NOT NULL"
                ),
                {"s": self.name},
            )
            .scalars()
            .all()
        )
        for sequence in gebruikt:
            conn.execute(text(f'ALTER SEQUENCE "{self.name}"."{sequence}" RESTART'))

    def drop(self) -> None:
        try:
            with self.admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE'))
        finally:
            self.admin.dispose()


@pytest.fixture(scope="session")
def postgres_schema() -> Iterator[PostgresSchema]:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.fail(
            "TEST_DATABASE_URL is not set. The data-layer tests run on PostgreSQL too: use "
            "`make test` (it provides a server), or export "
            "TEST_DATABASE_URL=postgresql+psycopg://USER@HOST:PORT/DATABASE.",
            pytrace=False,
        )
    try:
        schema = PostgresSchema(url)
        schema.create()
    except (SQLAlchemyError, OSError, ValueError) as exc:
        shown = make_url(url).render_as_string(hide_password=True)
        pytest.fail(f"PostgreSQL at {shown} is not usable: {exc}", pytrace=False)
    yield schema
    schema.drop()


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
    ids=["sqlite", "postgresql"],
)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database with the newest schema and empty tables (SQLite file / PostgreSQL schema)."""
    if request.param == "sqlite":
        path = tmp_path / "monitor.db"
        shutil.copyfile(request.getfixturevalue("sqlite_schema_file"), path)
        url = sqlite_url(path)
    else:
        schema: PostgresSchema = request.getfixturevalue("postgres_schema")
        schema.reset()
        url = schema.url
    eng = make_engine(url)
    yield eng
    eng.dispose()
