"""a technique card may name a gentler alternative

Revision ID: 0004_technique_gentler
Revises: 0003_accounts_sync
Create Date: 2026-11-29 17:20:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0004_technique_gentler"
down_revision = "0003_accounts_sync"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("technique", sa.Column("gentler", sa.String(length=80), nullable=True))


def downgrade():
    op.drop_column("technique", "gentler")
