"""Prompts for `runstrong log` and `runstrong wellness` in a terminal (rich.prompt).

A session done as planned takes one answer (Enter, or the session RPE). Set-by-set entry
offers the planned dose as the default for each exercise, so only what differed is typed.
A bad answer is explained and asked again; nothing is written until the end.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.prompt import Prompt
from rich.text import Text

from runstrong.cli.log_flow import LogContext, LogRequest
from runstrong.core.diary import LOGGED_ROLES, PlannedSession, SetLog, sets_as_planned
from runstrong.errors import UserError

QUICK = (
    "Done as planned? [bold]Enter[/] = yes · [bold]1-10[/] = yes, with that session RPE · "
    "[bold]n[/] = set by set · [bold]q[/] = quit"
)


def ask(request: LogRequest, context: LogContext, out: Console) -> LogRequest | None:
    from runstrong.io.diary_terminal import render_planned_session

    units = context.athlete.units
    if context.logged_sets:
        out.print(
            f"[yellow]{context.logged_sets} sets are already logged on {request.day:%a %d %b}; "
            "what you log now is added to them.[/]"
        )
    if context.planned is not None and not context.logged_sets:
        out.print(render_planned_session(context.planned, units, context.last, None))
        while True:
            answer = Prompt.ask(QUICK, console=out, default="", show_default=False).strip().lower()
            if answer == "":
                return request.replace(as_planned=True)
            if answer in ("q", "quit"):
                return None
            if answer in ("n", "no"):
                break
            rpe = _number(answer, 1, 10)
            if rpe is not None:
                return request.replace(as_planned=True, session_rpe=rpe)
            out.print("[red]Press Enter, type a session RPE from 1 to 10, n or q.[/]")
        sets = _set_by_set(context.planned, units, out)
    else:
        if context.planned is None:
            out.print(f"No strength session planned on {request.day:%a %d %b}.")
        out.print("Type what you did, one exercise a line.")
        sets = []
    sets += _extra_lines(units, out, ([b.exercise_id for b in context.planned.blocks],) if context.planned else ())
    if not sets:
        return None
    default_minutes = str(context.planned.estimated_minutes) if context.planned and not context.logged_sets else ""
    rpe = _ask_number(out, "Session RPE 1-10 (Enter to skip)", 1, 10)
    minutes = _ask_number(out, "Minutes", 1, 300, default=default_minutes, whole=True)
    pains = [*request.pains, *ask_pains(out, request.day, request.today)]
    return request.replace(sets=tuple(sets), session_rpe=rpe, minutes=int(minutes) if minutes else None, pains=pains)


PAIN_PROMPT = "Any pain? e.g. knee=3 left during from=split_squat, knee=0 if none (Enter to skip)"


def ask_pains(out: Console, day: Any, today: Any, indent: str = "") -> list[Any]:
    """Pain reports typed as `--pain` takes them, one a line, until Enter; a bad one is
    explained and asked again."""
    from runstrong.cli.pain_text import parse_pain

    pains: list[Any] = []
    while True:
        text = Prompt.ask(indent + PAIN_PROMPT, console=out, default="", show_default=False).strip()
        if not text:
            return pains
        try:
            pains.append(parse_pain(text, day, today))
        except UserError as err:
            out.print(f"[red]{err}[/]")


def _set_by_set(planned: PlannedSession, units: Any, out: Console) -> list[SetLog]:
    from runstrong.core.planned_effort import UNLOADED_RULE
    from runstrong.core.setline import parse_set_line
    from runstrong.io.data_files import load_library, load_registry
    from runstrong.io.diary_terminal import planned_line

    library, unloaded_rpe = load_library(), load_registry().param(UNLOADED_RULE, "unloaded_rpe")
    out.print("For each exercise: Enter = as planned, '-' = skipped, or type what you did (e.g. 3x8 @42.5kg rpe8).")
    sets: list[SetLog] = []
    for block in planned.blocks:
        if block.role not in LOGGED_ROLES:
            continue
        default = planned_line(block, units)
        while True:
            answer = Prompt.ask(f"  {block.name}", console=out, default=default).strip()
            if answer in ("-", "skip", "skipped"):
                break
            if answer == default:
                one = planned.model_copy(update={"blocks": [block]})
                sets.extend(sets_as_planned(one, unloaded_rpe))
                break
            try:
                parsed = parse_set_line(f"{block.exercise_id} {answer}", library, units)
                sets.extend(SetLog.model_validate(f) for f in parsed.sets)
                break
            except UserError as err:
                out.print(Text(str(err), style="red"))
    return sets


def _extra_lines(units: Any, out: Console, prefer: Any = ()) -> list[SetLog]:
    from runstrong.core.setline import parse_set_line
    from runstrong.io.data_files import load_library

    library = load_library()
    sets: list[SetLog] = []
    while True:
        line = Prompt.ask(
            "Anything else? (e.g. calf raise 2x15; Enter to finish)", console=out, default="", show_default=False
        )
        if not line.strip():
            return sets
        try:
            parsed = parse_set_line(line, library, units, prefer)  # a short name: the day's lift first
            sets.extend(SetLog.model_validate(f) for f in parsed.sets)
        except UserError as err:
            out.print(Text(str(err), style="red"))


def _number(text: str, low: float, high: float) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if low <= value <= high else None


def _ask_number(
    out: Console, question: str, low: float, high: float, default: str = "", whole: bool = False
) -> float | None:
    while True:
        answer = Prompt.ask(question, console=out, default=default, show_default=bool(default)).strip()
        if not answer:
            return None
        value = _number(answer, low, high)
        if value is not None and (not whole or value == int(value)):
            return value
        kind = "a whole number" if whole else "a number"
        out.print(f"[red]Type {kind} from {low:g} to {high:g}, or press Enter to skip.[/]")


WELLNESS_QUESTIONS = (
    ("sleep_hours", "Hours slept", 0, 16),
    ("sleep_quality", "Sleep quality  1 insomnia … 5 very restful", 1, 5),
    ("mood", "Mood           1 very low … 5 very positive", 1, 5),
    ("appetite", "Appetite       1 none … 5 normal and hungry", 1, 5),
    ("soreness", "Soreness       1 very sore … 5 feeling great", 1, 5),
    ("stress", "Stress         1 highly stressed … 5 very relaxed", 1, 5),
    ("energy", "Energy         1 always tired … 5 very fresh", 1, 5),
)


def ask_wellness(out: Console, day: Any = None, today: Any = None) -> dict[str, Any]:
    """The check-in's answers; with `day`, also any pain (under "pains")."""
    out.print("Daily check-in (Enter skips a question):")
    answers: dict[str, Any] = {}
    for field, question, low, high in WELLNESS_QUESTIONS:
        value = _ask_number(out, f"  {question}", low, high, whole=field != "sleep_hours")
        if value is not None:
            answers[field] = value if field == "sleep_hours" else int(value)
    if day is not None:
        answers["pains"] = ask_pains(out, day, today, indent="  ")
    note = Prompt.ask("  Anything else? (Enter to skip)", console=out, default="", show_default=False).strip()
    if note:
        answers["note"] = note
    return answers
