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
from .matching import (NOT_MATCHES_SHOWN, Figure, _written_to_unit, agreeing_statistics, row_series, same_metric,
                       series_statements, why_not)
from .rounding import claim_interval, holds, rounding_tolerance, value_tolerance
from .series import SeriesKey, compatible, same_series, scopes_compatible

# the headline is the first of these a claim has: what is most wrong about it comes first
VERDICTS = ("misattributed", "conflicts", "superseded", "different_period", "rounded", "matches", "not_found")
NEAREST = 5
# a letter: a table cell's sentence is its figure alone, with none
WORD = re.compile(r"[^\W\d_]")
# the subject of staff whose body is not said (registry/subjects.yml)
UNSAID_STAFF = "staff"
# documents recording what was said on the day they are dated (Hansard, written answers): a
# figure a speaker gives there with no period is the figure of that day
SPOKEN_RECORDS = frozenset({"parliament"})
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
    quoted = _quoted_statement(claim, figure, in_period or matches)
    # one ranking of every statement of the figure: the first is the origin
    ranked = sorted(matches, key=statement_rank(claim, quoted))
    origin = ranked[0]
    group = [r for r in matches if _same_period_as(r, quoted)]
    newest = newest_of(db, claim, origin)
    conflicting = conflicts_with(db, origin)
    verdicts = _verdicts(claim, figure, origin, group, newest, conflicting, bool(in_period), bool(unread))
    if "different_period" in verdicts:
        result["same_series_in_period"] = _in_period(db, claim)
    ordered = [v for v in VERDICTS if v in verdicts]
    result.update(verdict=ordered[0], verdicts=ordered,
                  reasons=[{"verdict": v, "text": verdicts[v]} for v in ordered],
                  origin=origin, newest=newest, conflicting=conflicting,
                  statements=[{**r, "agreement": _agreement(origin, r),
                               "same_period": r in group} for r in matches if r is not origin])
    return result


def _quoted_statement(claim: ClaimFigure, figure: Figure, pool: list[dict]) -> dict:
    """The statement the claim quotes, among those of its period (or all, when none is): it
    fixes the period and the value the ranking ranks by.

    A claim with no period speaks of now: a figure quoted to its last digit ("13.7%") is the
    one stated exactly, when one is (an old figure quoted as current is read against its own
    statement, not a newer one it merely rounds to); a loosely written one ("about 4,400") the
    newest it agrees with. A claim with a period: the exact statement first, then one of the
    same period, then the nearest value ("about 15%" of two rates of its year, 14.6% and 15.7%,
    is the 14.6%), then the period ending nearest the claim's; the body the claim names, then
    the primary source, settle a tie."""
    if claim.period is None:
        precise = rounding_tolerance(claim.mention, claim.value, claim.unit) <= value_tolerance(claim.value) * 1.01
        return min(pool, key=lambda r: (not (precise and figure.exact(r)), r["period_from_publication"],
                                        -_ends(r["period"]).toordinal(), not _said_by(claim, r), *_rank(r),
                                        r["statistic_id"]))
    end = _ends(claim.period)
    return min(pool, key=lambda r: (not figure.exact(r), not same_period(r["period"], claim.period),
                                    abs(r["value"] - claim.value), abs((_ends(r["period"]) - end).days),
                                    not _said_by(claim, r), *_rank(r), r["statistic_id"]))


def statement_rank(claim: ClaimFigure, quoted: dict):
    """The one ranking of the statements of a claim's figure, as a sort key; the first is the
    origin. In order: series compatibility (a statement of the claim's series before one whose
    population was not read), period agreement (the claim's period, then the quoted statement's),
    value agreement (within rounding of the quoted figure: 14.6% and "one in seven", not 15.6% of
    the same year), primary before restatement (claims/build/figures.py), source agreement (the body the claim names among equally primary ones, the earliest
    published, the most precisely written."""
    def key(row: dict) -> tuple:
        return (_series_unread(claim, row),
                claim.period is not None and not holds_for(row, claim.period),
                not _same_period_as(row, quoted),
                row is not quoted and beyond_rounding(row["value"], row["mention"], quoted["value"],
                                                      quoted["mention"], quoted["unit"]),
                *origin_rank(bool(row["published"]), row["source"], row["publisher"], row["document_kind"]),
                not _said_by(claim, row),
                row["published"] or "9999",
                rounding_tolerance(row["mention"], row["value"], row["unit"], row["comparator"]),
                row["statistic_id"])
    return key


