"""`runstrong assess`: the guided baseline screen (S35), its results, and two screens compared (S26)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from runstrong import clock
from runstrong.cli.options import escape
from runstrong.errors import UserError

# upper limits of the Screen fields (checked against the model by the tests)
SECONDS_MAX = 600
REPS_MAX = 200
HOP_MAX_CM = 400
SQUAT_ORDER = {"poor": 0, "fair": 1, "good": 2}


@click.command()
@click.argument("profile", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--date", "when", metavar="DATE", help="Date of the screen: 2027-01-04 or today (default today).")
@click.option("--no-input", is_flag=True, help="Ask nothing: record the screen in --from FILE (for scripts).")
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A screen in TOML, YAML or JSON (the fields of `runstrong schema profile` under screens).",
)
@click.option("--show", is_flag=True, help="Show the latest screen's values and results.")
@click.option("--compare", is_flag=True, help="Compare the last two screens, test by test.")
def assess(profile: Path, when: str | None, no_input: bool, source: Path | None, show: bool, compare: bool) -> None:
    """Run the baseline screen, score it, and add it to your PROFILE.

    \b
    About 15 minutes: hip hinge, plank, side planks, single-leg squat, balance and heel
    raises, plus optional back-extensor hold and hop tests. Each test says how to set up,
    what counts as a fault and what to record; holds can be timed here. The results say
    what changes in your plan; nothing is saved until you say so.
    \b
    Examples:
      runstrong assess me.toml                 the guided screen
      runstrong assess me.toml --show          the latest screen's results
      runstrong assess me.toml --compare       the last two screens side by side
      runstrong assess me.toml --no-input --from screen.toml --date 2027-02-01
    """
    from runstrong.cli.options import console
    from runstrong.cli.plan import checked_profile

    if show and compare:
        raise UserError("--show and --compare: pick one")
    if (show or compare) and (no_input or source or when):
        raise UserError("--show and --compare only read the profile; drop --no-input, --from and --date")
    if no_input and source is None:
        raise UserError("--no-input: give the screen with --from FILE (TOML, YAML or JSON)")
    athlete = checked_profile(profile)  # says what init, plan and explain say of it (a body mass to check)
    out = console()
    if show or compare:
        screens = sorted(athlete.screens, key=lambda s: s.date)
        if not screens:
            raise UserError(f"{profile.name}: no screens yet; run `runstrong assess {profile}` to record one")
        if show:
            _show(athlete, screens[-1], out)
        elif len(screens) == 1:
            out.print(
                f"{profile.name} has one screen, from {screens[0].date:%a %d %b %Y}: a comparison needs two. "
                f"Repeat the screen in 4-6 weeks with [bold]runstrong assess {profile}[/]; here is the one you have."
            )
            _show(athlete, screens[0], out)
        else:
            _compare(athlete, screens[-2], screens[-1], out)
        return
    day = _date(when)
    if source is not None:
        screen = _read_screen(source, day if when else None)
        _save(profile, screen, out)
        _results(athlete, screen, out)
        return
    from runstrong.cli.prompts import stopped_without_trace

    with stopped_without_trace(out, "nothing was saved", until="the end of the screen"):
        screen = _battery(athlete, day, out)
        _results(athlete, screen, out)
        keep = _asker(out).confirm(f"Save this screen to {escape(profile.name)}?", True)
    if not keep:
        out.print("Not saved.")
        return
    _save(profile, screen, out)
    out.print(
        f"Your plan now starts from it: [bold]runstrong plan {profile}[/]. Repeat the screen in 4-6 weeks "
        f"(a deload week is ideal), then [bold]runstrong assess {profile} --compare[/]."
    )


def _date(when: str | None) -> dt.date:
    from runstrong.io.answers import date_answer

    today = clock.today()
    if when is None:
        return today
    try:
        return date_answer("date", today)(when)
    except ValueError as err:
        raise UserError(f"--{err}") from None


def _asker(out: Any) -> Any:
    from runstrong.cli.prompts import Asker

    return Asker(out)


# ---------------------------------------------------------------------------- record


def _read_screen(source: Path, when: dt.date | None) -> Any:
    """A Screen from a TOML, YAML or JSON file; --date wins over the file's date, today fills a missing one."""
    from pydantic import ValidationError

    from runstrong.core.screen import Screen
    from runstrong.io.profile_file import read_data_file, validation_error
    from runstrong.io.text import SCREEN_BYTES

    if not source.exists():
        raise UserError(f"--from: {source}: no such file")
    formats = (".toml", ".yaml", ".yml", ".json")
    data = read_data_file(source, prefix=f"--from: {source.name}", formats=formats, limit=SCREEN_BYTES)
    if isinstance(data, dict) and isinstance(data.get("screens"), list):
        if len(data["screens"]) != 1:
            raise UserError(f"--from: {source.name}: holds {len(data['screens'])} screens; give one")
        data = data["screens"][0]
    if not isinstance(data, dict):
        raise UserError(f"--from: {source.name}: a screen is a set of fields (date, plank_seconds, ...)")
    if when is not None or "date" not in data:
        data = {**data, "date": when or clock.today()}
    try:
        return Screen.model_validate(data)
    except ValidationError as err:
        raise validation_error(err, source.name, Screen) from None


