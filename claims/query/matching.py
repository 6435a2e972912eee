"""The one matching rule of check, trace, conflicts and superseded: a figure of a claim and a
stored statistic are the same figure only when their series are compatible
(claims/query/series.py) AND their values agree within rounding (claims/query/rounding.py). A claim
whose metric or subject cannot be read matches nothing; the statistics that only share its
number are "the same number, measuring something else", listed apart.

Also the one record a statistic is shown as (a statement) and where its figure sits in its
sentence, from the offsets extraction stored."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlite_utils

from registry.subjects import (is_part_of, metric_of_subject, outermost, scope_is_within, scope_label, scopes,
                               subject_of, subjects)

from .export import EXPORT_FIELDS, STATISTICS_SQL, _record
from ..build.figures import origin_rank
from .rounding import (LOOSE_REACH_SQL, LOOSELY_WRITTEN_SQL, agrees_with_written, rounding_tolerance,
                       value_tolerance, widest_tolerance)
from ..build.schema import LOOSELY_WRITTEN_INDEX
from .series import GENERIC_STAFF, STAFF_METRICS, SeriesKey, compatible, is_readable

# a statement: the export record, what it measures and where its figure sits in its sentence
STATEMENT_FIELDS = [*EXPORT_FIELDS, "subject_id", "scope", "series_id", "series", "highlight", "document_kind",
                    "passage_id"]
CANDIDATE_LIMIT = 1000
NOT_MATCHES_SHOWN = 20  # statistics sharing a figure's number but not its series, listed at most


def row_series(row: dict) -> SeriesKey:
    """A statement's series, as the build stored it (statistics.subject_id and scope, from
    claims/query/series.py's series_key); pay asked for is a target (asked_for)."""
    subject = row["subject_id"]
    if subject not in GENERIC_STAFF and row["metric"] in STAFF_METRICS and whose_staff_unsaid(row):
        subject = None  # unread: one of the bodies named, not staff of a body the page is about
    metric = metric_of_subject(row["metric"] or None, subject)
    measure = row["measure"] or "level"
    if metric in PAY_METRICS and measure != "target" and asked_for(row):
        measure = "target"
    return SeriesKey(metric, subject, row["unit"] or None, measure, row["scope"])


# the staff of a body named as the body: the Probation Service's staff are probation staff
BODY_STAFF = {"probation_service": "probation_staff", "hmpps": "hmpps_staff", "crcs": "crc_staff",
              "probation_trusts": "probation_staff"}


def whose_staff_unsaid(row: dict) -> bool:
    """A staff figure whose own words say only "staff" ("the overall staff numbers increased by
    14.0%") in a sentence naming the staff of two bodies or more ("FTE in PSP ..., FTE in the
    Probation Service ...") says not whose staff it counts, whichever one the build took; unless
    its own clause names the one body ("FTE in the Probation Service increased by 6,691 (66.8%)")."""
    if row.get("subject") is None or subject_of(row["subject"]) not in GENERIC_STAFF:
        return False
    sentence = row.get("sentence") or ""
    if len(_staff_bodies(sentence)) < 2:
        return False
    at = max(_figure_at(row), 0)
    clause = sentence[max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, at)), default=0):at]
    return _staff_bodies(clause) != {row["subject_id"]}


CLAUSE_BREAK = re.compile(r"[;:]|,\s")  # not the comma of "6,691"


def _staff_bodies(text: str) -> set[str]:
    """The staff of the bodies a text names (the Probation Service's, PSP's, HMPPS's)."""
    bodies = {BODY_STAFF.get(found[0], found[0]) for found in outermost(subjects().find(text))}
    return {b for b in bodies if b == "hmpps_staff" or is_part_of(b, "hmpps_staff")}


def _figure_at(row: dict) -> int:
    """Where a statement's figure starts in its sentence, -1 when it is not shown there."""
    if row.get("highlight"):
        return row["highlight"][0]
    place = highlight(row.get("sentence") or "", row.get("mention") or "",
                      (row.get("start") or 0) - (row.get("sentence_start") or 0))
    return place[0] if place else -1


