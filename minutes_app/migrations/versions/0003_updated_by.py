"""Who saved each row's current version (shown when two people change the same row).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

VERSIONED = ("person", "meeting", "attendance", "photo", "speech", "topic", "directive", "press_release")


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("updated_by", sa.String(length=100), nullable=True))
