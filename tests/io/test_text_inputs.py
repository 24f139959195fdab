"""Every text input is decoded and bounded the same way (io/text): a BOM is accepted, a
wrong encoding is named with what to do, and bombs (YAML aliases, deep nesting, zip
members that expand without end) are refused quickly with the limit named."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import time
import zipfile
from pathlib import Path

import pytest

from runstrong.errors import UserError
from runstrong.io.diary_files import CSV_FILES, load_json, parse_csv
from runstrong.io.profile_file import load_profile, read_data_file
from runstrong.io.text import MAX_NESTING, decode_text, load_yaml
from tests.conftest import EXAMPLES

TODAY = dt.date(2027, 6, 1)
NOVICE = (EXAMPLES / "novice.toml").read_text(encoding="utf-8")
YAML_BOMB = "\n".join(
    [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        *(f"{b}: &{b} [{','.join([f'*{a}'] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi", strict=True)),
    ]
)


def _problem(err: pytest.ExceptionInfo) -> tuple[str, str, str]:
    e = err.value
    return e.source, e.field, str(e)


def test_a_utf8_bom_in_a_toml_profile_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(codecs.BOM_UTF8 + NOVICE.encode())
    assert load_profile(path).name == load_profile(EXAMPLES / "novice.toml").name


@pytest.mark.parametrize(
    ("encoding", "found"), [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32", "UTF-32"), ("cp1252", "Latin-1")]
)
def test_a_profile_not_in_utf8_names_the_file_and_the_encoding_found(tmp_path, encoding, found):
    path = tmp_path / "ann.toml"
    path.write_bytes((NOVICE + 'race_note = "Zürich café"\n').encode(encoding))
    with pytest.raises(UserError) as err:
        load_profile(path)
    source, field, text = _problem(err)
    assert (source, field) == ("ann.toml", "encoding")
    assert found in text and "save it as UTF-8" in err.value.fix


def test_a_binary_file_is_not_taken_for_text():
    with pytest.raises(UserError, match="NUL bytes"):
        decode_text(b"PK\x03\x04\x00\x00\x00\x00\x00abc\x00", "x.toml")


def test_a_yaml_alias_bomb_is_refused_in_well_under_a_second(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(YAML_BOMB)
    started = time.perf_counter()
    with pytest.raises(UserError) as err:
        load_profile(path)
    assert time.perf_counter() - started < 1
    assert err.value.field == "aliases" and "200,000" in str(err.value)


def test_yaml_anchors_of_ordinary_size_still_work():
    assert load_yaml("run: &r {type: easy, minutes: 40}\nweek: [*r, *r, *r]\n", "p.yaml")["week"][2]["minutes"] == 40


def test_a_yaml_alias_to_itself_is_refused():
    with pytest.raises(UserError, match="refers to itself"):
        load_yaml("a: &a [1, *a]\n", "p.yaml")


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (".toml", "a = " + "[" * 5000 + "]" * 5000),
        (".json", "[" * 100_000 + "]" * 100_000),
        (".yaml", "[" * 5000 + "]" * 5000),
        (".json", "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1)),
    ],
)
def test_deeply_nested_files_are_refused_with_the_limit(tmp_path, suffix, text):
    path = tmp_path / f"deep{suffix}"
    path.write_text(text)
    with pytest.raises(UserError) as err:
        read_data_file(path, prefix=path.name, formats=(".toml", ".yaml", ".json"))
    assert err.value.field == "nesting" and str(MAX_NESTING) in str(err.value)


def test_a_profile_over_the_size_cap_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.toml"
    path.write_text(NOVICE + "#" * (2 * 1024 * 1024) + "\n")
    with pytest.raises(UserError) as err:
        load_profile(path)
    assert err.value.field == "size" and "1 MB" in str(err.value)


def test_a_deeply_nested_diary_json_is_refused(tmp_path):
    path = tmp_path / "diary.json"
    path.write_text('{"schema": "runstrong.diary", "version": 1, "athletes": ' + "[" * 50_000 + "]" * 50_000 + "}")
    with pytest.raises(UserError) as err:
        load_json(path, TODAY)
    assert err.value.field == "nesting"


def test_a_latin1_diary_json_names_the_encoding(tmp_path):
    path = tmp_path / "diary.json"
    path.write_bytes(json.dumps({"schema": "runstrong.diary", "note": "café"}, ensure_ascii=False).encode("cp1252"))
    with pytest.raises(UserError) as err:
        load_json(path, TODAY)
    assert err.value.source == "diary.json" and "Latin-1" in str(err.value)


HEADER = ",".join(CSV_FILES["notes.csv"]) + "\r\n"


def test_csv_files_with_a_bom_read_and_a_latin1_one_is_named(tmp_path):
    folder = tmp_path / "diary"
    folder.mkdir()
    (folder / "notes.csv").write_bytes(codecs.BOM_UTF8 + (HEADER + "Ann,2027-05-01,Fine\r\n").encode())
    assert parse_csv(folder, TODAY)["Ann"]["notes"][0].text == "Fine"
    (folder / "notes.csv").write_bytes((HEADER + "Ann,2027-05-01,café\r\n").encode("cp1252"))
    with pytest.raises(UserError) as err:
        parse_csv(folder, TODAY)
    assert err.value.source == "diary/notes.csv" and "Latin-1" in str(err.value)


def _zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_a_zip_bomb_is_refused_after_a_few_megabytes(tmp_path):
    path = _zip(tmp_path / "bomb.zip", {"notes.csv": HEADER.encode() + b"A" * (50 * 1024 * 1024)})
    assert path.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(UserError) as err:
        parse_csv(path, TODAY)
    assert time.perf_counter() - started < 5
    assert err.value.field == "size" and "100 times" in str(err.value)


def test_a_zip_with_too_many_members_is_refused(tmp_path):
    path = _zip(tmp_path / "many.zip", {f"x{n}.txt": b"" for n in range(101)})
    with pytest.raises(UserError) as err:
        parse_csv(path, TODAY)
    assert err.value.field == "members" and "100" in str(err.value)


def _patch_headers(path: Path, offset_in_local: int, offset_in_central: int, value: bytes) -> None:
    """Change a field in the one member's local header (PK\\3\\4) and central entry (PK\\1\\2)."""
    data = bytearray(path.read_bytes())
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    data[local + offset_in_local : local + offset_in_local + len(value)] = value
    data[central + offset_in_central : central + offset_in_central + len(value)] = value
    path.write_bytes(bytes(data))


