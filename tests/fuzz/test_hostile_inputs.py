"""The bounded fuzz suite: hostile profiles, screens, set lines, diary imports (JSON, CSV
folders, zips), activity files and running-plan calendars, run through the real CLI
in-process. Zero internal errors; every refusal exits 2 with the field named and writes
nothing (an unreadable activity file is named and exits 1, by design). Seeds are fixed, so
a finding reproduces; bench/fuzz.py runs the long version with other seeds.

Sized to run in about a minute on a busy 2-core machine at profile `ci`; `dev` (bin/test --fast) runs a
tenth, `deep` ten times as many; RUNSTRONG_FUZZ_SCALE multiplies it."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tests.fuzz.harness import TRIES, fuzz

# the counts below at profile `ci` (1,000 examples), a tenth at `dev` (the inner loop)
SCALE = float(os.environ.get("RUNSTRONG_FUZZ_SCALE", "1")) * settings.default.max_examples / 1_000
COUNTS = {
    "profile": 300,
    "screen": 150,
    "set line": 250,
    "diary json": 200,
    "diary csv": 100,
    "diary zip": 80,
    "activity file": 120,
    "calendar": 80,
}


@pytest.mark.parametrize("kind", list(TRIES))
def test_hostile_inputs_are_refused_by_field_with_nothing_written(tmp_path, kind):
    tally = fuzz(tmp_path, kind, max(1, int(COUNTS[kind] * SCALE)), seed=14)
    assert not tally.findings, "\n".join(tally.findings[:10])
    assert tally.counts["inputs"] == tally.counts["accepted"] + tally.counts["rejected with field"]
