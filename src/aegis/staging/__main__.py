"""`python -m aegis.staging [--check]`: write the staging models and macros the ViewDefinitions give, or
(--check) fail listing those that are not up to date. Also `aegis views staging`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aegis.staging.generate import StagingViewError, write_or_check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m aegis.staging", description=__doc__)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is stale")
    parser.add_argument("--project", type=Path, default=Path("."), help="the dbt project folder")
    arguments = parser.parse_args(argv)
    try:
        stale = write_or_check(arguments.project, check=arguments.check)
    except StagingViewError as error:
        print(f"aegis views staging: {error}", file=sys.stderr)
        return 2
    if arguments.check and stale:
        print(
            "aegis views staging: not up to date with the ViewDefinitions (run `python -m aegis.staging`): "
            + ", ".join(str(path) for path in stale),
            file=sys.stderr,
        )
        return 1
    verb = "would change" if arguments.check else "wrote"
    print(
        f"aegis views staging: {len(stale)} file(s) {verb}; views in {arguments.project / 'models/staging/fhir/views'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
