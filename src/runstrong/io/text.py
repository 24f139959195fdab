"""Reading text a person gave us, safely: one decoder and one set of size limits for every
input file (profiles, screens, diary imports), so a wrong encoding, a huge file or a YAML
bomb is a clear `UserError` naming the file and the limit, never a crash or a hang.

    text = read_text(path, limit=PROFILE_BYTES)          # bytes capped, BOM accepted, UTF-8 checked
    data = parse_structured(text, ".yaml", source=path.name)   # aliases, nesting bounded

Readers owned elsewhere (activities, calendars) can adopt `decode_text(data, source)` and
`read_capped(path, limit, source)` the same way.
"""

from __future__ import annotations

import codecs
import functools
import json
import re
import tomllib
from pathlib import Path
from typing import Any

from runstrong.errors import UserError

MB = 1024 * 1024
# Byte caps per kind of input: far above any real file (a profile is ~2 KB, a year of
# diary ~5 MB), far below what would exhaust memory.
PROFILE_BYTES = 1 * MB
SCREEN_BYTES = 1 * MB
DIARY_JSON_BYTES = 200 * MB
DIARY_CSV_BYTES = 200 * MB  # per CSV file, and in all for a zip's members
# Structure limits: the deepest real file (a diary export holding plans) nests ~15 levels.
MAX_NESTING = 64
MAX_YAML_VALUES = 200_000  # values once aliases are expanded (a 468-byte alias bomb makes billions)

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
SAVE_AS_UTF8 = "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)"


def read_capped(path: Path, limit: int, source: str | None = None) -> bytes:
    """The file's bytes, refusing one larger than `limit` without reading it all."""
    name = source or path.name
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except IsADirectoryError:
        raise UserError("is a folder", field="file", fix="give a file", source=name) from None
    except PermissionError:
        raise UserError(
            "cannot be read (permission denied)", field="file", fix="check its permissions", source=name
        ) from None
    if len(data) > limit:
        raise UserError(
            f"larger than the {limit // MB} MB limit for this kind of file",
            field="size",
            fix="check it is the right file; split a diary by athlete if it is really this large",
            source=name,
        )
    return data


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text (a leading BOM accepted); anything else is a UserError saying which
    encoding the bytes look like. The guess is by byte-order mark and NUL pattern (UTF-16/32)
    and else Windows-1252/Latin-1, the usual culprit from spreadsheets on Windows: enough to
    say what to do, without a detection library's surprises on short files."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise _not_utf8(source, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _not_utf8(source, _guess(data), err.start) from None
    if "\x00" in text:
        if _looks_utf16(data):
            raise _not_utf8(source, "UTF-16")
        raise UserError(
            "holds NUL bytes: it is not a text file",
            field="encoding",
            fix="give the text file (TOML, YAML, JSON or CSV), not a binary one",
            source=source,
        )
    return text


def _looks_utf16(data: bytes) -> bool:
    """Mostly-ASCII UTF-16: nearly every other byte is NUL, and the bytes between are not."""
    head = data[:400]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    zeros = even.count(0) / len(even), odd.count(0) / len(odd)
    return max(zeros) >= 0.7 and min(zeros) <= 0.1


def _guess(data: bytes) -> str:
    if _looks_utf16(data):
        return "UTF-16"
    try:
        data.decode("cp1252")
        return "Windows-1252/Latin-1"
    except UnicodeDecodeError:
        return "Latin-1 or another 8-bit encoding"


def _not_utf8(source: str, found: str, at: int | None = None) -> UserError:
    where = f" (first bad byte at offset {at})" if at is not None else ""
    return UserError(f"not UTF-8: it looks like {found}{where}", field="encoding", fix=SAVE_AS_UTF8, source=source)


def read_text(path: Path, limit: int, source: str | None = None) -> str:
    """A text file read with `read_capped` and decoded with `decode_text`."""
    name = source or path.name
    return decode_text(read_capped(path, limit, name), name)


# ------------------------------------------------------------------- structured data


