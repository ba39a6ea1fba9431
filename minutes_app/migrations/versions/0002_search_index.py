"""Search index: the folded text of each searchable row, and on SQLite an FTS5 index.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The text is folded by the app (đ/Đ included); the tokenizer removes what is left.
_FTS = """CREATE VIRTUAL TABLE search_fts USING fts5(
    text, content='search_text', content_rowid='id',
    tokenize="unicode61 remove_diacritics 2")"""
# The standard triggers that keep an external-content FTS5 index in step with its table.
_TRIGGERS = [
    """CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
        INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
        INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER search_text_au AFTER UPDATE ON search_text BEGIN
        INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END""",
]


def upgrade() -> None:
    op.create_table(
        "search_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"],
            name=op.f("fk_search_text_meeting_id_meeting"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_text")),
        sa.UniqueConstraint("row_id", name=op.f("uq_search_text_row_id")),
    )
    with op.batch_alter_table("search_text", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_text_meeting_id"), ["meeting_id"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(_FTS)
        for trigger in _TRIGGERS:
            op.execute(trigger)
    # The meetings already there are indexed by 0004, as the app indexes them now.

