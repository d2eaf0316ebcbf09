"""import mappings of survey platforms (importkoppeling)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "importkoppeling",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kenmerk", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kop_rijen", sa.Integer(), nullable=False),
        sa.Column("kolommen", sa.Text(), nullable=False),
        sa.Column("gewijzigd_op", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("door", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_importkoppeling")),
        sa.UniqueConstraint("naam", name=op.f("uq_importkoppeling_naam")),
    )
    with op.batch_alter_table("importkoppeling") as batch:
        batch.create_index(batch.f("ix_importkoppeling_kenmerk"), ["kenmerk"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("importkoppeling") as batch:
        batch.drop_index(batch.f("ix_importkoppeling_kenmerk"))
    op.drop_table("importkoppeling")
