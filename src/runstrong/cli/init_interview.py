"""The questions of `runstrong init`: an interview in five short parts, then a summary.

Each part asks with `prompts.Asker` (loop until the parser accepts) and fills its fields
of the raw profile; options given on the command line become the suggested answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.panel import Panel

from runstrong.cli.prompts import Asker
from runstrong.errors import UserError
from runstrong.io import answers as q
from runstrong.io.goal_race_answers import GOAL_RACE_HELP, goal_races_answer, running_with_goal_races
from runstrong.io.init_answers import (
    HOME_ORDER,
    LEVEL_HELP,
    heaviest_defaults,
    heaviest_parser,
    home_weights,
    listed_furniture,
    parsers,
    plan_fits,
    run_option,
    split_owned,
    validate_answers,
)


@dataclass
class _Interview:
    """What every part of the interview needs: the asker, the console, the options as defaults."""

    ask: Asker
    out: Any
    opts: dict[str, Any]
    today: dt.date
    parse: dict[str, Any]

    def default(self, key: str, fallback: str | None) -> str | None:
        """The option given for `key` as the suggested answer, else `fallback`."""
        value = self.opts.get(key)
        if isinstance(value, tuple):
            return ",".join(value) if value else fallback
        return str(value) if value is not None else fallback


def interview(path: Path, opts: dict[str, Any], today: dt.date, out: Any) -> Any:
    """Ask the questions, show the profile and whether a plan fits; None if the runner says not to write."""
    it = _Interview(Asker(out), out, opts, today, parsers(today))
    out.print(
        Panel.fit(
            f"Let's set up [bold]{escape(str(path))}[/]: about 25 quick questions, three minutes.\n"
            "Press [bold]Enter[/] to take the answer in [dim]\\[brackets][/]. "
            "Ctrl-C stops without writing anything.",
            title="runstrong init",
            border_style="cyan",
        )
    )
    raw: dict[str, Any] = {}
    _ask_about_you(it, raw)
    _ask_training_so_far(it, raw)
    _ask_goal(it, raw)
    _ask_running_week(it, raw)
    _ask_strength_sessions(it, raw)
    if goal := raw.pop("goal_races", None):
        raw["running"] = running_with_goal_races(raw["running"], goal)
    profile = validate_answers(raw)
    _summary(profile, out)
    try:
        out.print(f"[green]✓ {plan_fits(profile)}[/]")
        ok = True
    except UserError as err:
        out.print(f"[yellow]! No plan fits these answers yet: {escape(str(err))}[/]")
        ok = False
    if not it.ask.confirm(f"Write {path}?", ok):
        return None
    return profile


def _ask_about_you(it: _Interview, raw: dict[str, Any]) -> None:
    ask, p = it.ask, it.parse
    it.out.rule("[bold]About you", align="left")
    raw["name"] = ask.ask("What should the plan call you?", p["name"], it.default("name", None))
    raw["age"] = ask.ask("Age (years)?", p["age"], it.default("age", None))
    raw["sex"] = ask.ask(
        "Sex (female or male; used only for the screen's norms)?", p["sex"], it.default("sex", "unspecified"), "skip"
    )
    raw["units"] = ask.ask("Units: metric (kg, cm) or imperial (lb, in)?", p["units"], it.default("units", "metric"))
    unit = "lb" if raw["units"] == "imperial" else "kg"
    typed = it.default("body_mass", None)
    while True:
        raw["body_mass_kg"] = ask.ask(f"Body mass ({unit})?", parsers(it.today, raw["units"])["body_mass"], typed)
        question = _mass_question(raw)
        if question is None or it.opts.get("yes"):
            return
        it.out.print(f"  [yellow]{escape(question[0].upper() + question[1:])}.[/]")
        if ask.confirm("Is that right? (no: type it again)", False):
            return
        typed = None


def _mass_question(raw: dict[str, Any]) -> str | None:
    """The body mass's question for this age and sex (body-mass-plausible), as every face asks it."""
    from runstrong.core.body_mass import body_mass_question
    from runstrong.core.model import Sex, Units
    from runstrong.io.data_files import load_params

    return body_mass_question(raw["body_mass_kg"], raw["age"], Sex(raw["sex"]), Units(raw["units"]), load_params())