def _save(profile: Path, screen: Any, out: Any) -> None:
    from runstrong.io.profile_write import append_screen

    updated, note = append_screen(profile, screen)
    out.print(
        f"[green]✓ Saved the screen of {screen.date:%a %d %b %Y} to {escape(profile.name)}[/] "
        f"({len(updated.screens)} in all)."
    )
    if note:
        out.print(f"[yellow]{escape(note)}[/]")


def _battery(athlete: Any, day: dt.date, out: Any) -> Any:
    """Ask the whole battery; return the Screen."""
    from rich.panel import Panel

    from runstrong.cli.prompts import Asker
    from runstrong.core.screen import Screen
    from runstrong.io.screen_text import load_battery

    battery = load_battery()
    ask = Asker(out)
    kit = "\n".join(f"  • {k}" for k in battery.kit)
    out.print(
        Panel.fit(
            f"{battery.intro}\n\nYou need:\n{kit}\n\n{battery.before}\n"
            "Type numbers as you go; for holds, press Enter to use the clock here. Ctrl-C stops, nothing saved.",
            title=f"Baseline screen · {day:%a %d %b %Y}",
            border_style="cyan",
        )
    )
    values: dict[str, Any] = {"date": day}
    pain = {p.value for p in athlete.pain_areas}
    for number, test in enumerate(battery.tests, 1):
        out.print()
        out.rule(f"[bold]{number}/{len(battery.tests)} · {test.title}", align="left")
        caution = sorted(pain & {c.value for c in test.caution})
        if test.optional:
            if caution:
                where = ", ".join(c.replace("_", " ") for c in caution)
                out.print(f"  [yellow]You listed {where} pain: skip it unless it is pain-free.[/]")
            if not ask.confirm(f"{test.optional}", False):
                continue
        _instructions(test, out)
        if caution and not test.optional:
            out.print(
                f"  [yellow]You listed {', '.join(c.replace('_', ' ') for c in caution)} pain: stop if it hurts, "
                "and record what you managed.[/]"
            )
        values |= _measure(test, ask, athlete, out)
    notes = ask.ask("Anything to note (how it felt, what was hard)? Enter to skip", lambda t: t.strip() or None, "", "")
    if notes:
        values["notes"] = notes
    return Screen.model_validate(values)


def _instructions(test: Any, out: Any) -> None:
    from rich.padding import Padding
    from rich.table import Table

    def block(title: str, rows: list[tuple[str, str]]) -> None:
        out.print(f"  [bold]{title}[/]")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for mark, text in rows:
            grid.add_row(mark, text)
        out.print(Padding(grid, (0, 0, 0, 4)))

    out.print(Padding(f"[dim]{test.why}[/]", (0, 0, 0, 2)))
    block("Set up", [("•", line) for line in test.setup])
    block("Do it", [("•", line) for line in test.perform])
    if test.faults:
        block(
            "It is a fault when",
            [(f"{i}.", f"[bold]{f.id.replace('_', ' ')}[/]: {f.text}") for i, f in enumerate(test.faults, 1)],
        )
    for line in (test.passes, test.rating):
        if line:
            out.print(Padding(line, (0, 0, 0, 2)))


