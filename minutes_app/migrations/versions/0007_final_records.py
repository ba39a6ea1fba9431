"""Final records and their versions: a meeting's state and version number, the versions
kept whole, the photos they need, the exports made of them; and the archive's own guard
that refuses changes to a final record (minutes_app.finality).

Every meeting already in the archive is a draft of its first version.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state", sa.String(length=10), server_default="draft", nullable=False))
        batch_op.add_column(sa.Column("record_version", sa.Integer(), server_default="1", nullable=False))

    op.create_table(
        "meeting_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=True),
        sa.Column("opened_by", sa.String(length=100), nullable=True),
        sa.Column("finalized_at", sa.DateTime(), nullable=True),
        sa.Column("finalized_by", sa.String(length=100), nullable=True),
        sa.Column("document", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_meeting_version_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_version")),
        sa.UniqueConstraint("meeting_id", "number", name=op.f("uq_meeting_version_meeting_id")),
    )
    op.create_index(op.f("ix_meeting_version_meeting_id"), "meeting_version", ["meeting_id"], unique=False)

    op.create_table(
        "version_photo",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=20), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_version_photo_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("meeting_id", "sha256", name=op.f("pk_version_photo")),
    )

    op.create_table(
        "meeting_export",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("document", sa.String(length=20), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("exported_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_meeting_export_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_export")),
    )
    op.create_index(op.f("ix_meeting_export_meeting_id"), "meeting_export", ["meeting_id"], unique=False)
    op.create_index(op.f("ix_meeting_export_sha256"), "meeting_export", ["sha256"], unique=False)

    from minutes_app import finality

    finality.install_guards(op.get_bind())
