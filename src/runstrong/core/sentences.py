"""Sentences joined into one text, each begun with a capital letter and ended with a full stop.

Words written in parts (a note's head and the stage of impact it is at, a warning and its fix)
were joined with a space, and a part written to follow a colon began a sentence in lower case
("no loaded bending or twisting. the easiest hops on both feet come first": cr24a F16). Every
such join goes through `sentences`.
"""

from __future__ import annotations


def sentence(text: str) -> str:
    """One sentence: its first letter capitalised, a full stop at the end when it has none.

    >>> sentence("the easiest hops on both feet come first")
    'The easiest hops on both feet come first.'
    >>> sentence("e1RM is kept")  # a word that starts in lower case on purpose keeps it
    'e1RM is kept.'
    """
    text = text.strip()
    if not text:
        return ""
    first = text.split(" ", 1)[0]
    if first.islower():
        text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def sentences(*parts: str | None) -> str:
    """The parts given (empty ones left out) as sentences joined by a space.

    >>> sentences("Low bone density: no loaded bending or twisting.", None, "the easiest hops come first")
    'Low bone density: no loaded bending or twisting. The easiest hops come first.'
    """
    return " ".join(s for s in (sentence(p or "") for p in parts) if s)
