"""A recent bone stress injury (the profile's `health` = bone_stress, with `bone_stress_site` and
`cleared_to_run`): the bone is loaded back pain-free (bone-stress-return: Warden, Davis &
Fredericson 2014; Hoenig et al. 2022), not through a pain zone as a tendon is (pain-monitoring).

- pain at the site, during or after, is a stop sign and a reason to see the clinician: the site's
  areas (`vocab.SITE_AREAS`) are never on a pain ladder (the profile refuses them among
  `pain_areas`, `profile_checks.bone_stress_entry`), and the plan's words say there is no zone;
- strength work goes on, heavy lifting included (bone responds to it), and a lower-leg or foot site
  gets loaded calf work;
- impact comes back in stages after the clearance (`health.week_limits`, `health._stage`): none for
  `bone_stress_impact_weeks` (not even a landing), then landings and the easiest hops on both feet,
  single-leg hops and landings and, last,
  high-impact jumps, each stage `bone_stress_stage_weeks` long; a high-risk site
  (`vocab.HIGH_RISK_SITES`) waits and climbs more slowly (the `high_risk_` params);
- the plan's notes ask for the clinician's clearance of each stage.

What cannot be planned is refused by field: no clearance yet, or a clearance after the start."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .accessory_words import push_off
from .model import AthleteProfile, Health, PainArea, Pattern
from .vocab import AREA_NAME, BONE_SITE_NAME, HIGH_RISK_SITES, LOWER_LEG_SITES, SITE_AREAS, spoken_list

RULE = "bone-stress-return"


def injured(profile: AthleteProfile) -> bool:
    """Whether the runner reports a bone stress injury with its site and clearance (the model
    refuses one without them)."""
    return (
        Health.bone_stress in profile.health
        and profile.bone_stress_site is not None
        and (profile.cleared_to_run is not None)
    )


def site_areas(profile: AthleteProfile) -> tuple[PainArea, ...]:
    """The painful areas the site's pain is felt in (none without a bone stress injury)."""
    return SITE_AREAS[profile.bone_stress_site] if injured(profile) else ()  # type: ignore[index]


def site_name(profile: AthleteProfile) -> str:
    return BONE_SITE_NAME[profile.bone_stress_site]  # type: ignore[index]


def high_risk(profile: AthleteProfile) -> bool:
    return injured(profile) and profile.bone_stress_site in HIGH_RISK_SITES


def lower_leg(profile: AthleteProfile) -> bool:
    """A site in the lower leg or foot: loaded calf work carries its return."""
    return injured(profile) and profile.bone_stress_site in LOWER_LEG_SITES


def waits(profile: AthleteProfile, p: Any) -> tuple[dt.date, int, int]:
    """(the clearance day, weeks before any hop, weeks of each stage after it): longer at a
    high-risk site."""
    if high_risk(profile):
        return profile.cleared_to_run, p.bone_stress_high_risk_impact_weeks, p.bone_stress_high_risk_stage_weeks  # type: ignore[return-value]
    return profile.cleared_to_run, p.bone_stress_impact_weeks, p.bone_stress_stage_weeks  # type: ignore[return-value]


def holds(weeks: Any, library: Any) -> tuple[bool, bool]:
    """(loaded calf work, a heavy session): what the plan's weeks hold that its note names."""
    return loaded_calf(weeks, library), any(s.heavy for w in weeks for s in w.sessions)


def loaded_calf(weeks: Any, library: Any) -> bool:
    """Whether the plan's weeks hold calf work for the push-off with a load (a calf or soleus raise
    with a weight: what a lower-leg site's note names)."""
    return any(
        b.exercise_id in library and library.get(b.exercise_id).pattern == Pattern.calf_ankle
        and push_off(library.get(b.exercise_id)) and bool(b.prescription.load_kg)
        for w in weeks for s in w.sessions for b in s.blocks
    )  # fmt: skip


def stop_words(profile: AthleteProfile) -> str:
    """The one sentence of the stop sign, as every place of the plan says it."""
    return (
        f"Any pain at your {site_name(profile)}, during or after a session or a run, is a stop sign: stop and "
        "see your clinician (a bone stress injury has no pain zone to load through)"
    )


def cue(profile: AthleteProfile) -> str:
    """The cue an impact exercise carries for a runner back from a bone stress injury."""
    return f"Stop at any pain in your {site_name(profile)} and see your clinician."


def week_head(profile: AthleteProfile, week_start: dt.date) -> str:
    """The first words of a week's health reason: where, and how long since the clearance."""
    cleared = profile.cleared_to_run
    weeks = (week_start - cleared).days // 7  # type: ignore[operator]
    since = f" ({weeks} week{'s' if weeks != 1 else ''} before this week)" if weeks > 0 else ""
    return (
        f"Bone stress injury at your {site_name(profile)}, cleared to run on {cleared:%d %b %Y}{since}: strength "
        f"work goes on pain-free, heavy lifting allowed. {stop_words(profile)}"
    )


def before_impact(back: dt.date) -> str:
    """A week before the first hops: what waits, and until when."""
    return f"no hops, jumps or landings until {back:%d %b %Y}, and then only once your clinician agrees"


def zone_exception(profile: AthleteProfile) -> str | None:
    """What the pain notes add for a runner with other painful areas: the zone is not for the site."""
    if not injured(profile):
        return None
    return (
        f"That zone is not for your {site_name(profile)}, the site of your bone stress injury: any pain there is a "
        f"stop sign; stop and see your clinician ({RULE})."
    )


def notes(profile: AthleteProfile, p: Any, calf: bool, heavy: bool = True) -> list[str]:
    """The plan's note: the stop sign, the loading, the stages of impact with their dates, and
    the clinician's clearance (`calf`: the plan holds loaded calf work; `heavy`: a heavy session)."""
    if not injured(profile):
        return []
    cleared, wait, g = waits(profile, p)
    back, single, high = (cleared + dt.timedelta(weeks=w) for w in (wait, wait + g, wait + 2 * g))
    areas = spoken_list([AREA_NAME[a] for a in site_areas(profile)], "or")
    risk = (
        " It is a high-risk site, so impact waits longer and each stage is longer; a missed warning sign there can "
        "become a complete fracture."
        if high_risk(profile)
        else ""
    )
    calf_words = " and loaded calf raises build the lower leg" if calf and lower_leg(profile) else ""
    lifting = "goes on" if heavy else "is welcome once your level and kit bring it"
    return [
        f"Bone stress injury at your {site_name(profile)}, cleared to run on {cleared:%d %b %Y}: the plan loads the "
        f"bone back pain-free. Heavy lifting, which bone responds to, {lifting}{calf_words}. {stop_words(profile)}; "
        f"the 0-10 pain zone of the other notes is not for your {areas} here. Impact comes back in stages after the "
        f"clearance: no hops, jumps or landings before {back:%d %b %Y} ({wait} weeks), then landings and the "
        "easiest hops on both feet, "
        f"single-leg hops from {single:%d %b %Y} and high-impact jumps (bounds, box and depth jumps) from "
        f"{high:%d %b %Y}.{risk} Ask your clinician to confirm your clearance and each stage before it starts, and "
        f"about what caused the injury (training load, energy availability, bone health) ({RULE})."
    ]
