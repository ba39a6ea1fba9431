"""The news article's own fields: a speech's quote, the press release's background, and
attendees marked as guests of honour.

Revision ID: 0009
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("speech", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quote", sa.Text(), nullable=True))
    with op.batch_alter_table("press_release", schema=None) as batch_op:
        batch_op.add_column(sa.Column("background", sa.Text(), nullable=True))
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("guest_of_honour", sa.Boolean(), server_default=sa.false(), nullable=False))