def test_an_encrypted_zip_member_is_a_clear_error(tmp_path):
    path = _zip(tmp_path / "locked.zip", {"notes.csv": HEADER.encode()})
    _patch_headers(path, 6, 8, b"\x01\x00")  # general purpose flag: bit 0, encrypted
    with pytest.raises(UserError) as err:
        parse_csv(path, TODAY)
    assert err.value.source == "locked.zip/notes.csv" and "encrypted" in str(err.value)


def test_an_unsupported_zip_compression_is_a_clear_error(tmp_path):
    path = _zip(tmp_path / "ppmd.zip", {"notes.csv": HEADER.encode()})
    _patch_headers(path, 8, 10, b"\x62\x00")  # method 98: PPMd, which Python cannot read
    with pytest.raises(UserError) as err:
        parse_csv(path, TODAY)
    assert err.value.field == "member" and "unsupported compression" in str(err.value)


def test_a_utf16_zip_member_names_the_member_and_the_encoding(tmp_path):
    path = _zip(tmp_path / "d.zip", {"notes.csv": (HEADER + "Ann,2027-05-01,Fine\r\n").encode("utf-16")})
    with pytest.raises(UserError) as err:
        parse_csv(path, TODAY)
    assert err.value.source == "d.zip/notes.csv" and "UTF-16" in str(err.value)


def test_a_screen_file_not_in_utf8_is_refused_and_the_profile_left_as_it_was(tmp_path):
    from tests.fuzz.inputs import PROFILE, SCREEN
    from tests.fuzz.runner import run_cli

    profile = tmp_path / "me.toml"
    profile.write_text(PROFILE)
    screen = tmp_path / "screen.json"
    screen.write_bytes(json.dumps(SCREEN).encode("utf-16"))
    ran = run_cli("assess", str(profile), "--no-input", "--from", str(screen))
    assert ran.code == 2, ran.err
    assert "screen.json: encoding: not UTF-8: it looks like UTF-16" in ran.err
    assert profile.read_text() == PROFILE


def test_a_diary_zip_bomb_through_the_cli_exits_2_and_writes_nothing(tmp_path):
    from tests.fuzz.runner import run_cli

    path = _zip(tmp_path / "bomb.zip", {"notes.csv": HEADER.encode() + b"A" * (20 * 1024 * 1024)})
    ran = run_cli("import", str(path), env={"RUNSTRONG_DB": str(tmp_path / "diary.db")})
    assert ran.code == 2, ran.err
    assert "bomb.zip/notes.csv: size: expands more than 100 times" in ran.err
    assert not (tmp_path / "diary.db").exists()
