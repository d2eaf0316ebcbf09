"""voorlopig mark per answer and per submission (inzending)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 15:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABELLEN = ("antwoord", "inzending")


def upgrade() -> None:
    for tabel in TABELLEN:
        with op.batch_alter_table(tabel) as batch:
            batch.add_column(
                sa.Column("voorlopig", sa.Boolean(), nullable=False, server_default=sa.false())
            )


def downgrade() -> None:
    for tabel in TABELLEN:
        with op.batch_alter_table(tabel) as batch:
            batch.drop_column("voorlopig")
