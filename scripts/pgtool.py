"""Small PostgreSQL helper for scripts/ensure_postgres.sh (uses psycopg from the venv).

    python scripts/pgtool.py probe URL            exit 0 when URL accepts connections
    python scripts/pgtool.py createdb URL NAME    create database NAME on URL's server
    python scripts/pgtool.py dropdb URL NAME      drop it again (closing its connections)

URLs may be SQLAlchemy style (postgresql+psycopg://...) or plain libpq (postgresql://...).
"""

from __future__ import annotations

import re
import sys

import psycopg


def _libpq(url: str) -> str:
    return re.sub(r"^postgresql\+psycopg2?://", "postgresql://", url)


def probe(url: str) -> int:
    try:
        with psycopg.connect(_libpq(url), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        print(f"pgtool: {exc}".strip(), file=sys.stderr)
        return 1
    return 0


def _check_name(name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise SystemExit(f"pgtool: unsafe database name {name!r}")
    return name


def createdb(url: str, name: str) -> int:
    with psycopg.connect(_libpq(url), autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'CREATE DATABASE "{_check_name(name)}"')
    return 0


def dropdb(url: str, name: str) -> int:
    with psycopg.connect(_libpq(url), autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{_check_name(name)}" WITH (FORCE)')
    return 0


def main(argv: list[str]) -> int:
    match argv:
        case ["probe", url]:
            return probe(url)
        case ["createdb", url, name]:
            return createdb(url, name)
        case ["dropdb", url, name]:
            return dropdb(url, name)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
