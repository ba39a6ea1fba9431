"""The notice of conclusions: its form and its edited text, one row per meeting.

Revision ID: 0008
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conclusions_notice",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("profile", sa.String(length=100), nullable=True),
        sa.Column("blocks", sa.JSON(), nullable=True),
        sa.Column("blocks_previous", sa.JSON(), nullable=True),
        sa.Column("extensions", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_conclusions_notice_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_conclusions_notice")),
    )

