"""The Alembic migrations build exactly the schema of monitor/models.py."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from monitor.db import make_engine, upgrade_schema


def test_migrations_match_the_models(engine):
    with engine.connect() as conn:
        verschillen = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert verschillen == []


def test_upgrade_on_an_empty_database_twice_is_harmless(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'leeg.db'}")
    upgrade_schema(engine)
    upgrade_schema(engine)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0004"
    engine.dispose()
