"""Memo keys hashed once per object: equal values still hash alike, and no field is left out."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, replace

from runstrong.core.hash_once import hashed_once


@hashed_once
@dataclass(frozen=True)
class Key:
    name: str
    tags: tuple[str, ...]
    week: int


def test_equal_keys_hash_alike_and_every_field_counts() -> None:
    a, b = Key("a", ("x",), 1), Key("a", ("x",), 1)
    assert a == b and hash(a) == hash(b)
    table = {a: "kept"}
    assert table[b] == "kept"
    assert replace(a, week=2) not in table and replace(a, tags=("y",)) not in table


def test_a_pickled_key_hashes_afresh() -> None:
    """A string's hash differs between processes: a key sent to another one must not carry its old hash."""
    a = Key("a", ("x",), 1)
    hash(a)
    again = pickle.loads(pickle.dumps(a))
    assert "_hash" not in again.__dict__
    assert again == a and hash(again) == hash(a)