# pay a union claims, demands or says is needed is asked for, not had: "our original claim of
# 12%", "a claim for a 12% pay increase", "would need a 68% pay rise" (a target of pay, whatever
# measure extraction read); "an award of 12%" and "pay rose 12%" are had
PAY_METRICS = frozenset({"pay_award", "pay_change"})
ASKED_FOR = re.compile(r"\b(?:claims?|claiming|demands?|demanded|demanding|asking for|asked for|calls? for|"
                       r"called for|calling for|would need|needs?|needed|seeking|sought)"
                       r"(?:\s+(?:of|for))?(?:\s+(?:an?|the))?(?:\s+(?:further|another|extra|additional|minimum|total))?\s*$", re.I)
BEFORE_CHARS = 40  # how far before a figure its asking words are read


def asked_for(row: dict) -> bool:
    """Whether the words just before a stored figure ask for it."""
    sentence, at = row.get("sentence") or "", _figure_at(row)
    return at > 0 and ASKED_FOR.search(sentence[max(0, at - BEFORE_CHARS):at]) is not None


@dataclass
class Figure:
    """A figure to look for: its value as written and, when it was read, its series."""
    mention: str
    value: float
    unit: str
    tolerance: float  # the values the figure as written stands for (claims/query/rounding.py)
    key: SeriesKey | None  # None: a bare number, no series asked for
    allows_parts: bool = False
    any_unit: bool = False  # a bare count ("21") finds the value in any unit ("21%")
    # the places each document is about, read once per figure (same_place)
    places: dict = field(default_factory=dict, repr=False, compare=False)

    def agrees(self, row: dict) -> bool:
        return agrees_with_written(self.value, self.tolerance, row["mention"], row["value"], row["unit"],
                                   row["comparator"])

    def agrees_as_written(self, row: dict) -> bool:
        """Two counts each written to the unit ("5,234" and "5,213") are one value only when
        equal: neither is a rounding of the other, whatever tolerance the scale allows."""
        if _written_to_unit(self.mention, self.unit) and _written_to_unit(row["mention"], row["unit"]) \
                and row["comparator"] in (None, "=") and self.unit == row["unit"]:
            return abs(row["value"] - self.value) < 1
        if row["comparator"] == "~" and self.tolerance < rounding_tolerance(row["mention"], row["value"], row["unit"],
                                                                            row["comparator"]):
            # a figure written more precisely than a loose statement ("464" and "about 500";
            # "111.7%" and "around 120 per cent") is not a rounding of it: the statement stands
            # for it only as far as its digits do
            return abs(row["value"] - self.value) <= max(self.tolerance, rounding_tolerance(
                row["mention"], row["value"], row["unit"]))
        return True

    def exact(self, row: dict) -> bool:
        """The same value, however written ("£1.34bn" and "1,340,000,000"); 4,400 is no exact 4,418."""
        return abs(row["value"] - self.value) <= 1e-9 * max(1.0, abs(self.value))

    def same_series(self, row: dict) -> bool:
        return self.key is None or compatible(self.key, row_series(row), self.allows_parts)

    def same_place(self, db: sqlite_utils.Database, row: dict) -> bool:
        """Whether a statement can be of the place the figure names. A statement whose place
        is unstated is national, or of the place its document is about: the one most of the
        place names of its title and opening point to (an inspection of one delivery unit
        that mentions London once). A table of regions whose row was not read names each
        region as often: no London figure."""
        local = self.key.scope if self.key is not None and self.key.scope not in NATIONAL_SCOPES else None
        if local is None or row["scope"] is not None:
            return True
        if row["document_id"] not in self.places:
            self.places[row["document_id"]] = document_places(db, row["document_id"])
        named = self.places[row["document_id"]]
        here = sum(1 for p in named if _one_place(p, local))
        return here > len(named) - here


