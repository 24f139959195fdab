"""`runstrong init`: set up a profile by answering questions, or from options in a script."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from runstrong.errors import UserError

DEFAULT_PATH = "profile.toml"

# profile field -> the option that sets it, to name both in messages
FIELD_OPTION = {
    "name": "--name",
    "age": "--age",
    "sex": "--sex",
    "body_mass_kg": "--body-mass",
    "units": "--units",
    "running_experience_years": "--running-years",
    "strength_experience": "--strength-experience",
    "consistent_strength_weeks": "--strength-weeks",
    "start_date": "--start",
    "plan_weeks": "--plan-weeks",
    "race": "--race-distance",
    "race.distance": "--race-distance",
    "race.date": "--race-date",
    "race.name": "--race-name",
    "running": "--run",
    "available_days": "--days",
    "preferred_time": "--time",
    "session_cap_minutes": "--cap",
    "equipment": "--equipment",
    "pain_areas": "--pain",
    "allow_double_days": "--double-days",
}

RACE_ALIASES = {
    "5": "5k",
    "5km": "5k",
    "10": "10k",
    "10km": "10k",
    "half_marathon": "half",
    "hm": "half",
    "21k": "half",
    "21km": "half",
    "full": "marathon",
    "42k": "marathon",
    "42km": "marathon",
    "50k": "ultra",
    "no": "none",
    "nothing": "none",
    "n": "none",
}
EQUIPMENT_ALIASES = {
    "none": "bodyweight",
    "nothing": "bodyweight",
    "home": "bodyweight",
    "bw": "bodyweight",
    "body_weight": "bodyweight",
    "bands": "bands",
    "resistance_bands": "bands",
    "dumbbells": "dumbbells",
    "db": "dumbbell",
    "kb": "kettlebell",
    "gym": "gym",
    "full_gym": "gym",
    "chair": "bench",
    "stairs": "step",
}
PAIN_ALIASES = {"back": "lower_back", "low_back": "lower_back", "hamstrings": "hamstring", "calves": "calf"}
SEX_ALIASES = {"f": "female", "woman": "female", "m": "male", "man": "male", "skip": "unspecified", "-": "unspecified"}
LEVEL_HELP = "novice (new to it, or on and off), intermediate (a year or more of regular lifting), advanced"


@click.command()
@click.argument("path", required=False, default=DEFAULT_PATH, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--force", is_flag=True, help="Replace PATH if it exists.")
@click.option("--no-input", is_flag=True, help="Ask nothing: build the profile from the options below (for scripts).")
@click.option("--name", metavar="NAME", help="Your name or a label for the profile.")
@click.option("--age", metavar="YEARS", help="Age in years (14-100).")
@click.option("--sex", metavar="SEX", help="female, male or unspecified (used for the screen's norms).")
@click.option("--units", metavar="UNITS", help="metric or imperial.")
@click.option("--body-mass", metavar="MASS", help="Body mass: 61, 61kg or 135lb (a bare number is in --units).")
@click.option("--running-years", metavar="YEARS", help="Years of regular running.")
@click.option("--strength-experience", metavar="LEVEL", help="novice, intermediate or advanced.")
@click.option("--strength-weeks", metavar="WEEKS", help="Weeks of consistent strength training already behind you.")
@click.option("--start", metavar="DATE", help="Start date: 2027-01-04, today, or a weekday (default: next Monday).")
@click.option("--race-distance", metavar="DISTANCE", help="5k, 10k, half, marathon, ultra or none.")
@click.option("--race-date", metavar="DATE", help="Race date, e.g. 2027-04-25.")
@click.option("--race-name", metavar="NAME", help="Race name (optional).")
@click.option("--plan-weeks", metavar="WEEKS", help="Plan length in weeks when there is no race (1-52).")
@click.option(
    "--run",
    "runs",
    metavar="DAY:TYPE:MIN",
    multiple=True,
    help="A run in your usual week, DAY:TYPE:MINUTES (repeatable).",
)
@click.option(
    "--days", metavar="DAYS", multiple=True, help="Days you can do strength: mon,wed,fri, mon-fri or all (default all)."
)
@click.option("--time", "time_", metavar="HH:MM", help="Preferred time for strength, e.g. 18:30 or 7am.")
@click.option("--cap", metavar="MINUTES", help="Longest strength session in minutes (20-60, default 45).")
@click.option(
    "--equipment", metavar="KIT", multiple=True, help="bodyweight, bands, dumbbells, gym, or single items (repeatable)."
)
@click.option(
    "--pain",
    metavar="AREA",
    multiple=True,
    help="A painful area: achilles, calf, knee, hip, lower_back, ... (repeatable).",
)
@click.option("--double-days/--no-double-days", default=None, help="Allow heavy lifting 6+ h after a speed run.")
def init(path: Path, force: bool, no_input: bool, **opts: Any) -> None:
    """Set up a profile by answering a few questions (about three minutes).

    \b
    Writes PATH (default profile.toml; YAML if it ends .yaml or .yml). Enter accepts the
    answer in [brackets]; Ctrl-C stops without writing anything. Options given with the
    questions become their defaults.
    \b
    For scripts, --no-input builds the profile from the options alone:
      runstrong init me.toml --no-input --name Maya --age 38 --body-mass 61 \\
        --race-distance marathon --race-date 2027-04-25 \\
        --run tue:intervals:60 --run thu:tempo:50 --run sun:long:120 --equipment gym --pain achilles
    """
    from runstrong.io.profile_write import check_writable, profile_format, write_profile

    profile_format(path)
    check_writable(path, force=force)
    today = dt.date.today()
    if no_input:
        profile = _from_options(opts, today)
        write_profile(path, profile, header=_header(profile, today), force=force)
        click.echo(f"Wrote {path}. Next: runstrong assess {path} (optional), then runstrong plan {path}.")
        try:
            _check_plan(profile)
        except UserError as err:
            click.echo(f"Note: no plan fits this profile yet; edit {path}: {err}", err=True)
        return
    from runstrong.cli.options import console

    out = console()
    try:
        profile = _interactive(path, opts, today, out)
    except KeyboardInterrupt:
        out.print("\n[yellow]Stopped: nothing was written.[/]")
        raise SystemExit(130) from None
    except EOFError:
        out.print("\n[yellow]Input ended before the last question: nothing was written.[/]")
        raise SystemExit(1) from None
    if profile is None:
        out.print("Nothing written. Run [bold]runstrong init[/] again whenever you like.")
        return
    write_profile(path, profile, header=_header(profile, today), force=force)
    from rich.markup import escape

    shown = escape(str(path))
    out.print(f"\n[green]✓ Wrote {shown}.[/] Next:")
    out.print(f"  [bold]runstrong assess {shown}[/]   a 15-minute screen that fine-tunes where the plan starts")
    out.print(f"  [bold]runstrong plan {shown}[/]     your plan")


def _header(profile, today: dt.date) -> str:  # type: ignore[no-untyped-def]
    return (
        f"runstrong profile for {profile.name}, written by `runstrong init` on {today.isoformat()}.\n"
        "Edit freely: `runstrong plan` checks every field; `runstrong schema profile` lists them all."
    )


# ----------------------------------------------------------------------------- parsing


def _parsers(today: dt.date, units_value: str = "metric") -> dict[str, Any]:
    """One parser per simple answer, shared by the prompts and the options."""
    from runstrong.cli import prompts as q
    from runstrong.core.model import AthleteProfile, EquipmentSet, Item, Level, PainArea, RaceDistance, Sex, Units

    lo, hi = q.field_bounds(AthleteProfile, "age")
    wlo, whi = q.field_bounds(AthleteProfile, "consistent_strength_weeks")
    clo, chi = q.field_bounds(AthleteProfile, "session_cap_minutes")
    plo, phi = q.field_bounds(AthleteProfile, "plan_weeks")
    ylo, yhi = q.field_bounds(AthleteProfile, "running_experience_years")
    kit = [*q.choices_of(EquipmentSet), *(i for i in q.choices_of(Item) if i not in q.choices_of(EquipmentSet))]
    return {
        "name": _name,
        "age": q.whole("age", int(lo), int(hi)),
        "sex": q.pick("sex", q.choices_of(Sex), SEX_ALIASES),
        "units": q.pick("units", q.choices_of(Units), {"kg": "metric", "lb": "imperial", "lbs": "imperial"}),
        "body_mass": q.mass_answer(Units(units_value)),
        "running_years": q.decimal("running years", ylo, yhi),
        "strength_experience": q.pick("strength experience", q.choices_of(Level), {"beginner": "novice"}),
        "strength_weeks": q.whole("strength weeks", int(wlo), int(whi)),
        "start": q.date_answer("start date", today),
        "race_distance": q.pick("race distance", [*q.choices_of(RaceDistance), "none"], RACE_ALIASES),
        "plan_weeks": q.whole("plan weeks", int(plo), int(phi)),
        "time": q.time_answer,
        "cap": q.whole("session cap", int(clo), int(chi), "min"),
        "equipment": q.pick_many("equipment", kit, EQUIPMENT_ALIASES),
        "pain": q.pick_many("pain area", q.choices_of(PainArea), PAIN_ALIASES),
        "days": q.days_answer,
    }


def _name(text: str) -> str:
    t = " ".join(text.split())
    if not 1 <= len(t) <= 80:
        raise ValueError("name: 1 to 80 characters")
    return t


def _run_option(text: str) -> list[dict[str, Any]]:
    """`tue:intervals:60` (minutes optional) as weekly runs."""
    from runstrong.cli import prompts as q
    from runstrong.core.model import RunType, Weekday

    parts = text.split(":", 2)
    if len(parts) < 2:
        raise ValueError(f"write DAY:TYPE:MINUTES, like tue:intervals:60 (got {text!r})")
    day = q.pick("day", q.choices_of(Weekday))(parts[0])
    kind = RunType(q.pick("run type", q.choices_of(RunType), q.RUN_ALIASES)(parts[1]))
    minutes = q.minutes_answer(parts[2]) if len(parts) == 3 else q.RUN_MINUTES[kind]
    return [{"day": day, "type": kind.value, "minutes": minutes}]


def _from_options(opts: dict[str, Any], today: dt.date) -> Any:
    """The profile the options describe; a bad option is a UserError naming it."""
    from runstrong.cli import prompts as q

    def get(key: str, option: str, parse: Any, value: Any = None) -> Any:
        raw = opts.get(key) if value is None else value
        if raw is None:
            return None
        try:
            return parse(raw)
        except ValueError as err:
            msg = str(err)
            same = msg.startswith(option.lstrip("-").replace("-", " ") + ": ")
            raise UserError(f"{option}: {msg.split(': ', 1)[1] if same else msg}") from None

    units = get("units", "--units", _parsers(today)["units"]) or "metric"
    p = _parsers(today, units)
    raw: dict[str, Any] = {
        "name": get("name", "--name", p["name"]) or "Runner",
        "age": get("age", "--age", p["age"]),
        "sex": get("sex", "--sex", p["sex"]) or "unspecified",
        "units": units,
        "body_mass_kg": get("body_mass", "--body-mass", p["body_mass"]),
        "running_experience_years": get("running_years", "--running-years", p["running_years"]),
        "strength_experience": get("strength_experience", "--strength-experience", p["strength_experience"]),
        "consistent_strength_weeks": get("strength_weeks", "--strength-weeks", p["strength_weeks"]),
        "start_date": get("start", "--start", p["start"]) or q.next_monday(today),
        "session_cap_minutes": get("cap", "--cap", p["cap"]),
        "preferred_time": get("time_", "--time", p["time"]),
        "allow_double_days": opts.get("double_days"),
    }
    distance = get("race_distance", "--race-distance", p["race_distance"])
    if distance and distance != "none":
        raw["race"] = {
            "distance": distance,
            "date": get("race_date", "--race-date", q.date_answer("race date", today)),
            "name": opts.get("race_name"),
        }
    elif opts.get("race_date"):
        raise UserError("--race-date: give --race-distance too (5k, 10k, half, marathon or ultra)")
    raw["plan_weeks"] = get("plan_weeks", "--plan-weeks", p["plan_weeks"])
    weekly = [r for text in opts.get("runs") or () for r in get("runs", "--run", _run_option, text)]
    raw["running"] = {"weekly": weekly}
    if opts.get("days"):
        raw["available_days"] = get("days", "--days", p["days"], ",".join(opts["days"]))
    if opts.get("equipment"):
        raw["equipment"] = get("equipment", "--equipment", p["equipment"], ",".join(opts["equipment"]))
    if opts.get("pain"):
        raw["pain_areas"] = get("pain", "--pain", p["pain"], ",".join(opts["pain"]))
    return _validate({k: v for k, v in raw.items() if v is not None})


def _validate(raw: dict[str, Any]) -> Any:
    """The profile, or a UserError naming each bad field and the option that sets it."""
    from runstrong.io.profile_file import validate_profile

    try:
        return validate_profile(raw, source="init")
    except UserError as err:
        lines = []
        for line in str(err).splitlines():
            field, _, msg = line.removeprefix("init: ").partition(": ")
            key = field.split("[")[0]
            option = FIELD_OPTION.get(key) or FIELD_OPTION.get(key.split(".")[0])
            lines.append(f"{field} ({option}): {msg}" if option else f"{field}: {msg}")
        raise UserError("\n".join(lines)) from None


def _check_plan(profile: Any) -> str:
    """A line saying that a plan fits, or a UserError saying what to change."""
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context

    plan = build_plan(profile, load_context())
    sessions = sum(len(w.sessions) for w in plan.weeks)
    return f"A plan fits: {len(plan.weeks)} weeks, {sessions} strength sessions in all."


# --------------------------------------------------------------------------- prompting


def _interactive(path: Path, opts: dict[str, Any], today: dt.date, out: Any) -> Any:
    from rich.markup import escape
    from rich.panel import Panel

    from runstrong.cli import prompts as q
    from runstrong.core.model import Weekday
    from runstrong.core.params import load_params
    from runstrong.core.phases import MAX_PLAN_WEEKS

    ask = q.Asker(out)
    params = load_params()
    p = _parsers(today)
    out.print(
        Panel.fit(
            f"Let's set up [bold]{escape(str(path))}[/]: about 25 quick questions, three minutes.\n"
            "Press [bold]Enter[/] to take the answer in [dim]\\[brackets][/]. "
            "Ctrl-C stops without writing anything.",
            title="runstrong init",
            border_style="cyan",
        )
    )

    def default(key: str, fallback: str | None) -> str | None:
        value = opts.get(key)
        if isinstance(value, tuple):
            return ",".join(value) if value else fallback
        return str(value) if value is not None else fallback

    out.rule("[bold]About you", align="left")
    raw: dict[str, Any] = {}
    raw["name"] = ask.ask("What should the plan call you?", p["name"], default("name", None))
    raw["age"] = ask.ask("Age (years)?", p["age"], default("age", None))
    raw["sex"] = ask.ask(
        "Sex (female or male; used only for the screen's norms)?", p["sex"], default("sex", "unspecified"), "skip"
    )
    raw["units"] = ask.ask("Units: metric (kg, cm) or imperial (lb, in)?", p["units"], default("units", "metric"))
    unit = "lb" if raw["units"] == "imperial" else "kg"
    raw["body_mass_kg"] = ask.ask(
        f"Body mass ({unit})?", _parsers(today, raw["units"])["body_mass"], default("body_mass", None)
    )

    out.rule("[bold]Your training so far", align="left")
    raw["running_experience_years"] = ask.ask(
        "How many years have you been running regularly?", p["running_years"], default("running_years", "1")
    )
    raw["strength_experience"] = ask.ask(
        f"Strength training experience: {LEVEL_HELP}?",
        p["strength_experience"],
        default("strength_experience", "novice"),
    )
    raw["consistent_strength_weeks"] = ask.ask(
        "Weeks in a row, up to now, with strength work at least twice a week (0 if none)?",
        p["strength_weeks"],
        default("strength_weeks", "0"),
    )

    out.rule("[bold]Your goal", align="left")
    start = ask.ask(
        "When do you want to start (a date, today, or a weekday)?",
        p["start"],
        default("start", q.next_monday(today).isoformat()),
        f"{q.next_monday(today):%a %d %b}" if opts.get("start") is None else None,
    )
    raw["start_date"] = start
    distance = ask.ask(
        "Training for a race (5k, 10k, half, marathon, ultra or none)?",
        p["race_distance"],
        default("race_distance", "none"),
    )
    if distance != "none":
        longest = start + dt.timedelta(weeks=MAX_PLAN_WEEKS - params.post_race_weeks)

        def race_date(text: str) -> dt.date:
            value = q.date_answer("race date", today, after=start)(text)
            if value > longest:
                raise ValueError(f"race date: by {longest:%d %b %Y}, so that the plan stays under a year")
            return value

        date = ask.ask("Race date (like 2027-04-25)?", race_date, default("race_date", None))
        name = ask.ask(
            "Race name (Enter to skip)?", lambda t: " ".join(t.split())[:80] or None, default("race_name", ""), ""
        )
        raw["race"] = {"distance": distance, "date": date, **({"name": name} if name else {})}
        weeks = (date - start).days // 7
        out.print(f"  [dim]{weeks} weeks from {start:%d %b} to race day.[/]")
    else:
        raw["plan_weeks"] = ask.ask(
            "How many weeks should the plan run?",
            p["plan_weeks"],
            default("plan_weeks", str(params.default_plan_weeks)),
        )

    out.rule("[bold]Your usual running week", align="left")
    out.print(
        "  Day by day: the run and its minutes, like [bold]easy 40[/], [bold]long 1h40[/], [bold]intervals 60[/] "
        "or [bold]easy 30, tempo 40[/].\n  Types: easy, long, tempo, intervals, race, cross_train, rest. "
        "Enter for no run."
    )
    given: dict[str, list[str]] = {}
    for text in opts.get("runs") or ():
        try:
            for r in _run_option(text):
                given.setdefault(r["day"], []).append(f"{r['type']} {r['minutes']}")
        except ValueError as err:
            out.print(f"  [yellow]--run {escape(text)}: {escape(str(err))}; ignored[/]")
    weekly = []
    for day in Weekday:
        runs = ask.ask(f"  {day.value.capitalize()}", q.runs_answer, ", ".join(given.get(day.value, [])) or "-", None)
        weekly += [{"day": day.value, "type": t.value, "minutes": m} for t, m in runs]
    raw["running"] = {"weekly": weekly}
    speed = any(r["type"] in ("tempo", "intervals", "race") for r in weekly)

    out.rule("[bold]Strength sessions", align="left")

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
            default("days", "all"),
            "any day" if not opts.get("days") else None,
        )
    ]
    preferred = ask.ask("Usual time of day for it (like 18:30 or 7am)?", q.time_answer, default("time_", ""), "any")
    if preferred:
        raw["preferred_time"] = preferred
    raw["session_cap_minutes"] = ask.ask(
        "Longest session you can fit, in minutes (20-60)?", p["cap"], default("cap", "45")
    )
    out.print(
        "  Kit: [bold]bodyweight[/] (a step and a chair), [bold]bands[/] (+ long and mini bands), "
        "[bold]dumbbells[/] (+ a kettlebell)\n  or [bold]gym[/] (everything); add single items if you like: "
        "band, kettlebell, barbell, box, balance_pad…"
    )

    def kit(text: str) -> list[str]:
        return p["equipment"](text) or ["bodyweight"]

    raw["equipment"] = ask.ask("What kit do you have?", kit, default("equipment", "bodyweight"))
    raw["pain_areas"] = ask.ask(
        "Anything that hurts when you run or train? (achilles, calf, knee, hip, lower back, hamstring, foot, shin)",
        p["pain"],
        default("pain", "none"),
    )
    if speed:
        raw["allow_double_days"] = ask.confirm(
            "On tempo or interval days, could you lift 6+ hours after the run? (heavy lifting stays off those days "
            "unless you say yes)",
            bool(opts.get("double_days")),
        )
    profile = _validate(raw)
    _summary(profile, out)
    try:
        out.print(f"[green]✓ {_check_plan(profile)}[/]")
        ok = True
    except UserError as err:
        out.print(f"[yellow]! No plan fits these answers yet: {escape(str(err))}[/]")
        ok = False
    if not ask.confirm(f"Write {path}?", ok):
        return None
    return profile


def _has_spaced_pair(indexes: list[int]) -> bool:
    return any((b - a) % 7 not in (0, 1, 6) for a in indexes for b in indexes)


def _summary(profile: Any, out: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

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
    by_day: dict[str, list[str]] = {}
    for r in profile.running.weekly:
        by_day.setdefault(r.day.value, []).append(f"{RUN_SHORT[r.type]} {r.minutes}′")
    week = "  ".join(f"{d.capitalize()} {' + '.join(v)}" for d, v in by_day.items()) or "no runs"
    t.add_row("Running week", week)
    days = ", ".join(d.value.capitalize() for d in profile.available_days)
    when = f" around {profile.preferred_time:%H:%M}" if profile.preferred_time else ""
    t.add_row("Strength", f"{days}{when}; up to {profile.session_cap_minutes} min")
    t.add_row("Kit", ", ".join(e.value for e in profile.equipment))
    t.add_row("Pain", ", ".join(p.value.replace("_", " ") for p in profile.pain_areas) or "none")
    t.add_row("Units", profile.units.value)
    if any(r.type.value in ("tempo", "intervals", "race") for r in profile.running.weekly):
        t.add_row("Double days", "yes, 6+ h after speed runs" if profile.allow_double_days else "no")
    out.print()
    out.print(t)
    out.print()
