"""Helpers for lineage tests: the adversarial mini dbt project, copied to a tmp folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from aegis.paths import project_root

FIXTURE_PROJECT = Path(__file__).parent / "fixtures" / "adversarial_project"
DBT = str(Path(sys.executable).parent / "dbt")


@dataclass(frozen=True)
class MiniProject:
    root: Path
    env: dict[str, str]

    @property
    def target(self) -> Path:
        return Path(self.env["DBT_TARGET_PATH"])

    def dbt(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [DBT, *args], cwd=self.root, env=self.env, capture_output=True, text=True, check=False
        )

    def manifest(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.target / "manifest.json").read_text())
        return data


def make_mini_project(folder: Path) -> MiniProject:
    root = folder / "project"
    for template in FIXTURE_PROJECT.rglob("*.tmpl"):
        # Stored as *.tmpl: under tests/, dbt would parse .sql/.yml files as the main project's tests.
        target = root / template.relative_to(FIXTURE_PROJECT).with_suffix("")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, target)
    # The classification vars come from the main project: one source of truth, even for fixtures.
    project_file = root / "dbt_project.yml"
    project = yaml.safe_load(project_file.read_text())
    main_vars = yaml.safe_load((project_root() / "dbt_project.yml").read_text())["vars"]
    project["vars"] = {
        k: v for k, v in main_vars.items() if k.startswith("aegis_") and k != "aegis_landing_root"
    }
    project_file.write_text(yaml.safe_dump(project, sort_keys=False))
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "DBT_PROFILES_DIR": str(root),
        "DBT_PROJECT_DIR": str(root),
        "DBT_TARGET_PATH": str(folder / "target"),
        "DBT_LOG_PATH": str(folder / "logs"),
        "AEGIS_PROJECT_DIR": str(root),
        "AEGIS_FIXTURE_DUCKDB_PATH": str(folder / "fixture.duckdb"),
        "AEGIS_DATA_DIR": str(folder / "data"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    return MiniProject(root, env)


class LineageReceiver:
    """A local OpenLineage backend on 127.0.0.1: collects POSTed events and the Authorization headers."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        events: list[dict[str, Any]] = []
        headers: list[str] = []
        self.events, self.authorizations = events, headers

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # the name is http.server's
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                events.append(json.loads(body))
                headers.append(self.headers.get("Authorization", ""))
                self.send_response(201)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