# the places a statement of no stated place holds for anyway: a figure is national unless it says
NATIONAL_SCOPES = frozenset({None, "england_and_wales", "england"})
# how much of a document is read for the places it is about: its title and opening
PLACES_READ_CHARS = 10_000


def document_places(db: sqlite_utils.Database, document_id: int) -> list[str]:
    """The local places (registry/subjects.yml scopes) a document's title and opening name,
    once per mention."""
    rows = list(db.query("select title, substr(text, 1, :chars) as opening from documents where id = :id",
                         {"id": document_id, "chars": PLACES_READ_CHARS}))
    if not rows:
        return []
    text = f"{rows[0]['title'] or ''}\n{rows[0]['opening'] or ''}"
    return [found[0] for found in scopes().find(text) if found[0] not in NATIONAL_SCOPES]


def _one_place(a: str, b: str) -> bool:
    """Two places a document about one place may both name: the same, one within the other,
    or one named in the other's name ("Barnsley" and "Barnsley and Rotherham")."""
    if a == b or scope_is_within(a, b) or scope_is_within(b, a):
        return True
    names = [(scope_label(p) or p).lower() for p in (a, b)]
    return names[0] in names[1] or names[1] in names[0]


# a count written in digits to the unit: "5,234", "12,199" (not "5,200", "5.2k", "12.5")
UNIT_COUNT = re.compile(r"\d{1,3}(?:,\d{3})*|\d+")


def _written_to_unit(mention: str | None, unit: str | None) -> bool:
    text = (mention or "").strip()
    return unit == "count" and bool(UNIT_COUNT.fullmatch(text)) and not text.endswith("0")


def _candidates_sql(any_unit: bool, indexed: bool) -> str:
    """Statistics whose value agrees with the figure's: a narrow, index-served value range
    for those written to the unit or the decimal, the loosely written ones ("about 600",
    "one in five", "£1bn") through their partial index, claims_agrees deciding."""
    agrees = "claims_agrees(s.value, s.mention, s.unit, s.comparator)"
    unit = "" if any_unit else " and s.unit = :unit"
    index = f" indexed by {LOOSELY_WRITTEN_INDEX}" if indexed else ""
    return (f"select s.id from statistics s where s.value between :near_low and :near_high{unit} "
            f"and (abs(s.value - :value) <= :exact or s.unit = :unit and (s.value between :low and :high or {agrees})) "
            f"union select s.id from statistics s{index} where s.value between :reach_low and :reach_high "
            f"and {LOOSELY_WRITTEN_SQL} and s.unit = :unit and not (s.value between :near_low and :near_high) "
            f"and abs(s.value - :value) <= max(:tolerance, {LOOSE_REACH_SQL}) and {agrees}")


STATEMENT_ORDER = " order by s.published is null, s.published, s.document_id, s.start"


def agreeing_statistics(db: sqlite_utils.Database, figure: Figure, limit: int = CANDIDATE_LIMIT) -> list[dict]:
    """Every statistic whose value agrees with the figure's within rounding, in any series,
    earliest first, as statements."""
    v = figure.value
    db.conn.create_function("claims_agrees", 4, lambda value, mention, unit, comparator: int(
        agrees_with_written(v, figure.tolerance, mention, value, unit, comparator)), deterministic=True)
    narrow = max(figure.tolerance, 0.5, value_tolerance(v) * 1.01)
    reach = max(figure.tolerance, widest_tolerance(v, figure.unit))
    indexed = db.execute("select 1 from sqlite_master where type = 'index' and name = ?",
                         [LOOSELY_WRITTEN_INDEX]).fetchone() is not None
    params = {"value": v, "unit": figure.unit, "exact": value_tolerance(v), "tolerance": figure.tolerance,
              "near_low": v - narrow, "near_high": v + narrow, "low": v - figure.tolerance,
              "high": v + figure.tolerance, "reach_low": v - reach, "reach_high": v + reach, "limit": limit}
    sql = (f"with candidates as ({_candidates_sql(figure.any_unit, indexed)}) {STATISTICS_SQL} "
           f"where s.id in (select id from candidates){STATEMENT_ORDER} limit :limit")
    return [statement(r) for r in db.query(sql, params)]


