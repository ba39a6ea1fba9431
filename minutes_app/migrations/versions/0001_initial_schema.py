"""Initial schema: meetings, people and their attendance, speeches, topics,
directives, photos and press-release choices.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("style", sa.String(length=10), nullable=False),
        sa.Column("organizer_name", sa.Text(), nullable=False),
        sa.Column("organizer_parent", sa.Text(), nullable=True),
        sa.Column("organizer_code", sa.String(), nullable=True),
        sa.Column("organizer_extensions", sa.JSON(), nullable=True),
        sa.Column("document_number", sa.String(), nullable=True),
        sa.Column("place_name", sa.String(), nullable=True),
        sa.Column("venue", sa.Text(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("chair_id", sa.Uuid(), nullable=True),
        sa.Column("secretary_id", sa.Uuid(), nullable=True),
        sa.Column("agenda", sa.JSON(), nullable=False),
        sa.Column("extensions", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_uid")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_name"), ["name"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("ref", sa.String(), nullable=True),
        sa.Column("honorific", sa.String(), nullable=True),
        sa.Column("titles", sa.JSON(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=True),
        sa.Column("group_name", sa.Text(), nullable=True),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("absence_reason", sa.Text(), nullable=True),
        sa.Column("extensions", sa.JSON(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_attendance_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_attendance_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_person_id"), ["person_id"], unique=False)

    op.create_table(
        "photo",
        sa.Column("ref", sa.String(), nullable=True),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("media_type", sa.String(length=20), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("extensions", sa.JSON(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_photo_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo")),
    )
    with op.batch_alter_table("photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_sha256"), ["sha256"], unique=False)

    op.create_table(
        "topic",
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("extensions", sa.JSON(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_topic_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic")),
    )
    with op.batch_alter_table("topic", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "directive",
        sa.Column("addressee", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("issued_by_id", sa.Uuid(), nullable=True),
        sa.Column("extensions", sa.JSON(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["issued_by_id"], ["attendance.id"], name=op.f("fk_directive_issued_by_id_attendance"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_directive_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directive")),
    )
    with op.batch_alter_table("directive", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_directive_issued_by_id"), ["issued_by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_directive_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "press_release",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("lead", sa.Text(), nullable=True),
        sa.Column("author", sa.String(), nullable=True),
        sa.Column("general_photo_id", sa.Uuid(), nullable=True),
        sa.Column("topics_intro", sa.Text(), nullable=True),
        sa.Column("extensions", sa.JSON(), nullable=True),
        sa.Column("article", sa.JSON(), nullable=True),
        sa.Column("article_previous", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["general_photo_id"],
            ["photo.id"],
            name=op.f("fk_press_release_general_photo_id_photo"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_press_release_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_press_release")),
    )
    op.create_table(
        "speech",
        sa.Column("speaker_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("at", sa.Time(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("photo_id", sa.Uuid(), nullable=True),
        sa.Column("extensions", sa.JSON(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_speech_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["photo_id"], ["photo.id"], name=op.f("fk_speech_photo_id_photo"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["attendance.id"], name=op.f("fk_speech_speaker_id_attendance"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speech")),
    )
    with op.batch_alter_table("speech", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_speech_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_speech_photo_id"), ["photo_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_speech_speaker_id"), ["speaker_id"], unique=False)

    # The meeting and its attendances refer to each other: the chair and secretary
    # keys can only be added once both tables exist.
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_chair_id_attendance"),
            "attendance",
            ["chair_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_secretary_id_attendance"),
            "attendance",
            ["secretary_id"],
            ["id"],
            ondelete="SET NULL",
        )