def _ask_training_so_far(it: _Interview, raw: dict[str, Any]) -> None:
    ask, p = it.ask, it.parse
    it.out.rule("[bold]Your training so far", align="left")
    raw["running_experience_years"] = ask.ask(
        "How many years have you been running regularly?", p["running_years"], it.default("running_years", "1")
    )
    raw["strength_experience"] = ask.ask(
        f"Strength training experience: {LEVEL_HELP}?",
        p["strength_experience"],
        it.default("strength_experience", "novice"),
    )
    raw["consistent_strength_weeks"] = ask.ask(
        "Weeks in a row, up to now, with strength work at least twice a week (0 if none)?",
        p["strength_weeks"],
        it.default("strength_weeks", "0"),
    )


def _ask_goal(it: _Interview, raw: dict[str, Any]) -> None:
    """The start, and a race (its date kept within a year's plan) or the plan's length."""
    from runstrong.core.phases import MAX_PLAN_WEEKS
    from runstrong.io.data_files import load_params

    ask, p, today = it.ask, it.parse, it.today
    params = load_params()
    it.out.rule("[bold]Your goal", align="left")
    start = ask.ask(
        "When do you want to start (a date, today, or a weekday)?",
        p["start"],
        it.default("start", q.next_monday(today).isoformat()),
        f"{q.next_monday(today):%a %d %b}" if it.opts.get("start") is None else None,
    )
    raw["start_date"] = start
    distance = ask.ask(
        "Training for a race (5k, 10k, half, marathon, ultra or none)?",
        p["race_distance"],
        it.default("race_distance", "none"),
    )
    if distance == "none":
        raw["plan_weeks"] = ask.ask(
            "How many weeks should the plan run?",
            p["plan_weeks"],
            it.default("plan_weeks", str(params.default_plan_weeks)),
        )
        _ask_goal_races(it, raw, start, None)
        return
    longest = start + dt.timedelta(weeks=MAX_PLAN_WEEKS - params.post_race_weeks)

    def race_date(text: str) -> dt.date:
        value = q.date_answer("race date", today, after=start)(text)
        if value > longest:
            raise ValueError(f"race date: by {longest:%d %b %Y}, so that the plan stays under a year")
        return value

    date = ask.ask("Race date (like 2027-04-25)?", race_date, it.default("race_date", None))
    name = ask.ask(
        "Race name (Enter to skip)?", lambda t: " ".join(t.split())[:80] or None, it.default("race_name", ""), ""
    )
    raw["race"] = {"distance": distance, "date": date, **({"name": name} if name else {})}
    weeks = (date - start).days // 7
    it.out.print(f"  [dim]{weeks} weeks from {start:%d %b} to race day.[/]")
    _ask_goal_races(it, raw, start, date)


def _ask_goal_races(it: _Interview, raw: dict[str, Any], start: dt.date, main: dt.date | None) -> None:
    """A goal race before the main race (goal-race): written into the dated week later, around
    the usual week the runner is about to give. With no main race, only when one was given."""
    given = ";".join(it.opts.get("goal_races") or ())
    if main is None and not given:
        return
    raw["goal_races"] = it.ask.ask(
        f"Another race you are aiming at{' before it' if main else ''} (a goal race, tapered for; not a tune-up)? "
        f"{GOAL_RACE_HELP}. Enter for none",
        goal_races_answer(it.today, start, main),
        given,
        None if given else "none",
    )


def _ask_running_week(it: _Interview, raw: dict[str, Any]) -> None:
    """Day by day, the runs of a usual week; `--run` options are the suggested answers."""
    from runstrong.core.model import Weekday

    it.out.rule("[bold]Your usual running week", align="left")
    it.out.print(
        "  Day by day: the run and its minutes, like [bold]easy 40[/], [bold]long 1h40[/], [bold]intervals 60[/] "
        "or [bold]easy 30, tempo 40[/].\n  Types: easy, long, tempo, intervals, race, cross_train, rest. "
        "Enter for no run."
    )
    given: dict[str, list[str]] = {}
    for text in it.opts.get("runs") or ():
        try:
            for r in run_option(text):
                given.setdefault(r["day"], []).append(f"{r['type']} {r['minutes']}")
        except ValueError as err:
            it.out.print(f"  [yellow]--run {escape(text)}: {escape(str(err))}; ignored[/]")
    weekly = []
    for day in Weekday:
        shown = ", ".join(given.get(day.value, [])) or "-"
        runs = it.ask.ask(f"  {day.value.capitalize()}", q.runs_answer, shown, None)
        weekly += [{"day": day.value, "type": t.value, "minutes": m} for t, m in runs]
    raw["running"] = {"weekly": weekly}
    pace = it.ask.ask(
        "Your easy running pace, like 5:45/km or 9:15/mi (calendar import turns distances into minutes with it)?",
        it.parse["easy_pace"],
        it.default("easy_pace", ""),
        "skip",
    )
    if pace:
        raw["easy_pace"] = pace


