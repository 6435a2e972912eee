"""How the subject vocabulary (registry/subjects.yml, registry/subjects.py) reads what a figure
counts and where it holds, as the series key uses it: invented phrases of each class."""
import pytest

from claims.query.series import series_key
from registry.subjects import scope_of, subject_of


@pytest.mark.parametrize("text, subject", [
    # a hyphen between letters is a space: a table's "Staff-in-post" header is staff in post
    ("Staff-in-post", "staff"),
    ("front-line staff", "probation_practitioners"),
    ("staff-in-post in probation trusts", "probation_staff"),
    # a footnote marker glued to the last word of a caption
    ("leaving rate of permanent probation officers3, 2016/17 to 2019/20", "probation_officers"),
    ("probation services officers12", "probation_services_officers"),
    # a pay band's short form is the grade it pays
    ("PB3 £27,000 10%", "probation_services_officers"),
    ("PB4 £35,000", "probation_officers"),
    ("Pay Band 4 £330", "probation_officers"),
    ("PS staff moved to HQ", "probation_staff"),
])
def test_the_vocabulary_reads_subjects_as_written_in_tables(text, subject):
    assert subject_of(text) == subject


def test_more_digits_than_a_footnote_marker_are_not_glued_to_an_alias():
    assert subject_of("probation officers123") is None
    assert subject_of("band 45") is None


@pytest.mark.parametrize("text, scope", [
    # a body's name that holds a place word is no place
    ("The National Probation Service employed 8,300 staff.", None),
    ("Staff are paid London Weighting of £3,000.", None),
    ("The National Probation Service employed 410 staff in Wales.", "wales"),
    ("Nationally, 21% of posts were vacant.", "england_and_wales"),
    ("PS London", "london"),
])
def test_scope_ignores_names_of_bodies_and_allowances(text, scope):
    assert scope_of(text) == scope


@pytest.mark.parametrize("metric, subject, expected", [
    # a staff figure of a body named as a column header or caption counts that body's staff
    ("staff_in_post", "Community Rehabilitation Companies", "crc_staff"),
    ("staff_in_post", "staff-in-post in probation trusts", "probation_staff"),
    ("vacancies", "Probation Service Region: PS London", "probation_staff"),
    ("staff_in_post", "Staff in post (HMPPS)", "hmpps_staff"),
    ("staff_in_post", "Staff-in-post figures for the NPS", "probation_staff"),
    # not a staff figure: the body is what is counted
    ("other", "Community Rehabilitation Companies", "crcs"),
])
def test_the_series_subject_of_a_tables_words(metric, subject, expected):
    assert series_key(metric, subject, "count", sentence="8,300").subject == expected


def test_a_regions_row_is_a_series_of_its_own():
    london = series_key("vacancies", "Probation Service Region: PS London", "count", sentence="457")
    wales = series_key("vacancies", "Probation Service Region: PS Wales", "count", sentence="12")
    assert (london.scope, wales.scope) == ("london", "wales") and london.id != wales.id
