"""Copies of the SQLite archive, made with SQLite's online backup API.

The backup API copies a consistent snapshot even while another connection writes,
which a plain file copy of a WAL database does not.
"""

import os
import sqlite3
from pathlib import Path


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy the archive at ``source`` to ``target`` (written under a temporary name first)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, target)
