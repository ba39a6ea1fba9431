"""The office set-up of docs/office-server.md, run as written on a real PostgreSQL server."""

import re
import subprocess
import sys
from pathlib import Path

import psycopg

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
