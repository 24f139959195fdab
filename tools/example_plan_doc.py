"""Regenerate docs/example-plan.md from the three commands it shows (deterministic output).

python tools/example_plan_doc.py      # from the repository root, after .venv is set up
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "example-plan.md"
ENV = dict(os.environ, COLUMNS="110", NO_COLOR="1", TERM="dumb")


def runstrong(*args: str) -> str:
    exe = ROOT / ".venv" / "bin" / "runstrong"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=ENV, check=True, cwd=ROOT).stdout


def main() -> None:
    head = DOC.read_text().split("## Terminal:", 1)[0]
    sections = [
        ("## Terminal: `COLUMNS=110 runstrong demo --week 9`", runstrong("demo", "--week", "9"), True),
        (
            "## Explanations: `COLUMNS=110 runstrong explain examples/marathoner.toml --week 9 -s A`",
            runstrong("explain", "examples/marathoner.toml", "--week", "9", "-s", "A"),
            True,
        ),
        (
            "## Markdown: `runstrong demo --format markdown --week 9`",
            runstrong("demo", "--format", "markdown", "--week", "9"),
            False,
        ),
    ]
    parts = [head.rstrip("\n") + "\n"]
    for title, text, fenced in sections:
        body = f"```text\n{text.rstrip()}\n```" if fenced else text.rstrip("\n")
        parts.append(f"\n{title}\n\n{body}\n")
    DOC.write_text("".join(parts))


if __name__ == "__main__":
    main()
