"""Alembic environment: always run from minutes_app.migrate with an open connection."""

from alembic import context

from minutes_app.model import Base

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead.
    render_as_batch=True,
)

with context.begin_transaction():
    context.run_migrations()
