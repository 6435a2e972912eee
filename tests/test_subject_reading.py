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


# -- a bare "officers" or "staff" is the kind its passage named before it -----------------

def _series_subjects(extractor, text, published="2023-01-10"):
    from claims.query.claim_reader import claim_document
    [stats] = extractor.extract([claim_document(text)])
    return {s.mention: series_key(s.metric, s.subject, s.unit, s.measure, s.sentence, source=s.source).subject
            for s in stats}


def test_bare_officers_are_the_kind_named_before_them(extractor):
    got = _series_subjects(extractor, "The government pledged to recruit 20,000 additional police officers by "
                                      "March 2023. By March 2022, 13,576 officers had been recruited.")
    assert got == {"20,000": "police_officers", "13,576": "police_officers"}


def test_bare_staff_are_the_kind_named_before_them_unless_their_sentence_names_a_body(extractor):
    got = _series_subjects(extractor, "Prison staff numbers rose to 29,000 in 2022. A further 450 staff "
                                      "joined in 2023. The Probation Service had 18,500 staff in 2023.")
    assert got == {"29,000": "prison_staff", "450": "prison_staff", "18,500": "probation_staff"}


def test_officers_named_first_in_a_passage_stay_probation_officers(extractor):
    got = _series_subjects(extractor, "In 2023 there were 4,400 officers in post across England and Wales.")
    assert got == {"4,400": "probation_officers"}


def test_bare_staff_take_the_body_their_sections_heading_names(extractor):
    from test_periods import passages_document
    lines = ["Staff in post (HMPPS)",
             "Full time equivalent staff at the end of each quarter, as published in the workforce bulletin.",
             "At 30 June 2024 there were 61,200 FTE staff in post."]
    [stats] = extractor.extract([passages_document(lines, "2024-08-01")])
    [(mention, subject)] = [(s.mention, series_key(s.metric, s.subject, s.unit, s.measure, s.sentence).subject)
                            for s in stats]
    assert (mention, subject) == ("61,200", "hmpps_staff")


def test_a_body_inside_a_longer_bodys_name_is_not_a_second_body():
    from registry.subjects import staff_of_body
    assert staff_of_body("The prison and probation service has a workforce of 59,311") == "hmpps_staff"
    assert staff_of_body("HM Prison and Probation Service and the Probation Service") is None


@pytest.mark.parametrize("text, subject", [
    # an acronym's own word as written, the words beside it in any case
    ("• NHS Staff: 2%", "nhs_staff"),
    ("CRC Staff", "crc_staff"),
    ("psos", None),
])
def test_only_an_aliass_acronym_words_keep_their_case(text, subject):
    assert subject_of(text) == subject


def test_high_risk_offenders_are_part_of_people_on_probation_not_all_of_them():
    from claims.query.series import compatible
    from registry.subjects import is_part_of
    high = series_key("people_supervised", "high-risk offenders", "count", sentence="106,000 high-risk offenders")
    everyone = series_key("people_supervised", "people on probation", "count", sentence="240,000 people on probation")
    assert high.subject == "high_risk_offenders" and is_part_of("high_risk_offenders", "people_on_probation")
    assert not compatible(everyone, high) and not compatible(high, everyone)


def test_a_sentence_pointing_back_counts_what_the_sentence_before_it_counted(extractor):
    got = _series_subjects(extractor, "In the year to March 2023, 623 probation services officers were appointed. "
                                      "This is an increase of 90 (16.9%) compared to the year before.")
    assert got == {"623": "probation_services_officers", "90": "probation_services_officers",
                   "16.9%": "probation_services_officers"}


def test_a_sentence_that_does_not_point_back_keeps_its_own_subject(extractor):
    got = _series_subjects(extractor, "In 2023, 623 probation services officers were appointed. "
                                      "Vacancies rose by 90 in the same year.")
    assert got["90"] != "probation_services_officers"


def test_a_kind_named_earlier_in_the_figures_own_sentence_wins_over_the_body_it_names(extractor):
    got = _series_subjects(extractor, "In 2024, HMPPS found it had underestimated the number of staff required "
                                      "to provide sentence management tasks by about 30% (4,800 staff).")
    assert got["4,800"] == "sentence_management_staff"
