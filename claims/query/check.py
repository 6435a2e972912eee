"""Check a claim as it was quoted ("Probation officer vacancies have hit 21%, according to the
inspectorate"): read it with the extraction pipeline (claims/query/claim_reader.py), find each
figure in the corpus by the one matching rule (claims/query/matching.py), and give it one headline
verdict, the reasons beneath it, its origin, every other statement of it and the newest
figure of its series.

The JSON this returns is what `claims check --json` prints and `/-/check.json` serves; a
benchmark scores `verdict` and `origin.statistic_id`."""
from __future__ import annotations

import re
from datetime import date

import sqlite_utils

import registry
from extract.period_value import Period

from .claim_reader import ClaimFigure, clean_query, read_claim
from .conflicts import beyond_rounding, conflicts_with, overlapping, same_period
from ..build.figures import origin_rank
from .limits import Deadline
from .matching import (NOT_MATCHES_SHOWN, Figure, agreeing_statistics, primary_first, row_series, same_metric,
                       series_statements, why_not)
from .rounding import holds, rounding_tolerance, value_tolerance
from .series import SeriesKey, compatible, same_series, scopes_compatible

# the headline is the first of these a claim has: what is most wrong about it comes first
VERDICTS = ("misattributed", "conflicts", "superseded", "different_period", "rounded", "matches", "not_found")
NEAREST = 5
# a letter: a table cell's sentence is its figure alone, with none
WORD = re.compile(r"[^\W\d_]")
# the subject of staff whose body is not said (registry/subjects.yml)
UNSAID_STAFF = "staff"
# a year written in a claim ("in mid-2023") dates it even where no period was read from it
A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def check_text(db: sqlite_utils.Database, extractor, text: str, today: date | None = None,
               deadline: Deadline | None = None) -> dict:
    """{"query": ..., "claims": [...]}: each figure of `text`, checked. Raises ClaimRefused for
    a text past the length or figure cap."""
    query = clean_query(text)
    return check_figures(db, query, read_claim(extractor, query, today), deadline)


def check_figures(db: sqlite_utils.Database, query: str, figures: list[ClaimFigure],
                  deadline: Deadline | None = None) -> dict:
    claims = []
    for figure in figures:
        if deadline:
            deadline.check()
        claims.append(check_figure(db, figure))
    return {"query": query, "claims": claims}


