"""Alembic migrations of the archive schema, numbered 0001, 0002, ... (see minutes_app.migrate)."""
