"""Alembic environment: the engine comes from monitor.db (or DATABASE_URL on the command line)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from monitor import models  # noqa: F401  (registers the tables)
from monitor.config import get_settings
from monitor.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or make_engine(get_settings().database_url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=engine.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
