"""Helpers for database tests."""

import hashlib

from sqlalchemy import inspect
from sqlalchemy.engine import Engine


def table_checksum(engine: Engine) -> str:
    """A digest of every row of every table: equal digests mean nothing was written.

    Reads ``SELECT *`` per table as it is now (names from the inspector, no reflection of the
    columns): every column counts, also one a test might add, and it costs a fraction of a
    ``MetaData.reflect`` per call (the bad-file catalogue checks 87 times per database).
    """
    digest = hashlib.sha256()
    with engine.connect() as conn:
        quote = conn.dialect.identifier_preparer.quote
        for naam in sorted(inspect(conn).get_table_names()):
            rijen = conn.exec_driver_sql(f"SELECT * FROM {quote(naam)}").all()
            digest.update(naam.encode())
            for rij in sorted(repr(tuple(r)) for r in rijen):
                digest.update(rij.encode())
    return digest.hexdigest()
