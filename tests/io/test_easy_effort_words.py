"""An effort target a runner can aim at (coach read cr22b P4): a rung's dose read
"2 x 4/side @ 8 kg, RIR 10", a count no set can be aimed at. A load that leaves six reps or
more in reserve reads "easy (RIR 6+)"; a working target keeps its number."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.model import Intensity, Prescription
from runstrong.core.set_text import EASY_EFFORT, READABLE_RIR
from runstrong.io.dose_words import dose_text, effort_label


def test_a_rung_dose_far_from_failure_reads_easy_not_rir_10():
    presc = Prescription(sets=2, reps=4, per_side=True, intensity=Intensity(kind="rir", value=10), load_kg=8,
                         rest_seconds=60)  # fmt: skip
    assert dose_text(presc) == f"2 × 4/side @ 8 kg, {EASY_EFFORT}"


@given(rir=st.integers(0, 10))
def test_an_rir_target_reads_as_a_number_below_the_easy_mark_and_easy_from_it(rir):
    said = effort_label(Intensity(kind="rir", value=rir))
    assert said == (EASY_EFFORT if rir > READABLE_RIR else f"RIR {rir}")
