"""Series: what a figure measures, as one key. Two figures can be the same figure only when
they measure the same thing: the same metric, of the same population or thing counted
(its subject, normalised by registry/subjects.yml), in the same unit, as the same measure
(a level, a change or a target), where stated for the same place.

Check, trace, conflicts and charts all ask `compatible(claim_key, stat_key)` before they
compare values (claims/query/rounding.py decides whether the values agree)."""
from __future__ import annotations

import hashlib
import re
from typing import NamedTuple

from registry.subjects import (head_key, is_part_of, metric_of_subject, metric_subject, officers_of_body,
                               scope_is_within, scope_label, scope_of, staff_of_body, subject_label, subject_of,
                               subject_under_metric, subjects)

# metrics that say nothing about who or what is counted: a count of staff, leavers, recruits,
# vacancies, cases or a pay award is the same figure only for the same people, so a figure of
# one of these whose subject cannot be read matches nothing. The others (inflation, the recall
# population, the share of targets met...) name what they count themselves.
METRICS_NEEDING_SUBJECT = frozenset({
    "staff_in_post", "leavers", "recruitment", "vacancies", "vacancy_rate", "staff_shortage",
    "caseload", "workload", "pay_award", "pay_change", "salary", "survey", "union_membership",
    "ballot", "spend", "funding", "cost", "duration", "cases_meeting_standard", "assessment_quality",
    "referrals", "testing", "drug_misuse",
})

# metrics counting staff: a bare "staff" of one of these, or none read, is the staff of the one
# body the sentence names (registry/subjects.yml `staff_of_body`)
STAFF_METRICS = frozenset({"staff_in_post", "leavers", "recruitment", "vacancies", "vacancy_rate",
                           "staff_shortage"})
GENERIC_STAFF = (None, "staff")

# a subject picked out of a population by a share: "the 4% who hold", "the 10 per cent with"
# (the extractor's subject text may have lost the number: "the % who hold")
SHARE_SUBGROUP = re.compile(r"\bthe\s+(?:[\d.,]+\s*)?(?:%|per ?cent)\s+(?:who|whom|which|that|with)\b", re.I)

# the measures one figure of a metric that is a change in itself may be stated as: "pay is up
# 22%" (read as a change) and "a 22% pay increase" (a level of the metric); pay asked for is a
# target, never either (the metrics: extract/lexicons/measures.yml change_metrics)
CHANGE_MEASURES = frozenset({"level", "change"})

# a figure whose metric was not read, or read as "other", is not a series anyone can match
UNREAD_METRICS = frozenset({None, "", "other"})


class SeriesKey(NamedTuple):
    metric: str | None
    subject: str | None  # a subject id of registry/subjects.yml
    unit: str | None
    measure: str | None  # level, change or target
    scope: str | None  # a scope id of registry/subjects.yml ("wales", "pdu/essex_north"), None when unstated

    @property
    def id(self) -> str:
        """A short stable id for the series table: the same key gives the same id in every build."""
        text = "|".join(part or "" for part in self)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

    @property
    def label(self) -> str:
        """The series as a reader would name it: "Staff in post: band 4 probation officers
        (count, change, Wales)"."""
        what = subject_label(self.subject) or "subject unread"
        details = [d for d in (UNIT_WORDS.get(self.unit, self.unit), self.measure if self.measure != "level" else None,
                               scope_label(self.scope)) if d]
        return f"{metric_words(self.metric)}: {what}" + (f" ({', '.join(details)})" if details else "")


UNIT_WORDS = {"percent": "%", "gbp": "£", "count": "count"}


def metric_words(metric: str | None) -> str:
    """A metric as words: "staff_in_post" is "Staff in post"."""
    return metric.replace("_", " ").capitalize() if metric else "Unread metric"


def _bare_officers(subject: str | None) -> bool:
    """True when the only population `subject` names is a bare "officers" ("3,491 new officers")."""
    if not subject or _is_subject_id(subject):
        return False
    found = subjects().find(subject)
    return len(found) == 1 and len(found[0][1].split()) == 1 and head_key(found[0][1]) == head_key("officers")


def series_key(metric: str | None, subject: str | None, unit: str | None, measure: str | None = "level",
               sentence: str | None = None, scope: str | None = None, source: str | None = None,
               in_document: bool = False) -> SeriesKey:
    """The series of a figure from its fields: `subject` is the subject text the extractor
    read ("FTE band 3 probation services officers") or a subject id; the scope is taken from
    the subject text, else the sentence, unless given. A bare "staff" (or none) of a staff
    metric is the staff of the one body the sentence names, else of the body stating it
    (`source`): HMPPS's "64,561 staff in post" are HMPPS staff. A figure stored from a document
    (`in_document`) whose words name no population counts the one its metric means in the corpus
    (registry/subjects.yml document_metric_subjects); a claim's is unread."""
    subject_id = subject_under_metric(subject if _is_subject_id(subject) else subject_of(subject), metric)
    if subject and not _is_subject_id(subject) and SHARE_SUBGROUP.search(subject):
        # "the average caseload for the 4% who hold more than 50 cases": a part of the
        # population picked out by a share, which no subject of the vocabulary names
        subject_id = None
    if subject_id in GENERIC_STAFF and metric in STAFF_METRICS:
        # the body the subject's own words name first: a table's "Staff in post (HMPPS)"
        subject_id = (staff_of_body(subject) or staff_of_body(sentence)
                      or (staff_of_body(source) if subject_id else None) or subject_id)
    if subject_id and metric in STAFF_METRICS and _bare_officers(subject):
        # "Prisons took on 3,491 new officers": officers of the one body the sentence names
        subject_id = officers_of_body(sentence) or subject_id
    if subject_id is None:
        # what the metric counts when its words name nothing: "9,000 members" of a union are union
        # members, "a 43% vacancy rate" probation staff's (registry/subjects.yml metric_subjects)
        subject_id = metric_subject(metric, sentence, in_document)
    metric = metric_of_subject(metric, subject_id)
    if scope is None:
        scope = scope_of(subject) or scope_of(sentence)
    return SeriesKey(metric or None, subject_id, unit or None, measure or "level", scope)


