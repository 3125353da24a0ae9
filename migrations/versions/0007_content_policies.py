"""a card may need a warm-up before it; a routine may be meant for after a massage

Revision ID: 0007_content_policies
Revises: 0006_technique_movement
Create Date: 2026-11-30 02:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0007_content_policies"
down_revision = "0006_technique_movement"
branch_labels = None
depends_on = None


def upgrade():
    # Existing rows get false; `flask content load` sets the cards and routines that say so.
    op.add_column("technique", sa.Column("warm_up_first", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("routine", sa.Column("after_massage", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    op.drop_column("routine", "after_massage")
    op.drop_column("technique", "warm_up_first")