def _ask_strength_sessions(it: _Interview, raw: dict[str, Any]) -> None:
    """Days, time, length, kit and pain; double days only when the week has a speed run."""
    ask, p = it.ask, it.parse
    it.out.rule("[bold]Strength sessions", align="left")
    refused: list[list] = []

    def days(text: str) -> list:
        chosen = q.days_answer(text)
        if not _has_spaced_pair([d.index for d in chosen]) and chosen not in refused:
            refused.append(chosen)
            raise ValueError(
                "days: the two weekly sessions need two days with a day between them (like mon,thu); "
                "type the same days again to keep them anyway"
            )
        return chosen

    raw["available_days"] = [
        d.value
        for d in ask.ask(
            "Which days could you fit strength in (mon,wed,fri / mon-fri / all)?",
            days,
            it.default("days", "all"),
            "any day" if not it.opts.get("days") else None,
        )
    ]
    preferred = ask.ask("Usual time of day for it (like 18:30 or 7am)?", q.time_answer, it.default("time_", ""), "any")
    if preferred:
        raw["preferred_time"] = preferred
    raw["session_cap_minutes"] = ask.ask(
        "Longest session you can fit, in minutes (20-60)?", p["cap"], it.default("cap", "45")
    )
    it.out.print(
        "  Kit: [bold]bodyweight[/] (a step and a chair), [bold]bands[/] (+ long and mini bands), "
        "[bold]dumbbells[/]\n  or [bold]gym[/] (everything); add single items if you like (a kettlebell is one): "
        "band, kettlebell, barbell, box, balance_pad, backpack (filled with books or bottles)…"
    )

    def kit(text: str) -> list[str]:
        return p["equipment"](text) or ["bodyweight"]

    raw["equipment"] = ask.ask("What kit do you have?", kit, it.default("equipment", "bodyweight"))
    _ask_furniture(it, raw)
    _ask_heaviest(it, raw)
    raw["pain_areas"], scores = ask.ask(
        "Anything that hurts when you run or train? (achilles, calf, knee, hip, lower back, hamstring, foot, shin; "
        "add how much it hurts now, 0-10, like: foot 2)",
        p["pain_scored"],
        it.default("pain", "none"),
    )
    if scores:
        raw["pain_scores"] = scores
    raw["health"], raw["postnatal_since"], raw["due_date"], raw["bone_stress_site"], raw["cleared_to_run"] = ask.ask(
        "Anything about your health that changes hops and heavy lifting? A birth in the last year (with its date, "
        "like: birth 2026-10-01), pregnant (weeks or due date, like: pregnant 22 weeks), pelvic floor symptoms "
        "(leaking, heaviness), low bone density (osteopenia, osteoporosis), menopause (in or past it), "
        "a bone stress injury or stress fracture "
        "(where, and when your clinician cleared you to run, like: bone stress tibia cleared 2026-10-12). "
        "Enter to skip",
        p["health"],
        it.default("health", "none"),
    )
    if any(r["type"] in ("tempo", "intervals", "race") for r in raw["running"]["weekly"]):
        raw["allow_double_days"] = ask.confirm(
            "On tempo or interval days, could you lift 6+ hours after the run? (heavy lifting stays off those days "
            "unless you say yes)",
            bool(it.opts.get("double_days")),
        )


def _ask_furniture(it: _Interview, raw: dict[str, Any]) -> None:
    """What a home holds to step on, sit to or lean on, so no plan asks for a stair the runner lacks."""
    if "gym" in raw["equipment"]:
        return
    answer = it.ask.ask(
        "What can you train on at home: step (a stair), bench, chair, sofa (or bed edge), wall?",
        it.parse["furniture"],
        it.default("furniture", ",".join(HOME_ORDER)),
    )
    listed = listed_furniture(answer)
    if listed is not None:
        raw["furniture"] = listed