def check_figure(db: sqlite_utils.Database, claim: ClaimFigure) -> dict:
    figure = Figure(claim.mention, claim.value, claim.unit, claim.tolerance, claim.key, claim.allows_parts)
    agreeing = agreeing_statistics(db, figure)
    same = [r for r in agreeing if claim.readable and figure.same_series(r) and figure.same_place(db, r)]
    # the claim rounds a statement when the claim's interval holds the statement's value: a
    # precise claim ("464") is never a rounding of a loose statement ("about 500")
    matches = [r for r in same if figure.agrees_as_written(r) and holds(claim.interval, r["value"])]
    unread = [] if matches else _unread_population(claim, figure, agreeing)
    matches = matches or unread
    result = {"sentence": claim.sentence, "mention": claim.mention, "value": _number(claim.value), "unit": claim.unit,
              "metric": claim.metric, "subject": claim.subject, "measure": claim.measure,
              "series": claim.key.label, "readable": claim.readable, "period": claim.period,
              "named_source": claim.source, "verdict": None, "verdicts": [], "reasons": [], "origin": None,
              "statements": [], "newest": None, "conflicting": [], "same_series_in_period": [],
              "other_measures": [{**r, "why_not": why_not(r, claim.readable and figure.same_series(r))}
                                 for r in agreeing if r not in same and r not in unread][:NOT_MATCHES_SHOWN],
              "nearest": []}
    if not matches:
        return _not_found(db, claim, result)
    in_period = [r for r in matches if claim.period is None or holds_for(r, claim.period)]
    pool = in_period or matches
    # the period the claim's figure was stated for: one with an exact statement of it first;
    # its origin is the primary source of that series and period, and the claim is read
    # against the origin's figure ("about 4,400" is a rounding of HMPPS's 4,371, though a
    # blog wrote 4,400)
    # a claim with no period speaks of now: it is read against the newest dated statement its
    # figure agrees with (so an old figure quoted as current is superseded, a current one not)
    ranked = primary_first(pool)
    if claim.period is None:
        # a figure quoted to its last digit ("13.7%") is the one stated exactly, when one is:
        # an old figure quoted as current is read against its own statement, not a newer one
        # it merely rounds to; a loosely written one ("about 4,400") against the newest
        precise = rounding_tolerance(claim.mention, claim.value, claim.unit) <= value_tolerance(claim.value) * 1.01
        stated = min(pool, key=lambda r: (not (precise and figure.exact(r)), r["period_from_publication"],
                                          -_ends(r["period"]).toordinal(), ranked.index(r)))
    else:
        # the statement of the claim's own period: exact first, then one of the same period,
        # then the nearest value ("about 15%" of two rates of its year, 14.6% and 15.7%, is
        # the 14.6%), then the period ending nearest the claim's
        end = _ends(claim.period)
        stated = min(pool, key=lambda r: (not figure.exact(r), not same_period(r["period"], claim.period),
                                          abs(r["value"] - claim.value), abs((_ends(r["period"]) - end).days),
                                          ranked.index(r)))
    # the statements of that one period: a level for 2023 is not one for March 2023
    group = [r for r in matches if r["period"] == stated["period"] or same_period(r["period"], stated["period"])]
    # the origin states the same figure as that statement (14.6% and "one in seven", not
    # 15.6% of the same year), the primary source first, then the most precisely written
    same_figure = [r for r in group if r is stated or not beyond_rounding(
        r["value"], r["mention"], stated["value"], stated["mention"], stated["unit"])]
    origin = min(same_figure, key=lambda r: (_rank(r), rounding_tolerance(r["mention"], r["value"], r["unit"],
                                                                            r["comparator"]), r["statistic_id"]))
    verdicts: dict[str, str] = {}
    if claim.period is not None and not in_period:
        verdicts["different_period"] = (f"The claim says {claim.period}; the figure held for "
                                        f"{origin['period'] or 'an unstated period'}.")
    if not figure.exact(origin):
        verdicts["rounded"] = (f"The corpus states {origin['mention']} ({origin['source']}); the claim's "
                               f"{claim.mention} is a rounding of it.")
    elif "different_period" not in verdicts:
        verdicts["matches"] = (f"{origin['source']} stated {origin['mention']} for "
                               f"{origin['period'] or 'an unstated period'}.")
    newest = newest_of(db, claim, origin)
    # superseded is said of a claim speaking of now: one whose words carry a year is dated
    speaks_of_now = claim.period is None and not A_YEAR.search(claim.sentence)
    if newest and speaks_of_now and beyond_rounding(newest["value"], newest["mention"], origin["value"],
                                                    origin["mention"], origin["unit"]):
        verdicts["superseded"] = (f"A newer figure of the same series: {newest['mention']} for "
                                  f"{newest['period']} ({newest['source']}).")
    # the claim may name the body that said it or one it is part of ("the Ministry of Justice"
    # for HMPPS's figure), never a body beside it ("the inspectorate" for PAC's)
    speakers = {name for r in group for name in (r["source"], r["publisher"]) if name}
    if claim.source and not any(claim.source == s or registry.is_part_of(s, claim.source) for s in speakers):
        verdicts["misattributed"] = (f"The claim names {claim.source}; the figure is {origin['source']}'s"
                                     f"{'' if origin['publisher'] == origin['source'] else ', published by ' + str(origin['publisher'])}.")
    conflicting = conflicts_with(db, origin)
    if conflicting:
        verdicts["conflicts"] = "For that period " + "; ".join(
            f"{c['source']} states {c['mention']}" for c in conflicting[:3]) + "."
    if "different_period" in verdicts:
        result["same_series_in_period"] = _in_period(db, claim)
    if unread:
        # say how weak the match is, beside the verdict it gave
        said = next(v for v in ("matches", "different_period", "rounded") if v in verdicts)
        verdicts[said] += (f" What {origin['mention']} counts there was not read ({origin['series']}); its "
                           "measure and exact value are the claim's.")
    ordered = [v for v in VERDICTS if v in verdicts]
    result.update(verdict=ordered[0], verdicts=ordered,
                  reasons=[{"verdict": v, "text": verdicts[v]} for v in ordered],
                  origin=origin, newest=newest, conflicting=conflicting,
                  statements=[{**r, "agreement": _agreement(origin, r),
                               "same_period": r in group} for r in matches if r is not origin])
    return result


def _unread_population(claim: ClaimFigure, figure: Figure, agreeing: list[dict]) -> list[dict]:
    """Statements of the claim's exact figure, written to its last digit ("19,335", "20,477"),
    whose metric, unit, measure and place are the claim's but whose population is not said: a
    table cell whose population is in a caption or header out of reach, or staff whose body
    the sentence does not name ("At 31 Dec 2023 there were 20,477 FTE staff in post" on a
    probation staffing page). The same figure, when nothing of the claim's series states it.
    A round figure ("20%", "600") is too common to be one by its digits, and a sentence that
    says what it counts and was not read may count anything else."""
    precise = rounding_tolerance(claim.mention, claim.value, claim.unit) <= value_tolerance(claim.value) * 1.01
    if not (claim.readable and precise and claim.comparator == "="):
        return []
    return [r for r in agreeing if figure.exact(r) and r["comparator"] in (None, "=")
            and _population_unread(claim.key, row_series(r))
            and (row_series(r).subject is not None  # staff, whose not said
                 or not WORD.search((r["sentence"] or "").replace(r["mention"] or "", "", 1)))]


