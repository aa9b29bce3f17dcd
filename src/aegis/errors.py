"""The one exception type library code raises for a failure the user can fix.

Its message is the whole story in one line: what failed, where (file, host, target), what to do. It never
quotes data values. `aegis.cli` prints it as one line and exits 2 (the traceback only with --debug).
"""

from __future__ import annotations


class UserError(Exception):
    """A failure the user can fix, with its message already in words (what, where, what to do)."""
