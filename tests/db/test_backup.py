"""Backups as deploy/README.md describes them: pg_dump of a real round, pg_restore into an
empty database, and the monitor there gives the same figures (PostgreSQL only)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.conftest import PostgresSchema

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@pytest.fixture
def twee_databases(postgres_schema: PostgresSchema) -> Iterator[tuple[str, str]]:
    """Two new, empty databases on the test server: the original and the restored copy."""
    admin = make_url(postgres_schema.admin_url).render_as_string(hide_password=False)
    namen = [f"monitor_backup_{uuid.uuid4().hex[:8]}_{kant}" for kant in ("bron", "kopie")]
    with psycopg.connect(_libpq(admin), autocommit=True) as conn:
        for naam in namen:
            conn.execute(f'CREATE DATABASE "{naam}"')
    urls = [make_url(admin).set(database=naam).render_as_string(False) for naam in namen]
    try:
        yield urls[0], urls[1]
    finally:
        with psycopg.connect(_libpq(admin), autocommit=True) as conn:
            for naam in namen:
                conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def _monitor(url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": url, "MONITOR_DEMO": "1"}
    klaar = subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert klaar.returncode == 0, klaar.stderr
    return klaar.stdout


def _aantal(url: str, tabel: str) -> int:
    with psycopg.connect(_libpq(url)) as conn:
        return conn.execute(f'SELECT count(*) FROM "{tabel}"').fetchone()[0]


def test_pg_dump_and_restore_keep_a_whole_round(twee_databases, tmp_path) -> None:
    bron, kopie = twee_databases
    _monitor(bron, "init")
    _monitor(bron, "demo", "--rondes", "1")
    dump = tmp_path / "monitor.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", _libpq(bron)], check=True
    )
    subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={_libpq(kopie)}", str(dump)],
        check=True,
    )
    _monitor(kopie, "init")  # after a restore: the schema is already at head, nothing breaks

    for tabel in ("antwoord", "organisatie", "ronde", "account", "auditregel"):
        assert _aantal(kopie, tabel) == _aantal(bron, tabel), tabel
    assert _aantal(kopie, "antwoord") > 1000
    voor = json.loads(_monitor(bron, "overzicht", "--ronde", "2024", "--json"))
    na = json.loads(_monitor(kopie, "overzicht", "--ronde", "2024", "--json"))
    assert na == voor and na