def _sides(test: Any) -> list[tuple[str, str]]:
    """(label, field key) pairs: one for a single test, left then right for a two-sided one."""
    if not test.two_sided:
        return [("", "value")]
    return [(f"Left {test.side_word}", "left"), (f"Right {test.side_word}", "right")]


def _measure(test: Any, ask: Any, athlete: Any, out: Any) -> dict[str, Any]:
    from runstrong.io import answers as q

    f = test.fields
    if test.kind == "hinge":
        ok = ask.ask("Did all three contacts stay on through all five reps? (y/n)", q.yes_no)
        faults: list[str] = []
        if not ok:
            faults = ask.ask(
                "Which faults did you see? (numbers or names, comma-separated; Enter if unsure)",
                q.pick_many("fault", [x.id for x in test.faults], numbered=True),
                "",
                "",
            )
        return {f["pass"]: ok, f["faults"]: faults}
    if test.kind == "squat":
        found: dict[str, Any] = {}
        for label, side in _sides(test):
            faults = ask.ask(
                f"{label}: which faults did you see? (numbers or names; Enter for none)",
                q.pick_many("fault", [x.id for x in test.faults], numbered=True),
                "",
                "none",
            )
            suggested = "good" if not faults else "fair" if len(faults) <= 2 else "poor"
            rating = ask.ask(
                f"{label}: rating (good, fair or poor)?",
                q.pick("rating", ["good", "fair", "poor"]),
                suggested,
            )
            found[f[side]] = rating
            found[f[f"faults_{side}"]] = faults
        return found
    found = {}
    for label, side in _sides(test):
        name = f"{test.label}{' · ' + label.lower() if label else ''}"
        if test.kind == "hold":
            found[f[side]] = _hold(ask, name)
        elif test.kind == "reps":
            found[f[side]] = ask.ask(f"{name}: reps?", q.whole("reps", 0, REPS_MAX))
        else:
            unit = "in" if athlete.units.value == "imperial" else "cm"
            found[f[side]] = ask.ask(
                f"{name}: distance ({unit})?", q.length_answer("distance", athlete.units, HOP_MAX_CM)
            )
    return found


def _hold(ask: Any, name: str) -> int:
    """Seconds typed in, or timed with the clock when the runner presses Enter."""
    from runstrong.io import answers as q

    typed = q.seconds_answer("time held", SECONDS_MAX)

    def seconds_or_timer(text: str) -> int | None:
        return None if not text.strip() else typed(text)

    value = ask.ask(f"{name}: seconds held? (type them, or Enter to time it here)", seconds_or_timer, "", "")
    if value is not None:
        return value
    timed = ask.timed(name.lower())
    return ask.ask(f"{name}: {timed} s on the clock. Keep it, or type the right number", typed, str(timed))


# --------------------------------------------------------------------------- results


def _score(athlete: Any, screen: Any) -> Any:
    from runstrong.core.assessment import score_screen
    from runstrong.io.data_files import load_params

    return score_screen(screen, athlete.age, athlete.sex, load_params())


KIND_LABEL = {
    "ok": "[green]✓ ok[/]",
    "deficit": "[red]✗ work on[/]",
    "asymmetry": "[yellow]↔ uneven[/]",
    "note": "[cyan]• note[/]",
}