def _population_unread(claim: SeriesKey, row: SeriesKey) -> bool:
    """A statement of the claim's metric, unit, measure and place whose population was not
    read, or is staff of a body not said where the claim names whose staff they are."""
    return (row.subject in (None, UNSAID_STAFF) and claim.subject != row.subject
            and (row.metric, row.unit, row.measure) == (claim.metric, claim.unit, claim.measure)
            and scopes_compatible(claim.scope, row.scope))


def _not_found(db: sqlite_utils.Database, claim: ClaimFigure, result: dict) -> dict:
    if not claim.readable:
        reason = (f"What {claim.mention} measures could not be read (metric {claim.metric or 'unknown'}, subject "
                  f"{claim.subject or 'unknown'}), so no figure in the corpus can be the same figure.")
    else:
        reason = f"No figure of the same series ({claim.key.label}) agrees with {claim.mention}."
    result.update(verdict="not_found", verdicts=["not_found"], reasons=[{"verdict": "not_found", "text": reason}])
    result["same_series_in_period"] = _in_period(db, claim)
    if claim.readable:
        shown = {r["statistic_id"] for r in result["same_series_in_period"]}
        result["nearest"] = sorted((r for r in _series(db, claim) if r["statistic_id"] not in shown),
                                   key=lambda r: abs(r["value"] - claim.value))[:NEAREST]
    return result


# a statement dated only by its publication states the figure of the time before it was
# published; a claim's period ending within this many days before then may be that figure's
STATED_BEFORE_PUBLICATION_DAYS = 366


def holds_for(row: dict, period: str) -> bool:
    """Whether a statement's figure can be of the claim's period: their periods overlap, or
    the statement gives no period of its own and the claim's ends in the year before it was
    published ("In March 2022, 4% held more than 50 cases", answered in June 2022)."""
    if overlapping(row["period"], period):
        return True
    claimed, stated = Period.parse(period), Period.parse(row["period"])
    if not (row["period_from_publication"] and claimed and stated):
        return False
    before = (stated.end - claimed.end).days
    return 0 <= before <= STATED_BEFORE_PUBLICATION_DAYS


def _rank(row: dict) -> tuple:
    """Where a statement stands among origins (claims/build/figures.py) and when it was
    published: primary_first's order before its tie-break."""
    return (*origin_rank(bool(row["published"]), row["source"], row["publisher"], row["document_kind"]),
            row["published"] or "9999")


def _series(db: sqlite_utils.Database, claim: ClaimFigure, years: tuple[int, int] | None = None) -> list[dict]:
    return series_statements(db, claim.key, claim.allows_parts, years)


def _in_period(db: sqlite_utils.Database, claim: ClaimFigure) -> list[dict]:
    """What the corpus states for the claim's series and period ("There were 500 probation
    officer vacancies in December 2020": 464), when the claim states a period; for a claim
    whose population could not be read ("500 vacancies in December 2020"), every statement of
    its metric for that period: shown, never a match."""
    period = Period.parse(claim.period)
    if period is None or claim.key.metric in (None, "other"):
        return []
    years = (period.start.year, period.end.year + 1)
    if claim.readable:
        in_years = _series(db, claim, years)
    else:
        in_years = same_metric(db, claim.metric, claim.unit, claim.measure, years)
    return [r for r in in_years if overlapping(r["period"], claim.period)]


def newest_of(db: sqlite_utils.Database, claim: ClaimFigure, origin: dict) -> dict | None:
    """The newest figure of the origin's series, when it is newer than it: dated, or stated
    by a body of its own figure with no period (as of when it published it: "Probation
    supervises a quarter of a million people", the ministry in 2019)."""
    key = row_series(origin)
    dated = [r for r in same_metric(db, origin["metric"], origin["unit"], origin["measure"])
             if (not r["period_from_publication"] or r["source"] == r["publisher"])
             and r["value_high"] is None and Period.parse(r["period"])
             and (same_series(key, row_series(r)) or compatible(claim.key, row_series(r), claim.allows_parts))]
    if not dated:
        return None
    newest = max(dated, key=lambda r: (_ends(r["period"]), r["published"] or ""))
    if _ends(newest["period"]) <= _ends(origin["period"]):
        return None
    return newest


def _ends(period: str | None) -> date:
    """The last day of a stored period, the earliest date for none."""
    parsed = Period.parse(period)
    return parsed.end if parsed else date.min


def _agreement(origin: dict, row: dict) -> str:
    """How a statement states the origin's figure: "exact", or "rounded: 21% for 21.3%"."""
    if abs(row["value"] - origin["value"]) <= value_tolerance(origin["value"]):
        return "exact"
    return f"rounded: {row['mention']} for {origin['mention']}"


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
