"""UserError carries structured problems, so the CLI and the web map them by field; older
`UserError("field: message")` code keeps working and is read in one place."""

from __future__ import annotations

import pickle

from runstrong.cli.main import describe_user_error
from runstrong.errors import Problem, UserError


def test_a_problem_raised_with_its_field_and_fix_keeps_them_as_attributes():
    err = UserError("must be after start_date", field="race.date", fix="give a later date", source="ann.toml")
    assert (err.field, err.fix, err.source) == ("race.date", "give a later date", "ann.toml")
    assert str(err) == "ann.toml: race.date: must be after start_date; give a later date"
    assert err.problem.loc == ("race", "date")


def test_an_older_field_first_message_is_read_into_its_parts():
    err = UserError("ann.toml: race.date: must be after start_date\nann.toml: age: must be at least 14")
    assert [(p.source, p.field) for p in err.problems] == [("ann.toml", "race.date"), ("ann.toml", "age")]
    assert str(err).startswith("ann.toml: race.date: must be")
    assert UserError("--date: 'x' is not a date").field == "--date"
    assert UserError("something went wrong").field == ""


def test_the_cli_names_a_field_by_its_flag_from_the_table_and_prints_the_fix():
    shown = describe_user_error(UserError("is in the future", field="session_rpe", fix="log a past day"))
    assert shown == "Error: --rpe: is in the future\n  Fix: log a past day"
    from_file = describe_user_error(UserError("not UTF-8", field="encoding", fix="save as UTF-8", source="a.csv"))
    assert from_file.startswith("Error: a.csv: encoding: not UTF-8")


def test_a_subclass_that_sets_its_own_problems_keeps_them():
    class FormError(UserError):
        def __init__(self, problems: list) -> None:
            self.problems = problems
            super().__init__("; ".join(problems))

    assert FormError(["a: b"]).problems == ["a: b"]


def test_user_errors_survive_pickling_like_any_exception():
    again = pickle.loads(pickle.dumps(UserError("race.date: must be later")))
    assert again.problem == Problem("race.date", "must be later")


def test_lines_that_name_no_field_continue_the_problem_before():
    err = UserError("plan.toml: available_days: no way to place\nDays ruled out:\n  - Mon\nWays out: add days")
    (problem,) = err.problems
    assert problem.field == "available_days" and problem.message.endswith("  - Mon\nWays out: add days")
    assert describe_user_error(err).count("Error:") == 1
