"""A check as schema.org ClaimReview JSON-LD, the format fact-checkers publish verdicts in
(https://schema.org/ClaimReview): one review per figure of the claim, its verdict as the
reviewRating's alternateName, the claim's author when the claim names one, and where the
figure appeared (its origin first) as itemReviewed.appearance and firstAppearance."""
from __future__ import annotations

from datetime import date
from typing import Callable

from ..site.pages import web_url

REVIEWER = "Probation Claims"
# a rating per verdict, 1 (worst) to 5 (best), for readers that need a number
RATING = {"matches": 5, "rounded": 4, "superseded": 3, "different_period": 3, "conflicts": 2,
          "misattributed": 2, "not_found": 1}


def claim_reviews(result: dict, page_url: str, statistic_url: Callable[[int], str],
                  today: date | None = None) -> list[dict]:
    """A ClaimReview for each figure of a check (the dict claims/query/check.py returns)."""
    return [claim_review(claim, page_url, statistic_url, today) for claim in result["claims"]]


def claim_review(claim: dict, page_url: str, statistic_url: Callable[[int], str],
                 today: date | None = None) -> dict:
    verdict = claim["verdict"]
    item = {"@type": "Claim"}
    if claim["named_source"]:
        item["author"] = {"@type": "Organization", "name": claim["named_source"]}
    origin = claim["origin"]
    if origin:
        item["firstAppearance"] = _appearance(origin, statistic_url)
        item["appearance"] = [_appearance(r, statistic_url) for r in [origin, *claim["statements"]]]
        if origin["published"]:
            item["datePublished"] = origin["published"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page_url,
        "claimReviewed": claim["sentence"],
        "datePublished": (today or date.today()).isoformat(),
        "author": {"@type": "Organization", "name": REVIEWER},
        "reviewRating": {"@type": "Rating", "ratingValue": RATING[verdict], "bestRating": 5, "worstRating": 1,
                         "alternateName": verdict.replace("_", " "),
                         "ratingExplanation": " ".join(r["text"] for r in claim["reasons"])},
        "itemReviewed": item,
    }


def _appearance(row: dict, statistic_url: Callable[[int], str]) -> dict:
    """Where a statement appeared: its document's own URL when it has one, else its page here."""
    work = {"@type": "CreativeWork", "url": web_url(row["document_url"]) or statistic_url(row["statistic_id"]),
            "headline": row["document_title"], "author": {"@type": "Organization", "name": row["source"]}}
    if row["published"]:
        work["datePublished"] = row["published"]
    return work
