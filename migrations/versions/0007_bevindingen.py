"""bevindingen per thema: the edited text per round and thema

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-07 15:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bevinding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ronde_id", sa.Integer(), nullable=False),
        sa.Column("thema_nr", sa.Integer(), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        sa.Column("bewaard_op", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("door", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ronde_id"], ["ronde.id"], name=op.f("fk_bevinding_ronde_id_ronde")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bevinding")),
        sa.UniqueConstraint("ronde_id", "thema_nr", name=op.f("uq_bevinding_ronde_id")),
    )
    with op.batch_alter_table("bevinding") as batch:
        batch.create_index(batch.f("ix_bevinding_ronde_id"), ["ronde_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bevinding") as batch:
        batch.drop_index(batch.f("ix_bevinding_ronde_id"))
    op.drop_table("bevinding")
