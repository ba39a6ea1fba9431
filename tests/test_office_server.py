"""The office set-up of docs/office-server.md, run as written on a real PostgreSQL server."""

import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from minutes_app.archive import open_archive
from tests.conftest import EXAMPLE

GUIDE = Path(__file__).parent.parent / "docs" / "office-server.md"


def sql_blocks() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)


def run_sql(cluster, user: str, dbname: str, script: str) -> None:
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("--"))
    with psycopg.connect(host="127.0.0.1", port=cluster.port, user=user, dbname=dbname, autocommit=True) as c:
        for statement in filter(str.strip, code.split(";")):
            c.execute(statement)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutes_app", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_roles_as_the_guide_sets_them_up(postgres_cluster, tmp_path: Path) -> None:
    setup, grants = sql_blocks()
    base = f"postgresql+psycopg://{{}}@127.0.0.1:{postgres_cluster.port}/minutes"
    run_sql(postgres_cluster, "postgres", "postgres", setup)
    try:
        with open_archive(base.format("minutes_owner")):
            pass  # the owner's first start creates the tables
        run_sql(postgres_cluster, "minutes_owner", "minutes", grants)

        secretary, reader = base.format("thuky_lan"), base.format("baochi_ha")
        assert cli("import", str(EXAMPLE), "--db", secretary).stdout == "1\n"
        assert cli("list", "--db", reader).stdout.startswith("1\t2026-07-10\tHội nghị sơ kết")
        exported = cli("export", "1", "--document", "press-release", "--format", "pdf",
                       "-o", str(tmp_path / "tin.pdf"), "--db", reader)
        assert exported.returncode == 0, exported.stderr
        refused = cli("import", str(EXAMPLE), "--db", reader)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "không có quyền" in refused.stderr
        assert cli("list", "--db", reader).stdout.count("\n") == 1
    finally:
        run_sql(postgres_cluster, "postgres", "postgres",
                "DROP DATABASE IF EXISTS minutes WITH (FORCE); "
                "DROP ROLE IF EXISTS thuky_lan, thuky_nam, baochi_ha, minutes_editors, minutes_readers, minutes_owner")


def test_the_password_is_asked_then_kept_in_the_keyring(postgres_cluster, file_keyring: Path) -> None:
    import keyring
    from sqlalchemy.exc import OperationalError

    from minutes_app.ui.login import open_with_login

    hba = postgres_cluster.data / "pg_hba.conf"
    original = hba.read_text()
    run_sql(postgres_cluster, "postgres", "postgres",
            "CREATE ROLE thuky_mk LOGIN PASSWORD 'mật khẩu đúng'; CREATE DATABASE archive_mk OWNER thuky_mk")
    hba.write_text("host all thuky_mk 127.0.0.1/32 scram-sha-256\n" + original)
    run_sql(postgres_cluster, "postgres", "postgres", "SELECT pg_reload_conf()")
    url = f"postgresql+psycopg://thuky_mk@127.0.0.1:{postgres_cluster.port}/archive_mk"
    try:
        asked = []

        def ask(login: str, again: bool) -> tuple[str, bool] | None:
            asked.append((login, again))
            return ("sai", True) if not again else ("mật khẩu đúng", True)

        with open_with_login(url, ask) as archive:
            assert "mật khẩu" not in archive.url
        assert asked == [(f"thuky_mk@127.0.0.1:{postgres_cluster.port}/archive_mk", False),
                         (f"thuky_mk@127.0.0.1:{postgres_cluster.port}/archive_mk", True)]
        # Next time the keyring answers: nobody is asked.
        with open_with_login(url, lambda login, again: pytest.fail("asked again")):
            pass
        keyring.get_keyring().delete_password("minutes-app", asked[0][0])
        with pytest.raises(OperationalError):
            open_with_login(url, lambda login, again: None)  # cancelled
    finally:
        hba.write_text(original)
        run_sql(postgres_cluster, "postgres", "postgres",
                "SELECT pg_reload_conf(); DROP DATABASE IF EXISTS archive_mk WITH (FORCE); DROP ROLE IF EXISTS thuky_mk")
