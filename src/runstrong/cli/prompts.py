"""Questions in a terminal for `runstrong init` and `runstrong assess`: ask, check, explain, ask again.

`Asker` loops until a parser from `io.answers` accepts, reading lines with `input()` so
that it works in any terminal or pseudo-terminal.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from runstrong.io.answers import yes_no

T = TypeVar("T")

# ----------------------------------------------------------------------------- asking


@contextmanager
def stopped_without_trace(out: Any, nothing: str, until: str) -> Iterator[None]:
    """Questions left half answered: Ctrl-C exits 130, input that ends (a closed pipe, a
    script one answer short) exits 1, each saying `nothing` was kept, never a traceback."""
    try:
        yield
    except KeyboardInterrupt:
        out.print(f"\n[yellow]Stopped: {nothing}.[/]")
        raise SystemExit(130) from None
    except EOFError:
        out.print(f"\n[yellow]Input ended before {until}: {nothing}.[/]")
        raise SystemExit(1) from None


class Asker:
    """Ask on a Rich console until the answer parses; Enter takes the default."""

    def __init__(self, console: Any) -> None:
        self.out = console

    def ask(
        self,
        question: str,
        parse: Callable[[str], T],
        default: str | None = None,
        shown: str | None = None,
    ) -> T:
        """`default` is typed for the runner when they press Enter; `shown` is how it is displayed."""
        label = shown if shown is not None else default
        suffix = f" [dim]\\[{_escape(label)}][/]" if label else ""
        while True:
            raw = self.out.input(f"[bold]{question}[/]{suffix} ")
            text = raw.strip()
            if not text and default is not None:
                text = default
            try:
                return parse(text)
            except ValueError as err:
                self.out.print(f"  [red]✗ {_escape(str(err))}[/]")

    def confirm(self, question: str, default: bool) -> bool:
        return self.ask(question, yes_no, "y" if default else "n", "Y/n" if default else "y/N")

    def timed(self, label: str) -> int:
        """Time a hold: Enter to start, Enter to stop; the running seconds show on a terminal."""
        self.out.input(f"  [cyan]⏱[/]  Get into position for {label}, then press [bold]Enter[/] to start the clock. ")
        start = time.monotonic()
        if self.out.is_terminal and sys.stdin.isatty():
            from rich.live import Live
            from rich.text import Text

            def face() -> Text:
                return Text.from_markup(f"  [bold cyan]{int(time.monotonic() - start)} s[/]  [dim]Enter to stop[/]")

            done = threading.Event()
            with Live(face(), console=self.out, refresh_per_second=4, transient=True) as live:

                def tick() -> None:
                    while not done.wait(0.25):
                        live.update(face())

                threading.Thread(target=tick, daemon=True).start()
                try:
                    input()
                finally:
                    done.set()
                    held = int(time.monotonic() - start)
            # the Enter that stopped the clock moved the cursor below the live line: replace that line
            from rich.control import Control, ControlType

            self.out.control(Control((ControlType.CURSOR_UP, 1), (ControlType.ERASE_IN_LINE, 2)))
            self.out.print(f"  [cyan]⏱[/]  {held} s")
            return held
        self.out.input("  Holding… press Enter to stop. ")
        return int(time.monotonic() - start)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
