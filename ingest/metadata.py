"""What a user says about a file, in its YAML front matter or its corpus/sources.yml entry, read
one way for both: a date keeps the precision it is written with (`published: 2015-08` is
August 2015, not the 1st; unquoted `2015-08-14` and `2015` work too), each field is a single
value, and anything else (an unknown key or kind, an unreadable date, a list where one value
belongs) is a warning, never a reason to drop the document."""
from __future__ import annotations

import re
from datetime import date, datetime

from .dates import plausible_year

FILE_KEYS = {"title", "publisher", "kind", "url", "published", "author", "licence", "license",
             "format"}
MANIFEST_KEYS = FILE_KEYS | {"note"}  # sources.yml says what each file is, for its readers
KINDS = {"blog", "committee", "inspectorate", "union", "audit", "statistics", "news", "parliament",
         "government", "charity", "comment", "unknown"}


def normalise_metadata(data: dict, where: str, keys: set[str] = FILE_KEYS) -> tuple[dict, list[str]]:
    """The fields of `data` as the build reads them (each a string, `published` an ISO date
    at its precision) and a warning, starting with `where`, for each field left out or kept
    as given."""
    fields, warnings = {}, []
    unknown = sorted(str(key) for key in data if key not in keys)
    if unknown:
        warnings.append(f"{where}: unknown key(s) {', '.join(unknown)} ignored")
    for key, value in data.items():
        if key not in keys or value is None:
            continue
        if isinstance(value, (list, dict, set)):
            what = "a list" if isinstance(value, (list, set)) else "a mapping"
            warnings.append(f"{where}: {key} is {what}, not a single value; ignored")
            continue
        if key == "published":
            published = partial_date(value)
            if published is None:
                warnings.append(f"{where}: published {str(value)!r} is not a date "
                                "(YYYY, YYYY-MM or YYYY-MM-DD); ignored")
                continue
            value = published
        value = str(value)
        if key == "kind" and value not in KINDS:
            warnings.append(f"{where}: kind {value!r} is not one of {', '.join(sorted(KINDS))}; "
                            "kept as given")
        fields[key] = value
    return fields, warnings


def partial_date(value) -> str | None:
    """An ISO date at the precision given: 2015, 2015-08 or 2015-08-14; a year outside
    plausible_year (9999-12-31) is no date."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat() if plausible_year(value.year) else None
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if not m or not plausible_year(int(m.group(1))):
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            return date(int(year), int(month), int(day)).isoformat()
        if month:
            return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    except ValueError:
        return None
    return year
