"""A runner's name in one Unicode form, and a look-up that ignores case and accents only when one name answers."""

from __future__ import annotations

import unicodedata

import pytest

from runstrong.core import names
from runstrong.errors import UserError


def test_a_name_is_kept_in_nfc_and_found_in_any_form_case_or_without_accents():
    nfd = unicodedata.normalize("NFD", "Léa Müller")
    assert names.kept(nfd) == "Léa Müller"
    known = ["Léa Müller", "Ana Sørensen"]
    assert [names.find(t, known) for t in (nfd, "léa müller", " lea  muller ", "ana sørensen")] == [
        "Léa Müller", "Léa Müller", "Léa Müller", "Ana Sørensen"
    ]  # fmt: skip
    assert names.find("le", known) is None  # part of a word is no name


def test_a_first_name_finds_the_one_athlete_it_begins_and_several_are_named():
    known = ["Priya Raman", "Léa Müller", "Léa Martin"]
    assert names.find("Priya", known) == "Priya Raman"
    assert names.find("priya raman", known) == "Priya Raman"
    with pytest.raises(UserError) as err:
        names.find("Lea", known)
    assert "could be 'Léa Müller', 'Léa Martin'" in str(err.value) and "give more of the name" in str(err.value)


def test_a_look_up_several_names_answer_to_lists_them_and_the_closest_match_wins():
    assert names.find("René", ["René", "Rene"]) == "René"
    assert names.find("rene", ["René", "Rene"]) == "Rene"  # equal ignoring case comes before without accents
    with pytest.raises(UserError) as err:
        names.find("rene", ["René", "Réne"])
    assert "could be 'René', 'Réne'" in str(err.value) and str(err.value).startswith("athlete:")