def statements(db: sqlite_utils.Database, where: str, params: dict, limit: int = CANDIDATE_LIMIT,
               order: str = STATEMENT_ORDER) -> list[dict]:
    """Statistics as statements, by a condition on `s` (statistics) and `d` (documents), the
    first `limit` in `order` (earliest published first unless given)."""
    return [statement(r) for r in db.query(f"{STATISTICS_SQL} where {where}{order} limit :limit",
                                           {**params, "limit": limit})]


def why_not(row: dict, same_series: bool = False) -> str:
    """Why a statistic sharing a figure's number is not that figure."""
    key = row_series(row)
    if same_series:
        return f"the same number, of another place or one not stated ({row['series']})"
    if not is_readable(key) and key.subject is None:
        return f"the same number; what it measures could not be read ({row['series']})"
    return f"the same number, measuring something else ({row['series']})"


# the newest periods first, through the (metric, year) index: what `limit` keeps of a long series
NEWEST_FIRST = " order by s.metric, s.year desc"


def same_metric(db: sqlite_utils.Database, metric: str, unit: str, measure: str,
                years: tuple[int, int] | None = None) -> list[dict]:
    """The statements of one metric, unit and measure, newest years first (at most
    CANDIDATE_LIMIT, read through the (metric, year) index), within `years` when given."""
    where = "s.metric = :metric and s.unit = :unit and s.measure = :measure"
    if years:
        where += " and s.year between :first and :last"
    return statements(db, where, {"metric": metric, "unit": unit, "measure": measure,
                                  "first": years[0] if years else None, "last": years[1] if years else None},
                      order=NEWEST_FIRST)


def series_statements(db: sqlite_utils.Database, key: SeriesKey, allows_parts: bool = False,
                      years: tuple[int, int] | None = None) -> list[dict]:
    """The statements of a series compatible with `key`, whatever their value."""
    return [r for r in same_metric(db, key.metric, key.unit, key.measure, years)
            if compatible(key, row_series(r), allows_parts)]


def statement(row: dict) -> dict:
    """A statistic as check and trace show it: the export record, its series (id, subject,
    scope and label), its document's kind, and where the figure sits in its sentence."""
    out = _record(row)
    for column in ("subject_id", "scope", "series_id"):
        out[column] = row[column]
    out["series"] = row_series(row).label
    out["highlight"] = highlight(row["sentence"], row["mention"], row["start"] - (row["sentence_start"] or 0))
    out["document_kind"] = row["document_kind"]
    out["passage_id"] = row["passage_id"]
    return out


def highlight(sentence: str, mention: str, offset: int) -> list[int] | None:
    """[start, end] of the mention in its sentence: at the stored offset when the sentence
    shows it there, else the occurrence nearest to it (a footnote marker removed before it
    shifts it), so "14% in 2021 to 21% in 2025" marks the 21% the statistic is."""
    if not mention:
        return None
    if sentence[offset:offset + len(mention)] == mention:
        return [offset, offset + len(mention)]
    found, at = [], sentence.find(mention)
    while at >= 0:
        found.append(at)
        at = sentence.find(mention, at + 1)
    if not found:
        return None
    best = min(found, key=lambda i: abs(i - offset))
    return [best, best + len(mention)]


def primary_first(rows: list[dict]) -> list[dict]:
    """Statements ordered as origins: the body asserting its own figure in a dated document
    first, then by kind of document (claims/build/figures.py), then the earliest."""
    return sorted(rows, key=lambda r: (*origin_rank(bool(r["published"]), r["source"],
                                                    r["publisher"], r["document_kind"]),
                                       r["published"] or "9999", r["statistic_id"]))
