"""Helpers for database tests."""

import hashlib

from sqlalchemy import MetaData, select
from sqlalchemy.engine import Engine


def table_checksum(engine: Engine) -> str:
    """A digest of every row of every table: equal digests mean nothing was written."""
    metadata = MetaData()
    metadata.reflect(engine)
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for naam in sorted(metadata.tables):
            tabel = metadata.tables[naam]
            rijen = conn.execute(select(tabel)).all()
            digest.update(naam.encode())
            for rij in sorted(repr(tuple(r)) for r in rijen):
                digest.update(rij.encode())
    return digest.hexdigest()
