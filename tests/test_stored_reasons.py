"""Reading back the reasons a statistic stores (statistics.why, extract/reasons.py)."""
from extract.reasons import describe_reason, stored_reason

WHY = '{"metric": {"rule": "cue:vacancies", "words": "vacancies"}, "source": {"rule": "speaker:said", "words": "GMB says"}}'


def test_a_stored_reason_is_read_back_per_attribute():
    assert stored_reason(WHY, "metric") == {"rule": "cue:vacancies", "words": "vacancies"}
    assert stored_reason(WHY, "source") == {"rule": "speaker:said", "words": "GMB says"}
    assert describe_reason(WHY, "metric") == "cue:vacancies: 'vacancies'"


def test_no_reason_or_an_unreadable_column_is_no_reason():
    assert stored_reason(WHY, "period") == {}
    assert stored_reason(None, "metric") == {}
    assert stored_reason("{not json", "metric") == {}
