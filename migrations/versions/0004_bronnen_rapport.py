"""sources of planning and dependencies: the report's line or 'afgeleid'

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 14:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Planning rows that earlier questionnaire files loaded: marked as from a file, so that the
# next `init` replaces them with the file's current versions (see store.schrijven).
OUDE_BESTANDSBRONNEN = (
    "Hervormingsagenda/Implementatieplan",
    "Kamerbrief (verschoven inwerkingtreding)",
)


def upgrade() -> None:
    with op.batch_alter_table("afspraakafhankelijkheid") as batch:
        batch.add_column(
            sa.Column("bron", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default="")
        )
    with op.batch_alter_table("planning") as batch:
        batch.add_column(
            sa.Column(
                "bron_rapport",
                sqlmodel.sql.sqltypes.AutoString(),
                nullable=False,
                server_default="",
            )
        )
    planning = sa.table(
        "planning", sa.column("bron", sa.String), sa.column("bron_rapport", sa.String)
    )
    op.execute(
        planning.update()
        .where(planning.c.bron.in_(OUDE_BESTANDSBRONNEN))
        .values(bron_rapport="uit een eerder vragenlijstbestand")
    )


def downgrade() -> None:
    with op.batch_alter_table("planning") as batch:
        batch.drop_column("bron_rapport")
    with op.batch_alter_table("afspraakafhankelijkheid") as batch:
        batch.drop_column("bron")