def _series_unread(claim: ClaimFigure, row: dict) -> bool:
    """A statement whose population was not read, where the claim's was (_unread_population)."""
    return claim.readable and row_series(row).subject != claim.key.subject and row_series(row).subject in (
        None, UNSAID_STAFF)


def _said_by(claim: ClaimFigure, row: dict) -> bool:
    return claim.source is not None and claim.source in (row["source"], row["publisher"])


def _same_period_as(row: dict, quoted: dict) -> bool:
    """The statements of one period: a level for 2023 is not one for March 2023."""
    return row["period"] == quoted["period"] or same_period(row["period"], quoted["period"])


def _verdicts(claim: ClaimFigure, figure: Figure, origin: dict, group: list[dict], newest: dict | None,
              conflicting: list[dict], in_period: bool, unread: bool) -> dict[str, str]:
    """Every verdict the claim has, each with its reason; the headline is the first of VERDICTS."""
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
    if newest and _speaks_of_now(claim) and another_figure(newest, origin):
        verdicts["superseded"] = (f"A newer figure of the same series: {newest['mention']} for "
                                  f"{newest['period']} ({newest['source']}).")
    # the claim may name the body that said it or one it is part of ("the Ministry of Justice"
    # for HMPPS's figure), never a body beside it ("the inspectorate" for PAC's)
    speakers = {name for r in group for name in (r["source"], r["publisher"]) if name}
    if claim.source and not any(claim.source == s or registry.is_part_of(s, claim.source) for s in speakers):
        verdicts["misattributed"] = (f"The claim names {claim.source}; the figure is {origin['source']}'s"
                                     f"{'' if origin['publisher'] == origin['source'] else ', published by ' + str(origin['publisher'])}.")
    if conflicting:
        verdicts["conflicts"] = "For that period " + "; ".join(
            f"{c['source']} states {c['mention']}" for c in conflicting[:3]) + "."
    if unread:
        # say how weak the match is, beside the verdict it gave
        said = next(v for v in ("matches", "different_period", "rounded") if v in verdicts)
        verdicts[said] += (f" What {origin['mention']} counts there was not read ({origin['series']}); its "
                           "measure and exact value are the claim's.")
    return verdicts


def _speaks_of_now(claim: ClaimFigure) -> bool:
    """Superseded is said of a claim speaking of now ("now", "right now", the present tense):
    one with no period whose words carry no year."""
    return claim.period is None and not A_YEAR.search(claim.sentence)


def another_figure(newer: dict, older: dict) -> bool:
    """Whether a newer statement of a series states another figure than an older: values
    rounding cannot explain, a bound the older value is on the wrong side of, or two counts each
    written to the unit that differ ("64,561" is not "64,607", whatever a five-digit count's
    rounding allows)."""
    if _written_to_unit(newer["mention"], newer["unit"]) and _written_to_unit(older["mention"], older["unit"]):
        return abs(newer["value"] - older["value"]) >= 1
    if newer["comparator"] in ("<", ">") and not holds(
            claim_interval(newer["mention"], newer["value"], newer["unit"], newer["comparator"]), older["value"]):
        return True  # "more than a quarter of a million" is not 243,000
    return beyond_rounding(newer["value"], newer["mention"], older["value"], older["mention"], older["unit"])


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
    with no period by a body of its own figure, or by a speaker in a record of what was said
    that day (as of then: "Probation supervises a quarter of a million people", a minister in
    the Commons in 2019)."""
    key = row_series(origin)
    dated = [r for r in same_metric(db, origin["metric"], origin["unit"], origin["measure"])
             if (not r["period_from_publication"] or r["source"] == r["publisher"]
                 or r["document_kind"] in SPOKEN_RECORDS)
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
