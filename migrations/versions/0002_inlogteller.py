"""inlogteller: growing sign-in delays per address and client instead of an account lockout

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inlogteller",
        sa.Column("sleutel", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("pogingen", sa.Integer(), nullable=False),
        sa.Column("laatste", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("wacht_tot", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("sleutel", name=op.f("pk_inlogteller")),
    )
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("geblokkeerd_tot")
        batch_op.drop_column("mislukte_pogingen")


def downgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("mislukte_pogingen", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("geblokkeerd_tot", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
    op.drop_table("inlogteller")
