"""Every written form of a number (issue 12): value, unit and comparator exactly, and the
forms that are not figures at all."""
import pytest

from test_extract import extract


@pytest.mark.parametrize("text,expected", [
    # scale words and suffixes after digits
    ("Some 3.5 million people are on probation.", ("3.5 million", 3500000, None, "count", "~")),
    ("It covers 200 million people.", ("200 million", 200000000, None, "count", "=")),
    ("The contracts are worth 1.2 billion in all.", ("1.2 billion", 1200000000, None, "count", "=")),
    ("Viewers reached 4.3M last week.", ("4.3M", 4300000, None, "count", "=")),
    ("It reached 2.7m households.", ("2.7m", 2700000, None, "count", "=")),
    ("There are 25k staff in the service.", ("25k", 25000, None, "count", "=")),
    ("A £500k contract was let.", ("£500k", 500000, None, "gbp", "=")),
    ("HMPPS spent £1.34bn on probation.", ("£1.34bn", 1340000000, None, "gbp", "=")),
    # percentages
    ("Pay rose 5.4pc last year.", ("5.4pc", 5.4, None, "percent", "=")),
    ("Inflation was .5 per cent in May.", (".5 per cent", 0.5, None, "percent", "=")),
    ("The rate rose by 24 percentage points.", ("24 percentage points", 24, None, "percent", "=")),
    # money in pence
    ("A stamp costs 164p now.", ("164p", 1.64, None, "gbp", "=")),
    ("Fuel costs 118.5p a litre.", ("118.5p", 1.185, None, "gbp", "=")),
    # negatives
    ("Real pay changed by -1.3% over the year.", ("-1.3%", -1.3, None, "percent", "=")),
    ("Temperatures of minus 5 were recorded.", ("minus 5", -5, None, "count", "=")),
    # fractions and mixed numbers
    ("Two-fifths of staff said so.", ("Two-fifths", 40, None, "percent", "=")),
    ("Five eighths of cases were late.", ("Five eighths", 62.5, None, "percent", "=")),
    ("About ⅔ of officers agreed.", ("⅔", 66.7, None, "percent", "~")),
    ("Training takes two and a half years.", ("two and a half years", 2.5, None, "years", "=")),
    ("There are one and a half million records.", ("one and a half million", 1500000, None, "count", "=")),
    # compound number words
    ("There were two hundred and fifty officers.", ("two hundred and fifty", 250, None, "count", "=")),
    ("We counted twenty-eight thousand six hundred and forty-two cases.",
     ("twenty-eight thousand six hundred and forty-two", 28642, None, "count", "=")),
    ("Only a hundred and two applied.", ("a hundred and two", 102, None, "count", "=")),
    # hyphenated words before a unit
    ("He served twenty-one years in the service.", ("twenty-one years", 21, None, "years", "=")),
    # numbers that look like years but count something
    ("The service needs 2000 officers more.", ("2000", 2000, None, "count", "=")),
    ("In all, 2019 staff left the service.", ("2019", 2019, None, "count", "=")),
    # vague magnitudes
    ("Caseloads were into the eighties.", ("eighties", 80, 89, "count", "=")),
    ("Hundreds of posts are empty.", ("Hundreds", 200, 999, "count", "=")),
    ("There are thousands of committed practitioners.", ("thousands", 2000, 9999, "count", "=")),
])
def test_number_forms(extractor, text, expected):
    got, _ = extract(extractor, text)
    assert expected in got


@pytest.mark.parametrize("text", [
    "The hearing was on Mar 9 2018 in London.",
    "It was published on 8 Sept 2023 online.",
    "The meeting is on December 28 this year.",
    "The conference ran Sept. 20-24 in Leeds.",
    "It was published on 7 Feb 2023 online.",
    "Update 31-Dec-2023",
    "The debate began at 3.30pm and ended at 10.45pm.",
    "Doors open at 11 a.m. sharp.",
    "The grades are pay bands 2, 3, 4, 5 & 6 in the structure.",
    "Channel 4 said the FTSE 100 fell as the 737 Max was grounded.",
    "Cases in Tier 1 were reviewed by (1) the Probation Service.",
    "The report cited it.[169]",
    "We need more officers in these roles.1,2",
    "The figures for 2018-19.4 were revised.",
    "4 The creation of the market",
])
def test_not_figures(extractor, text):
    got, _ = extract(extractor, text)
    assert got == []


def test_thirty_yards_is_never_a_count(extractor):
    got, _ = extract(extractor, "He walked 30 yards to the office.")
    assert all(unit != "count" for _, _, _, unit, _ in got)


def test_two_figures_in_one_token_keep_their_own_values(extractor):
    got, _ = extract(extractor, "The ratio was 1⁄32 at the time.")
    values = [value for _, value, _, _, _ in got]
    assert len(set(values)) == len(values)


