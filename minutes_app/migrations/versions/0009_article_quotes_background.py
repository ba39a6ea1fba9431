"""The news article's own fields: a speech's quote, the press release's background, and
attendees marked as guests of honour.

Revision ID: 0009
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: a table SQLite rebuilt would lose the triggers that keep final records unchanged.
    op.add_column("speech", sa.Column("quote", sa.Text(), nullable=True))
    op.add_column("press_release", sa.Column("background", sa.Text(), nullable=True))
    op.add_column("attendance", sa.Column("guest_of_honour", sa.Boolean(), server_default=sa.false(), nullable=False))
