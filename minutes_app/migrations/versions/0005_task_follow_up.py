"""Directives followed up as tasks, and the tasks of an earlier session reviewed at a later one.

The new directive columns are all empty on existing rows: every directive already in an
archive is a task whose unit in charge is its addressee, with its deadline as it was.
Their searchable text is unchanged, so nothing is indexed again.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("directive", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lead_unit", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("partners", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("recurrence", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("deadline_extensions", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("progress", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("done_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("result", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("report_number", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("report_date", sa.Date(), nullable=True))

    op.create_table(
        "carried_task",
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("recurrence", sa.String(length=12), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("extensions", sa.JSON(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_carried_task_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carried_task")),
    )
    with op.batch_alter_table("carried_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_carried_task_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_carried_task_task_id"), ["task_id"], unique=False)
