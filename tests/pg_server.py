"""A throw-away PostgreSQL + PostGIS 3 server on loopback for the ``postgis`` tests.

Uses the newest Debian PostgreSQL that has PostGIS (15 on Debian 12, 17 on Debian 13), installs
Debian's default one when none is there (as root), runs initdb as user ``postgres`` in a
temporary directory, listens on 127.0.0.1 only on a free port, and is stopped and removed at
the end of the session.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def installed_version() -> str:
    """The newest PostgreSQL major version with initdb and PostGIS installed, or ''."""
    versions = [path.parts[4] for path in Path("/usr/lib/postgresql").glob("*/bin/initdb")
                if Path(f"/usr/share/postgresql/{path.parts[4]}/extension/postgis.control")
                .exists()]
    return max(versions, key=int, default="")


def _default_version() -> str:
    """Debian's default PostgreSQL major version (what the ``postgresql`` package depends on)."""
    done = subprocess.run(["apt-cache", "depends", "postgresql"], capture_output=True, text=True)
    for line in done.stdout.splitlines():
        name = line.split(":")[-1].strip()
        if name.startswith("postgresql-") and name[len("postgresql-"):].isdigit():
            return name[len("postgresql-"):]
    return "15"


def ensure_packages() -> str:
    """'' when PostgreSQL + PostGIS are there (installed if needed), else why not."""
    if installed_version():
        return ""
    version = _default_version()
    packages = (f"postgresql-{version}", f"postgresql-{version}-postgis-3")
    if os.geteuid() != 0:
        return "PostgreSQL + PostGIS missing and not root: apt-get install " + " ".join(packages)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for attempt in range(30):  # another apt may hold the lock
        done = subprocess.run(["apt-get", "install", "-y", "-q", *packages], env=env,
                              capture_output=True, text=True)
        if done.returncode == 0:
            break
        if "lock" not in done.stderr:
            subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True)
        time.sleep(min(10, 1 + attempt))
    return "" if installed_version() else "apt-get install failed: " + " ".join(packages)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self) -> None:
        self.bin = Path(f"/usr/lib/postgresql/{installed_version()}/bin")
        self.root = Path(tempfile.mkdtemp(prefix="ir_pg_"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.host = "127.0.0.1"
        self.dbname = "industri_rumahan"

    def _as_postgres(self, *args: str) -> subprocess.CompletedProcess:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=True)

    def start(self) -> PgServer:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._as_postgres(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                          "-A", "trust", "-E", "UTF8", "--locale", "C")
        self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-l",
                          str(self.root / "log"), "-o",
                          f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1",
                          "start")
        try:
            self._create_database()
        except Exception:
            self.stop()
            raise
        return self

    def _create_database(self) -> None:
        conn = self.admin("postgres")  # waits until connections are accepted
        conn.autocommit = True
        try:
            conn.cursor().execute(f"CREATE DATABASE {self.dbname}")
        finally:
            conn.close()

    def admin(self, dbname: str | None = None):
        import psycopg2

        for _ in range(50):
            try:
                conn = psycopg2.connect(host=self.host, port=self.port, user="postgres",
                                        dbname=dbname or "postgres")
                return conn
            except psycopg2.OperationalError:
                time.sleep(0.2)
        raise RuntimeError("PostgreSQL did not start")

    def sql(self, statement: str, params=None) -> list:
        """Run one statement as the superuser and return its rows (if any)."""
        conn = self.admin(self.dbname)
        try:
            with conn, conn.cursor() as cur:
                cur.execute(statement, params)
                return cur.fetchall() if cur.description else []
        finally:
            conn.close()

    def uri(self, user: str = "postgres") -> str:
        return (f"host={self.host} port={self.port} dbname={self.dbname} user={user} "
                "sslmode=disable")

    def stop(self) -> None:
        try:
            self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w",
                              "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@contextlib.contextmanager
def running(connection: str = "", *, postgis_first: bool = False) -> Iterator[PgServer]:
    """A started server for a test module (the test is skipped where PostgreSQL + PostGIS
    cannot be had), optionally saved in QGIS as connection ``connection``; stopped after."""
    import pytest
    from qgis.core import QgsProviderRegistry

    why = ensure_packages()
    if why:
        pytest.skip(why)
    server = PgServer().start()
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        if postgis_first:  # before QGIS's first connection: QGIS caches "no PostGIS" per one
            server.sql("CREATE EXTENSION postgis")
        if connection:
            metadata.saveConnection(metadata.createConnection(
                server.uri(), {"saveUsername": True, "savePassword": True}), connection)
        yield server
    finally:
        gc.collect()  # QGIS connections held by Python objects
        if connection:
            metadata.deleteConnection(connection)
        server.stop()