def key_of(row) -> SeriesKey:
    """The series of a statistics row (a dict or sqlite3.Row with the statistics columns)."""
    get = row.get if hasattr(row, "get") else (lambda k: row[k] if k in row.keys() else None)
    return series_key(get("metric"), get("subject_id") or get("subject"), get("unit"), get("measure"),
                      get("sentence"), source=get("source"))


def _is_subject_id(text: str | None) -> bool:
    return bool(text) and subject_label(text) is not None


def is_readable(key: SeriesKey) -> bool:
    """Whether a figure says what it measures well enough to be matched at all."""
    if key.metric in UNREAD_METRICS:
        return False
    return key.subject is not None or key.metric not in METRICS_NEEDING_SUBJECT


def compatible(claim_key: SeriesKey, stat_key: SeriesKey, claim_allows_parts: bool = False) -> bool:
    """Whether a claim's figure and a stored statistic measure the same thing: same metric,
    unit and measure; the same subject, or one a part of the other only when the claim allows
    it ("probation staff, including officers"); scopes equal or either unstated. A claim whose
    metric is unread or `other`, or whose subject cannot be read when its metric needs one, is
    never compatible with anything."""
    if not is_readable(claim_key) or not is_readable(stat_key):
        return False
    if (claim_key.metric, claim_key.unit) != (stat_key.metric, stat_key.unit):
        return False
    if not _measures_compatible(claim_key.metric, claim_key.measure, stat_key.measure):
        return False
    if not _subjects_compatible(claim_key.subject, stat_key.subject, claim_allows_parts):
        return False
    return scopes_compatible(claim_key.scope, stat_key.scope)


def _measures_compatible(metric: str | None, a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    from extract.measures import change_metrics  # here, not at import: the site's pages need no spaCy
    return metric in change_metrics() and {a, b} <= CHANGE_MEASURES


def _subjects_compatible(a: str | None, b: str | None, allow_parts: bool) -> bool:
    if a == b:
        return True
    if a is None or b is None:
        # only a metric that names what it counts gets here (is_readable): one side unread
        # is then the same population
        return True
    return allow_parts and (is_part_of(a, b) or is_part_of(b, a))


def scopes_compatible(a: str | None, b: str | None) -> bool:
    """Two stated places hold the same figure only when they are the same place; a figure
    whose place is unstated may be of any."""
    return a is None or b is None or a == b


def same_series(a: SeriesKey, b: SeriesKey) -> bool:
    """Two stored statistics of one series: compatible both ways, parts not allowed."""
    return compatible(a, b) and compatible(b, a)


def series_columns(row: dict) -> dict:
    """The columns a statistics row takes from its series: the subject id, the scope, and the
    series id when the figure says what it measures (else None: it belongs to no series)."""
    key = series_key(row.get("metric"), row.get("subject"), row.get("unit"), row.get("measure"),
                     row.get("sentence"), source=row.get("source"), in_document=True)
    return {"subject_id": key.subject, "scope": key.scope, "series_id": key.id if is_readable(key) else None}


# -- reading a series back ---------------------------------------------------------------

SERIES_STATISTICS_SQL = """
select s.id, s.mention, s.value, s.value_high, s.unit, s.comparator, s.measure, s.period, s.year,
       s.period_from_publication, s.source, s.subject, s.published, s.sentence, s.series_id,
       d.id as document_id, d.title, d.url as document_web_url, d.source as publisher,
       substr(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start) as sentence_text,
       s.start - s.sentence_start as mention_start
from statistics s join documents d on d.id = s.document_id
where s.series_id = :series_id
order by s.year is null, s.year, s.period, s.published, s.id
"""


def series_row(db, series_id: str) -> dict | None:
    rows = list(db.query("select * from series where id = :id", {"id": series_id}))
    return rows[0] if rows else None


def series_statistics(db, series_id: str) -> list[dict]:
    """Every statement of a series, by period then date published, with its sentence as the
    document holds it and where the figure sits in it."""
    return list(db.query(SERIES_STATISTICS_SQL, {"series_id": series_id}))


def series_of_metric(db, metric: str) -> list[dict]:
    """A metric's series, the most stated first."""
    return list(db.query("select * from series where metric = :metric order by statistics desc, label",
                         {"metric": metric}))


__all__ = ["SeriesKey", "series_key", "key_of", "compatible", "scopes_compatible", "same_series",
           "is_readable", "series_columns", "series_row", "series_statistics",
           "series_of_metric", "METRICS_NEEDING_SUBJECT", "scope_is_within"]
