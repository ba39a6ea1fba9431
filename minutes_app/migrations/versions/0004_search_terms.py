"""Search by the words of each meeting (search_term) instead of the FTS5 index.

The FTS5 index answered for rows, and a common word (nghị, hội, tỉnh) is in a third of
all rows of an archive: mapping hundreds of thousands of rows to their meetings took
most of a second. Words counted per meeting answer the same question from a range of
one table's key, on every database.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The searched columns as this revision has them (later revisions search more).
SEARCHED = {
    "meeting": (
        "title", "organizer_name", "organizer_parent", "document_number", "place_name",
        "venue", "agenda",
    ),
    "attendance": ("person_id", "honorific", "titles", "organization", "group_name"),
    "speech": ("subject", "summary"),
    "topic": ("title", "notes"),
    "directive": ("addressee", "content"),
    "photo": ("caption",),
}


def upgrade() -> None:
    op.create_table(
        "search_term",
        sa.Column("term", sa.String().with_variant(sa.String(collation="C"), "postgresql"), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_search_term_meeting_id_meeting"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("term", "meeting_id", name=op.f("pk_search_term")),
        sqlite_with_rowid=False,
    )
    op.create_index(op.f("ix_search_term_meeting_id"), "search_term", ["meeting_id"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("search_text_ai", "search_text_ad", "search_text_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    # Every meeting indexed afresh, as the app does, from the columns of this revision:
    # the texts and their words.
    from minutes_app import search

    op.execute("DELETE FROM search_text")
    for meeting_id in bind.scalars(sa.text("SELECT id FROM meeting")).all():
        search.reindex_meeting(bind, meeting_id, SEARCHED)
