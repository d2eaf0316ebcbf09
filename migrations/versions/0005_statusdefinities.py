"""statusdefinities: what each status and ja/nee option means, stored per round

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statusdefinitie",
        sa.Column("ronde_id", sa.Integer(), nullable=False),
        sa.Column("optie", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("betekenis", sa.Text(), nullable=False),
        sa.Column("bron", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ronde_id"], ["ronde.id"], name=op.f("fk_statusdefinitie_ronde_id_ronde")
        ),
        sa.PrimaryKeyConstraint("ronde_id", "optie", name=op.f("pk_statusdefinitie")),
    )


def downgrade() -> None:
    op.drop_table("statusdefinitie")