def _results(athlete: Any, screen: Any, out: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    result = _score(athlete, screen)
    t = Table(title=f"Results · screen of {screen.date:%a %d %b %Y}", title_justify="left", show_header=False)
    t.add_column(no_wrap=True)
    t.add_column()
    for x in result.findings:
        mark = KIND_LABEL[x.kind] + (f"\n[yellow]{x.side.value} weaker[/]" if x.side else "")
        t.add_row(mark, f"{escape(x.text)} [dim]\\[{x.rule_id}][/]")
    out.print()
    out.print(t)
    out.print("[bold]What changes in your plan[/]")
    _effects(result, out)
    out.print()


def _effects(result: Any, out: Any) -> None:
    from rich.table import Table

    from runstrong.core.assessment import effect_reasons

    reasons = effect_reasons(result.effects)
    if not reasons:
        out.print("  Nothing: each part of the plan starts where your experience puts it.")
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for r in reasons:
        grid.add_row("  •", f"{escape(r.text)} [dim]\\[{r.rule_id}][/]")
    out.print(grid)


def _rows(screen_fields: list[Any]) -> list[tuple[str, str, str, str]]:
    """(test, side, field, measure) for every value a screen can hold, in battery order."""
    from runstrong.io.screen_text import load_battery

    rows = []
    for test in load_battery().tests:
        f = test.fields
        name = test.label
        if test.kind == "hinge":
            rows.append((name, "", f["pass"], "pass"))
            continue
        measure = {"squat": "quality", "hold": "s", "reps": "reps", "distance": "cm"}[test.kind]
        for label, side in _sides(test):
            rows.append((name, label.split()[0].lower() if label else "", f[side], measure))
    return [r for r in rows if any(getattr(s, r[2]) is not None for s in screen_fields)]


def _value(screen: Any, field: str, measure: str) -> str:
    v = getattr(screen, field)
    if v is None:
        return "—"
    if measure == "pass":
        faults = ", ".join(x.value.replace("_", " ") for x in screen.hip_hinge_faults)
        return "pass" if v else f"fail ({faults})" if faults else "fail"
    if measure == "quality":
        faults = getattr(screen, field.replace("single_leg_squat_", "single_leg_squat_faults_"))
        return v.value + (f" ({', '.join(x.value.replace('_', ' ') for x in faults)})" if faults else "")
    return f"{v} {measure}" if measure != "reps" else str(v)


def _show(athlete: Any, screen: Any, out: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    t = Table(title=f"Screen of {screen.date:%a %d %b %Y}", title_justify="left")
    t.add_column("Test")
    t.add_column("Side")
    t.add_column("Result")
    for name, side, field, measure in _rows([screen]):
        t.add_row(name, side, _value(screen, field, measure))
    out.print(t)
    if screen.notes:
        out.print(f"  [dim]Notes: {escape(screen.notes)}[/]")
    _results(athlete, screen, out)


def _change(old: Any, new: Any, measure: str) -> str:
    if old is None or new is None:
        return "[dim]—[/]"
    if measure == "pass":
        return "[dim]=[/]" if old == new else "[green]↑ now passes[/]" if new else "[red]↓ now fails[/]"
    if measure == "quality":
        d = SQUAT_ORDER[new.value] - SQUAT_ORDER[old.value]
        return "[dim]=[/]" if d == 0 else "[green]↑ better[/]" if d > 0 else "[red]↓ worse[/]"
    d = new - old
    unit = "" if measure == "reps" else f" {measure}"
    return "[dim]=[/]" if d == 0 else f"[green]↑ +{d}{unit}[/]" if d > 0 else f"[red]↓ −{-d}{unit}[/]"


def _compare(athlete: Any, old: Any, new: Any, out: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    t = Table(title="The last two screens", title_justify="left")
    t.add_column("Test")
    t.add_column("Side")
    t.add_column(f"{old.date:%d %b %Y}")
    t.add_column(f"{new.date:%d %b %Y}")
    t.add_column("Change", no_wrap=True)
    for name, side, field, measure in _rows([old, new]):
        t.add_row(
            name,
            side,
            _value(old, field, measure),
            _value(new, field, measure),
            _change(getattr(old, field), getattr(new, field), measure),
        )
    out.print(t)
    before, after = _score(athlete, old), _score(athlete, new)

    def keyed(result: Any) -> dict[tuple, Any]:
        return {(x.kind, x.test, x.side): x for x in result.findings if x.kind != "ok"}

    was, now = keyed(before), keyed(after)
    cleared = [was[k] for k in was if k not in now]
    appeared = [now[k] for k in now if k not in was]
    kept = [now[k] for k in now if k in was]
    out.print("[bold]Findings[/]")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for mark, found in (("[green]✓ cleared[/]", cleared), ("[red]! new[/]", appeared), ("[yellow]· still[/]", kept)):
        for x in found:
            grid.add_row(f"  {mark}", f"{escape(x.text)} [dim]\\[{x.rule_id}][/]")
    out.print(grid)
    if not (cleared or appeared or kept):
        out.print("  [green]Nothing to work on in either screen.[/]")
    elif not (cleared or appeared):
        out.print("  [dim]The same findings as last time.[/]")
    out.print("[bold]What the plan does now[/]")
    _effects(after, out)
