"""Error families shared by the core and the adapters.

The core raises these as values the edges translate: the CLI exits 2 for a `UserError`
(bad input the user can fix) and 1 for any other `RunstrongError` (our failure).
"""

from __future__ import annotations


class RunstrongError(Exception):
    """Something went wrong inside runstrong."""


class UserError(RunstrongError):
    """Bad input: the message names the field and says how to fix it."""
