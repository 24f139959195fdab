"""`runstrong review --all`: every athlete's weekly review at once (a coach's Monday),
optionally in several processes (`--jobs N`): each reviews its share of the athletes on
a store of its own, so the work scales with cores; one line (or JSON object) per athlete, or a
Markdown page a coach files (`--format markdown -o monday.md`)."""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import click

from runstrong.cli.diary_common import clock_now, clock_today, open_diary
from runstrong.errors import UserError

CHUNK = 25  # athletes per task with --jobs at most: tasks handed out as workers free up even out their ends
# athletes read together and reviewed with the collector paused: ten make the statements ten times fewer,
# and the cyclic garbage of ten reviews (~2.4 MB each) is what waits for the collection after them
BATCH = 10


def review_everyone(
    db: str | None, week_start: dt.date | None, fmt: str, accept: bool, jobs: int, output: Path | None = None
) -> None:
    """Review every athlete in the diary (and write each new plan version with `accept`): a
    line each, a Markdown page a coach files (`markdown`), or JSON; to `output` if given."""
    from runstrong.store import repo

    if jobs < 1:
        raise UserError("--jobs: give 1 or more processes")
    with open_diary(db) as store, store.read() as s:
        names = [a.name for a in repo.list_athletes(s)]
    if not names:
        raise UserError("--all: the diary has no athlete yet; add one with `runstrong athlete add PROFILE`")
    today, now = clock_today(), clock_now()
    size = max(1, min(CHUNK, -(-len(names) // (jobs * 4))))  # a few tasks per worker at least
    chunks = [names[i : i + size] for i in range(0, len(names), size)]
    if jobs == 1 or len(chunks) == 1:
        results = review_names(db, names, week_start, today, now, accept)
    else:
        _load_before_fork()
        with ProcessPoolExecutor(min(jobs, len(chunks))) as pool:  # chunks handed out as workers free up
            parts = pool.map(review_names, [db] * len(chunks), chunks, [week_start] * len(chunks),
                             [today] * len(chunks), [now] * len(chunks), [accept] * len(chunks))  # fmt: skip
            results = [r for part in parts for r in part]  # in the diary's order: map keeps the chunks' order
    if fmt == "json":
        text = json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n"
    elif fmt == "markdown":
        text = monday_markdown(results, today)
    else:
        text = "".join(_line(r) + "\n" for r in results)
    if output is None:
        click.echo(text, nl=False)
        return
    from runstrong.io.files import write_atomically

    write_atomically(output, text)
    click.echo(f"Wrote {output}.", err=True)


def _load_before_fork() -> None:
    """The planning context and the review's modules, loaded once here: forked workers start
    with them (and with the context's memo) instead of each loading its own."""
    import runstrong.flows.review
    import runstrong.store.review_batch  # noqa: F401
    from runstrong.cli import collector
    from runstrong.io.data_files import load_context

    load_context()
    collector.freeze_long_lived()  # and the workers' copies of these pages stay shared


def review_names(
    db: str | None, names: list[str], week_start: dt.date | None, today: dt.date, now: dt.datetime, accept: bool
) -> list[dict[str, Any]]:
    """Each named athlete's review in short, on a store of this process's own, read a chunk
    of athletes at a time (`store.review_batch`: a few statements a chunk, not a dozen an athlete)."""
    from runstrong.cli import collector
    from runstrong.flows.base import Clock
    from runstrong.io.data_files import load_context

    ctx = load_context()
    collector.freeze_long_lived()
    with open_diary(db) as store:
        out = []
        for i in range(0, len(names), BATCH):
            with collector.paused():
                out += _review_chunk(store, names[i : i + BATCH], week_start, Clock(now, today), accept, ctx)
        return out


def _review_chunk(
    store: Any, names: list[str], week_start: dt.date | None, clock: Any, accept: bool, ctx: Any
) -> list[dict[str, Any]]:
    from runstrong.store.review_batch import prepare_reviews
    from runstrong.store.roster_flags import diary_stamp

    with store.read() as s:  # no trend: a line or object an athlete shows none (7 weeks of metrics each)
        reviewed = prepare_reviews(s, names, week_start, clock.today, ctx, with_trend=False)
        # with `accept`: each diary's stamp as read, so the write takes the review worked out here
        stamps = {r.name: diary_stamp(s, r.outcome.athlete.id) for r in reviewed if accept and r.error is None}
    out = []
    for r in reviewed:
        try:  # one athlete without a plan does not stop the others
            if r.error is not None:
                raise r.error
            out.append(_summary(store, r, clock, stamps.get(r.name), ctx))
        except UserError as err:
            out.append({"athlete": r.name, "error": str(err)})
    return out


def _summary(store: Any, r: Any, clock: Any, stamp: str | None, ctx: Any) -> dict[str, Any]:
    """One athlete's review in short (and, given the diary's `stamp` as read, the new plan
    version written: the review worked out in the read, or again if the diary has changed)."""
    from runstrong.flows.review import Prepared, accept_review

    outcome = r.outcome
    written = None
    if stamp is not None:
        stored = accept_review(store, r.name, outcome.review.week_start, clock, ctx, None,
                               expected_version=r.diary_version, prepared=Prepared(outcome, stamp)).stored  # fmt: skip
        written = stored.plan_version if stored.new_plan else None
    from runstrong.core.review import roster

    review = outcome.review
    actions: dict[str, int] = {}
    for d in review.decisions:
        action = str(getattr(d.action, "value", d.action))
        actions[action] = actions.get(action, 0) + 1
    return {"athlete": r.name, "week_start": review.week_start.isoformat(),
            "flags": len(review.flags), "decisions": actions, "changes": len(outcome.changes),
            "plan_version": outcome.plan_version, "new_plan_version": written,
            "flag_texts": [f.text for f in review.flags], "decided": roster.decided(review, ctx.library),
            "summary": roster.line(review, ctx.library),
            "changes_said": roster.changes_line(outcome.differences, ctx.library)}  # fmt: skip


def _line(r: dict[str, Any]) -> str:
    if "error" in r:
        return f"{r['athlete']}: {r['error']}"
    written = (f"plan version {r['new_plan_version']} written" if r["new_plan_version"]
               else f"{r['changes']} change(s) to plan version {r['plan_version']}")  # fmt: skip
    said = f" ({r['changes_said']})" if r.get("changes_said") else ""
    return f"{r['athlete']}: week of {r['week_start']}: {r['summary']}; {written}{said}"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (a name or a flag with a bar or a line break)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def monday_markdown(results: list[dict[str, Any]], today: dt.date) -> str:
    """A coach's Monday as a page to file: one row per athlete (flags in their own words, what
    the review decided, the plan), athletes with flags first, then the ones whose review failed."""
    flagged = sorted((r for r in results if "error" not in r), key=lambda r: -r["flags"])
    rows = ["| Athlete | Week of | Flags | Decided | Plan |", "|---|---|---|---|---|"]
    for r in flagged:
        flags = "; ".join(_cell(t).rstrip(".") for t in r["flag_texts"]) or "–"
        decided = "; ".join(f"{action} {', '.join(names)}" for action, names in r["decided"].items()) or "–"
        plan = (f"version {r['new_plan_version']} written" if r["new_plan_version"]
                else f"{r['changes']} change(s) to version {r['plan_version']}, not written")  # fmt: skip
        plan += f": {_cell(r['changes_said'])}" if r.get("changes_said") else ""
        rows.append(f"| {_cell(r['athlete'])} | {r['week_start']} | {flags} | {_cell(decided)} | {plan} |")
    failed = [f"- {_cell(r['athlete'])}: {_cell(r['error'])}" for r in results if "error" in r]
    with_flags = sum(1 for r in flagged if r["flags"])
    head = f"# Weekly reviews, {today:%a %d %b %Y}\n\n{len(results)} athlete(s), {with_flags} with flags."
    tail = ["", "## Not reviewed", "", *failed] if failed else []
    see = ["", "Each athlete's full review: `runstrong review -a NAME`."]
    return "\n".join([head, "", *rows, *tail, *see]) + "\n"