def _ask_heaviest(it: _Interview, raw: dict[str, Any]) -> None:
    """How heavy the home kit goes, so no plan asks for a dumbbell the runner lacks."""
    weights = home_weights(raw["equipment"])
    if not weights:
        return
    from runstrong.io.data_files import load_params

    units = raw.get("units") or "metric"
    unit = "lb" if units == "imperial" else "kg"
    loads = it.ask.ask(
        f"Heaviest {' and '.join(w.replace('_', ' ') for w in weights)} you have, in {unit} "
        f"(one number, or like {weights[0]} 16{', ' + weights[1] + ' 12' if len(weights) > 1 else ''}; "
        f"fixed weights: list them, like {weights[0]} 6 8 10, or {weights[0]} 10 only for one pair)?",
        heaviest_parser(units, raw["equipment"]),
        it.default("heaviest", ""),
        None if it.opts.get("heaviest") else f"not sure: {heaviest_defaults(units, load_params())}",
    )
    heaviest, owned = split_owned(loads)
    if heaviest:
        raw["heaviest_loads"] = heaviest
    if owned:
        raw["owned_weights"] = owned


def _has_spaced_pair(indexes: list[int]) -> bool:
    return any((b - a) % 7 not in (0, 1, 6) for a in indexes for b in indexes)


def _summary(profile: Any, out: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    from runstrong.core.goal_entry import goal_races_in
    from runstrong.io.labels import KG_PER_LB, RACE_NAME, RUN_SHORT

    t = Table(title="Your profile", show_header=False, title_justify="left", box=None, padding=(0, 2))
    t.add_column(style="bold")
    t.add_column()
    mass = (
        f"{profile.body_mass_kg / KG_PER_LB:.0f} lb"
        if profile.units.value == "imperial"
        else f"{profile.body_mass_kg:g} kg"
    )
    sex = "" if profile.sex.value == "unspecified" else f", {profile.sex.value}"
    t.add_row("You", f"{escape(profile.name)}, {profile.age}{sex}, {mass}")
    t.add_row(
        "Background",
        f"running {profile.running_experience_years:g} years; strength {profile.strength_experience.value}, "
        f"{profile.consistent_strength_weeks} consistent weeks",
    )
    if profile.race:
        name = f" ({escape(profile.race.name)})" if profile.race.name else ""
        goal = f"{RACE_NAME[profile.race.distance.value]} on {profile.race.date:%a %d %b %Y}{name}"
    else:
        goal = f"no race: a {profile.plan_weeks}-week plan"
    t.add_row("Goal", f"{goal}; starting {profile.start_date:%a %d %b %Y}")
    for r in goal_races_in(profile.running):
        called = f" ({escape(r.name)})" if r.name else ""
        t.add_row(
            "Goal race", f"{RACE_NAME[r.distance.value]} on {r.date:%a %d %b %Y}{called}, your usual week around it"
        )
    by_day: dict[str, list[str]] = {}
    for r in profile.running.weekly:
        by_day.setdefault(r.day.value, []).append(f"{RUN_SHORT[r.type]} {r.minutes}′")
    week = "  ".join(f"{d.capitalize()} {' + '.join(v)}" for d, v in by_day.items()) or "no runs"
    t.add_row("Running week", week)
    days = ", ".join(d.value.capitalize() for d in profile.available_days)
    when = f" around {profile.preferred_time:%H:%M}" if profile.preferred_time else ""
    t.add_row("Strength", f"{days}{when}; up to {profile.session_cap_minutes} min")
    t.add_row("Kit", ", ".join(e.value for e in profile.equipment))
    if profile.furniture is not None:
        t.add_row("At home", ", ".join(i.value for i in profile.furniture) or "no furniture to train on")
    if profile.heaviest_loads:
        unit = "lb" if profile.units.value == "imperial" else "kg"
        t.add_row("Heaviest", ", ".join(f"{k.value} {v:g} {unit}" for k, v in profile.heaviest_loads.items()))
    scored = profile.pain_scores
    t.add_row(
        "Pain",
        ", ".join(
            p.value.replace("_", " ") + (f" {scored[p]}/10 now" if p in scored else "") for p in profile.pain_areas
        )
        or "none",
    )
    if profile.health:
        since = f" (birth {profile.postnatal_since:%d %b %Y})" if profile.postnatal_since else ""
        since += f" (due {profile.due_date:%d %b %Y})" if profile.due_date else ""
        if profile.bone_stress_site is not None and profile.cleared_to_run is not None:
            since += f" ({profile.bone_stress_site.value.replace('_', ' ')}, cleared {profile.cleared_to_run:%d %b %Y})"
        t.add_row("Health", ", ".join(h.value.replace("_", " ") for h in profile.health) + since)
    t.add_row("Units", profile.units.value)
    if any(r.type.value in ("tempo", "intervals", "race") for r in profile.running.weekly):
        t.add_row("Double days", "yes, 6+ h after speed runs" if profile.allow_double_days else "no")
    out.print()
    out.print(t)
    out.print()
