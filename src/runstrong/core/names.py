"""A runner's name as it is kept, and as it may be looked up.

One name can be typed as different strings: "Léa" precomposed (Unicode NFC, what most
keyboards give) or as "e" and a combining accent (NFD: a file saved on macOS). A name is
kept in NFC, so both are one athlete. A look-up (`--athlete`) also finds a name typed in
another case or without its accents ("lea muller" for "Léa Müller"), or by its first
words ("Priya" for "Priya Raman"), when only one athlete answers to it; several are
named, never guessed between.

Pure: no database; the known names come in as values.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from runstrong.errors import UserError


def kept(name: str) -> str:
    """`name` in the one form the diary keeps (NFC)."""
    return unicodedata.normalize("NFC", name)


def _caseless(name: str) -> str:
    return kept(name).casefold()


def loose(name: str) -> str:
    """`name` without case, accents or repeated spaces: "Léa  MÜLLER" -> "lea muller"."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


KEYS: tuple[Callable[[str], str], ...] = (kept, _caseless, loose)  # the closest match first


def find(wanted: str, known: Sequence[str], field: str = "athlete") -> str | None:
    """The one name of `known` that `wanted` means: the same name in any Unicode form, else
    the only one equal to it ignoring case, else ignoring case and accents, else the only one
    it is the first words of. None when no name is; a UserError naming the candidates when
    several are equally close."""
    wanted = wanted.strip()
    for key in KEYS:
        hits = [name for name in known if key(name) == key(wanted)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            listed = ", ".join(ascii(h) if key is kept else repr(h) for h in hits)  # kept: only the codes differ
            raise UserError(f"{field}: {wanted!r} could be {listed}; give the name exactly as the diary has it")
    return _first_words(wanted, known, field)


def _first_words(wanted: str, known: Sequence[str], field: str) -> str | None:
    """The one name that starts with the words of `wanted` ("Priya" for "Priya Raman"),
    ignoring case and accents; None when none does, a UserError when several do."""
    words = loose(wanted).split()
    if not words:
        return None
    hits = [name for name in known if loose(name).split()[: len(words)] == words]
    if len(hits) > 1:
        listed = ", ".join(repr(h) for h in hits)
        raise UserError(f"{field}: {wanted!r} could be {listed}; give more of the name")
    return hits[0] if hits else None