def parse_structured(text: str, suffix: str, source: str) -> Any:
    """TOML, YAML or JSON (by `suffix`) parsed within the nesting and alias limits.
    Syntax errors are left to the caller (each says how to fix its own format)."""
    try:
        if suffix == ".toml":
            data = loads_toml(text)
        elif suffix == ".json":
            data = json.loads(text)
        else:
            data = load_yaml(text, source)
    except RecursionError:
        raise _too_deep(source) from None
    check_nesting(data, source)
    return data


# A bare date-like value (2027-02-30, 2027-13-01, 2027-2-3, with an optional time): TOML
# refuses one that is not a real date as a syntax error at a line and column.
_DATE_LIKE = re.compile(
    r"(?:^|(?<=[=\[,{]))\s*(\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:\d{2})?)"
)
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
DATES_QUOTED = 20  # impossible dates read as text in one file; past that, the syntax error stands


def loads_toml(text: str) -> dict[str, Any]:
    """TOML parsed, a bare date that does not exist (2027-02-30) read as the text "2027-02-30",
    so the field's own check names the field and the day, and the file's other errors are
    reported in the same run. Each refusal's line and column locate one such value, which is
    quoted and the text parsed again (up to DATES_QUOTED times); any other error stands."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as refused:
        first = err = refused
    lines = text.split("\n")
    for _ in range(DATES_QUOTED):
        if not _quote_date_at(lines, err):
            break
        try:
            return tomllib.loads("\n".join(lines))
        except tomllib.TOMLDecodeError as again:
            err = again
    raise first


def _quote_date_at(lines: list[str], err: tomllib.TOMLDecodeError) -> bool:
    """Quote the bare date-like value the error points at; False when there is none."""
    at = _AT.search(str(err))
    if at is None or not 1 <= int(at.group(1)) <= len(lines):
        return False
    row, col = int(at.group(1)) - 1, int(at.group(2)) - 1
    line = lines[row]
    for match in _DATE_LIKE.finditer(line):
        start, end = match.span(1)
        if start <= col <= end:
            lines[row] = f'{line[:start]}"{match.group(1)}"{line[end:]}'
            return True
    return False


def _too_deep(source: str) -> UserError:
    return UserError(
        f"nested more than {MAX_NESTING} levels deep",
        field="nesting",
        fix="a runstrong file nests a few levels; check it is the right file",
        source=source,
    )


def check_nesting(data: Any, source: str, limit: int = MAX_NESTING) -> None:
    """Refuse lists and tables nested deeper than `limit` (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            raise _too_deep(source)
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))


def load_yaml(text: str, source: str) -> Any:
    """`yaml.safe_load` that refuses documents whose aliases expand past MAX_YAML_VALUES
    values or refer to themselves, before any Python object is built."""
    loader = _lenient_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node, source, {}, set())
        return loader.construct_document(node)
    finally:
        loader.dispose()


@functools.cache
def _lenient_loader() -> type:
    """yaml's SafeLoader, but a date that does not exist (2027-02-30) stays text, so the
    field's own check names it instead of the whole file being refused."""
    import yaml

    class Lenient(yaml.SafeLoader):
        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return self.construct_scalar(node)

    Lenient.add_constructor("tag:yaml.org,2002:timestamp", Lenient.construct_yaml_timestamp)
    return Lenient


def _expanded_size(node: Any, source: str, sizes: dict[int, int], open_: set[int], depth: int = 1) -> int:
    """How many values `node` stands for once every alias is expanded (memoised per node)."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_:
        raise UserError(
            "an alias refers to itself", field="aliases", fix="remove the self-referring &anchor/*alias", source=source
        )
    if depth > MAX_NESTING:
        raise _too_deep(source)
    open_.add(key)
    total = 1
    value = node.value if isinstance(node.value, list) else []
    for child in value:
        for part in child if isinstance(child, tuple) else (child,):
            total += _expanded_size(part, source, sizes, open_, depth + 1)
            if total > MAX_YAML_VALUES:
                raise UserError(
                    f"its aliases expand to more than {MAX_YAML_VALUES:,} values",
                    field="aliases",
                    fix="write the values out, or use fewer &anchor/*alias references",
                    source=source,
                )
    open_.discard(key)
    sizes[key] = total
    return total
