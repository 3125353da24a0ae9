"""a technique card may say how it moves the lower back

Revision ID: 0006_technique_movement
Revises: 0005
Create Date: 2026-11-30 02:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0006_technique_movement"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("technique", sa.Column("movement", sa.String(length=24), nullable=True))


def downgrade():
    op.drop_column("technique", "movement")
