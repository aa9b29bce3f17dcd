"""`aegis governance lineage-audit`: compile, audit, write the JSON and HTML reports, exit non-zero on findings."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aegis.artifacts import load_manifest, target_dir
from aegis.errors import UserError
from aegis.lineage.audit import AuditReport, audit
from aegis.lineage.report import render_html, render_json, render_text
from aegis.paths import Paths, project_root


class CompileFailed(UserError):
    """`dbt compile` did not succeed: there is no compiled SQL to audit."""


class NothingAudited(UserError):
    """The manifest held no compiled model or no column: an audit that looked at nothing must not pass."""


@dataclass(frozen=True)
class AuditOutputs:
    report: AuditReport
    json_path: Path
    html_path: Path


def dbt_executable() -> str:
    """The dbt next to this Python (the project venv), so PATH does not decide which dbt runs."""
    candidate = Path(sys.executable).parent / "dbt"
    return str(candidate) if candidate.exists() else "dbt"


def compile_project(target: str | None, project_dir: Path) -> None:
    command = [dbt_executable(), "compile", "--quiet", "--project-dir", str(project_dir)]
    if target:
        command += ["--target", target]
    completed = subprocess.run(command, check=False, cwd=project_dir)
    if completed.returncode != 0:
        raise CompileFailed(
            f"dbt compile failed (exit {completed.returncode}); fix the errors above, or audit "
            "the manifest of an earlier build with --no-compile"
        )


def load_catalog(project_dir: Path) -> dict[str, Any] | None:
    """catalog.json (from `dbt docs generate`) adds the warehouse's real column lists, when present."""
    path = target_dir(project_dir) / "catalog.json"
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def run(
    target: str | None = None,
    compile_first: bool = True,
    project_dir: Path | None = None,
    out_dir: Path | None = None,
    progress: bool = False,
    manifest_path: Path | None = None,
) -> AuditOutputs:
    root = project_dir or project_root()
    if compile_first:
        compile_project(target, root)
    manifest_path = manifest_path or target_dir(root) / "manifest.json"
    report = audit(load_manifest(manifest_path), load_catalog(root), progress=progress)
    if report.models == 0 or not report.columns:
        raise NothingAudited(
            f"nothing audited ({report.models} models with compiled SQL, "
            f"{len(report.columns)} columns) in {manifest_path}; audit the manifest of a build or compile "
            "(`dbt build`, or drop --no-compile)"
        )
    folder = out_dir or Paths.from_env().reports_dir / "lineage"
    folder.mkdir(parents=True, exist_ok=True)
    json_path, html_path = folder / "lineage-audit.json", folder / "lineage-audit.html"
    json_path.write_text(render_json(report), encoding="utf-8")
    html_path.write_text(render_html(report), encoding="utf-8")
    return AuditOutputs(report, json_path, html_path)


def summary(outputs: AuditOutputs, as_json: bool) -> str:
    if as_json:
        return render_json(outputs.report)
    return f"{render_text(outputs.report)}\nreports: {outputs.json_path} {outputs.html_path}"