@pytest.mark.parametrize("text,mention,measure,direction,unit_detail", [
    ("There were 3,550 officers in post.", "3,550", "level", None, None),
    ("Staff in post were up 192 on the year.", "192", "change", "+", None),
    ("There was a decrease of 988 officers.", "988", "change", "-", None),
    ("Spending rose by 5.7% last year.", "5.7%", "change", "+", None),
    ("Satisfaction saw a drop of 24 percentage points.", "24 percentage points", "change", "-",
     "percentage_points"),
    ("Caseloads should not exceed 50 cases.", "50", "target", None, None),
    ("The union wants a maximum of 60 cases.", "60", "target", None, None),
    ("There is a target headcount of 6,158 officers.", "6,158", "target", None, None),
])
def test_level_change_or_target(extractor, text, mention, measure, direction, unit_detail):
    _, stats = extract(extractor, text)
    [stat] = [s for s in stats if s.mention == mention]
    assert (stat.measure, stat.direction, stat.unit_detail) == (measure, direction, unit_detail)


@pytest.mark.parametrize("text,expected", [
    ("About 3/4 of staff left.", ("3/4", 75, None, "percent", "~")),
    ("It took 2 1/2 hours.", ("2 1/2 hours", 2.5, None, "hours", "=")),
    ("It took 2½ years.", ("2½ years", 2.5, None, "years", "=")),
    ("It costs 1.5bn euros.", ("1.5bn euros", 1500000000, None, "other", "=")),
])
def test_more_number_forms(extractor, text, expected):
    got, _ = extract(extractor, text)
    assert expected in got


# issue 20 class 6: number forms (invented sentences)
@pytest.mark.parametrize("text,expected", [
    # a number in brackets after a figure restates it; a signed one is a change
    ("The share was 99% (84,000) last year.", [("99%", 99, None, "percent", "="), ("84,000", 84000, None, "count", "=")]),
    ("Numbers fell (-17) last quarter.", [("-17", -17, None, "count", "=")]),
    # a trailing unit shared by a list or a range written high to low
    ("Waits of 20 and 25 weeks were common.", [("20", 20, None, "other", "="), ("25 weeks", 25, None, "other", "=")]),
    ("Terms fell from 4 to 2 years.", [("4", 4, None, "years", "="), ("2 years", 2, None, "years", "=")]),
    # digits before a scale word, compound words, scientific notation
    ("About 4 hundred staff left.", [("4 hundred", 400, None, "count", "~")]),
    ("There were fifty-two officers.", [("fifty-two", 52, None, "count", "=")]),
    ("We counted three hundred and thirty one cases.", [("three hundred and thirty one", 331, None, "count", "=")]),
    ("Some 2.48×10−5 of cases failed.", [("2.48×10−5", 0.0000248, None, "count", "~")]),
    ("It fell 9.83e-3 points.", [("9.83e-3", 0.00983, None, "count", "=")]),
    ("The market is worth $2.174 trillion.", [("$2.174 trillion", 2174000000000, None, "other", "=")]),
    # a mixed number: the fraction glued to its whole
    ("The wall is 2½ bricks thick.", [("2½", 2.5, None, "count", "=")]),
    ("The wall is 2 1/2 bricks thick.", [("2 1/2", 2.5, None, "count", "=")]),
    # vague magnitudes (GUIDELINES, Clarifications)
    ("Tens of thousands of cases wait.", [("Tens of thousands", 20000, 99999, "count", "=")]),
])
def test_number_forms_of_issue_20(extractor, text, expected):
    got, _ = extract(extractor, text)
    assert got == expected


@pytest.mark.parametrize("text,mentions", [
    ("Seats in Section 427 Row 21 were empty.", []),  # a place's numbers
    ("The S&P 500 closed lower.", []),  # an index's name
    ("A dose of 20 J/m^2 was given.", ["20"]),  # an exponent is no figure of its own ...
    ("It weighs 2,000.45±0.01 tonnes.", ["2,000.45"]),  # ... nor a tolerance
    ("Galaxy J1149.5+6663 was imaged.", []),  # ... nor part of a code
])
def test_identifiers_and_exponents_are_not_figures_of_their_own(extractor, text, mentions):
    got, _ = extract(extractor, text)
    assert [m for m, *_ in got] == mentions


def test_a_length_of_time_ending_on_a_date_is_a_period_not_a_figure(extractor):
    got, _ = extract(extractor, "In the 12 months to 30 September 2024, 500 staff left.")
    assert [m for m, *_ in got] == ["500"]


def test_the_number_suite_scorer_matches_values_strictly():
    from claims.tools.number_suite import Case, figure_finder, score
    cases = [Case("There were 5 officers and a third left.", [(5, None), (1 / 3, None)]),
             Case("Waits were 3 to 4 weeks.", [(3.5, None)]),
             Case("Pay rose 2% in 2019.", [(2.5, None)])]
    result = score(cases, figure_finder())
    assert (result.gold, result.predicted, result.matched) == (4, 4, 3)
    assert len(result.misses) == 1 and result.misses[0].startswith("'Pay rose")
