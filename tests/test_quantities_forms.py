"""Number forms of news and reports (issue 20, class 6): one invented sentence or more per form,
with the exact mention, value, high end, unit and comparator the build stores; and the numbers
that are not figures at all (GUIDELINES, "What is a figure")."""
import pytest

from test_extract import extract


def figures(extractor, text):
    got, _ = extract(extractor, text)
    return got


@pytest.mark.parametrize("text,expected", [
    # "one" before the noun it counts, in a list of counts
    ("Inspectors visited ten CRCs and one NPS division.",
     [("ten", 10, None, "count", "="), ("one", 1, None, "count", "=")]),
    ("The team has one manager and four officers.",
     [("one", 1, None, "count", "="), ("four", 4, None, "count", "=")]),
    ("It took one shot or two to settle.", [("one", 1, None, "count", "="), ("two", 2, None, "count", "=")]),
    ("The office closed for one week in August.", [("one week", 1, None, "other", "=")]),
    ("Members may take one day of union leave.", [("one day", 1, None, "days", "=")]),
    ("The trust signed a one-year contract.", [("one-year", 1, None, "years", "=")]),
    # none: "not one", "not a single"
    ("Of the 40 people released, not one parolee found a job.",
     [("40", 40, None, "count", "="), ("not one", 0, None, "count", "=")]),
    ("Not a single hostel place was offered.", [("Not a single", 0, None, "count", "=")]),
])
def test_one_counts_a_noun(extractor, text, expected):
    assert figures(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "No one answered the phone at the office.",
    "The one that closed was in Leeds.",
    "One of the hostels closed last month.",
    "One must ask why the service failed.",
    "On the one hand, budgets grew.",
    "At one point the queue reached the door.",
    "A new one is needed after the merger.",
    "Each one was read by an inspector.",
    "One day, the service will be rebuilt.",
    "They offered a one-off payment to staff.",
    "There is anger at one person or one union.",
    "It is not a single problem but many.",
    "The ministry doubled down on the plan.",
    "The records sit in one place online.",
    "Officers value one to one work with clients.",
    "The services are now unified into one public service.",
    "I don't for one minute dismiss the criticism.",
    "The so-called One HMPPS plan merges the services.",
])
def test_one_as_a_pronoun_or_idiom_is_no_figure(extractor, text):
    assert figures(extractor, text) == []


@pytest.mark.parametrize("text,expected", [
    # a change of how many times over
    ("Recalls to custody have doubled.", [("doubled", 2, None, "times", "=")]),
    ("The backlog has more than doubled since the merger.", [("doubled", 2, None, "times", ">")]),
    ("Court waiting times nearly tripled.", [("tripled", 3, None, "times", "~")]),
    ("Unpaid work hours trebled under the scheme.", [("trebled", 3, None, "times", "=")]),
    ("The number of hostels halved.", [("halved", 0.5, None, "times", "=")]),
    ("A doubling of caseloads is feared.", [("doubling", 2, None, "times", "=")]),
])
def test_multiplied(extractor, text, expected):
    assert figures(extractor, text) == expected


@pytest.mark.parametrize("text,expected", [
    # "a year" is a length of time after a preposition or comparator ...
    ("Over a year has passed since the claim was lodged.", [("a year", 1, None, "years", ">")]),
    ("The review ran for a month and was dropped.", [("a month", 1, None, "months", "=")]),
    ("Nearly a year later nothing has changed.", []),  # a date relative to another: a period
    # ... and a rate or a date elsewhere
    ("A trainee earns £24,000 a year.", [("£24,000", 24000, None, "gbp", "=")]),
    ("Supervisors meet twice a year.", [("twice", 2, None, "times", "=")]),
    ("A year ago there were fewer vacancies.", []),
    ("Talks have dragged on for a year and a half.", [("a year and a half", 1.5, None, "years", "=")]),
])
def test_a_year_as_a_length_of_time(extractor, text, expected):
    assert figures(extractor, text) == expected


@pytest.mark.parametrize("text", [
    # phone numbers, British, international and American
    "For advice call 020 7946 0123 during office hours.",
    "The helpline is 0161 496 0777 or 01632 960111.",
    "Call +44 20 7946 0123 from abroad.",
    "Call +44 (0)20 7946 0123 from abroad.",
    "The US office is on (555) 123-4567.",
    "The US office is on 555-123-4567.",
    # ZIP codes and house numbers
    "Write to the clinic in Springfield, IL 62704.",
    "Letters go to PO Box 12, Springfield, NY 10001-1234.",
    "The union met at 12 Carlisle Street in the evening.",
    # "zero" in an idiom
    "The prison runs a zero tolerance policy on drugs.",
    "Tutors are on zero-hours contracts.",
    # ordinals, dates and times
    "Results for the 3rd quarter were weak.",
    "Probation in the 21st century is a different job.",
    "The board met on 5 March 2021 at 10:30.",
    "It will be piloted in the first half of the year.",
])
def test_identifiers_ordinals_dates_and_idioms_are_not_figures(extractor, text):
    assert figures(extractor, text) == []


@pytest.mark.parametrize("text,expected", [
    # fractions and number words
    ("A third of officers left.", ("A third", 33.3, None, "percent", "=")),
    ("Half of the new starters were graduates.", ("Half", 50, None, "percent", "=")),
    ("A quarter of reports were late.", ("A quarter", 25, None, "percent", "=")),
    ("Two-thirds of respondents agreed.", ("Two-thirds", 66.7, None, "percent", "=")),
    ("More than one-third of prisoners had no home.", ("one-third", 33.3, None, "percent", ">")),
    ("One in five officers is off sick.", ("One in five", 20, None, "percent", "=")),
    ("A dozen officers resigned in protest.", ("A dozen", 12, None, "count", "=")),
    ("Dozens of officers resigned in protest.", ("Dozens", 24, 99, "count", "=")),
    # ranges
    ("Between 20 and 25 officers left each month.", ("Between 20 and 25", 20, 25, "count", "=")),
    ("Turnout was 20-25% in most branches.", ("20-25%", 20, 25, "percent", "=")),
    ("The pilot costs £3m-£4m a year.", ("£3m-£4m", 3000000, 4000000, "gbp", "=")),
    ("The pilot costs £3-4m a year.", ("£3-4m", 3000000, 4000000, "gbp", "=")),
    ("Revenue will be between $5bn and $6bn.", ("between $5bn and $6bn", 5000000000, 6000000000, "other", "=")),
    ("Bonuses of $5-10 million were paid.", ("$5-10 million", 5000000, 10000000, "other", "=")),
    ("Analysts expect 5 to 10 million users.", ("5 to 10 million", 5000000, 10000000, "count", "=")),
    ("Between 2 and 3m people are affected.", ("Between 2 and 3m", 2000000, 3000000, "count", "=")),
    # comparators
    ("Nearly 500 officers left last year.", ("500", 500, None, "count", "~")),
    ("Almost 40% of staff were new.", ("40%", 40, None, "percent", "~")),
    ("Up to 300 jobs will go.", ("300", 300, None, "count", "<")),
    ("At least 12 people died in custody.", ("12", 12, None, "count", ">")),
    ("More than 2,000 staff left.", ("2,000", 2000, None, "count", ">")),
    ("Fewer than 50 officers applied.", ("50", 50, None, "count", "<")),
    ("There were 1,500-plus vacancies.", ("1,500", 1500, None, "count", ">")),
    ("A 300-odd crowd attended.", ("300", 300, None, "count", "~")),
    ("There were 300 or so officers.", ("300", 300, None, "count", "~")),
    # currencies
    ("The scheme costs £1.2bn.", ("£1.2bn", 1200000000, None, "gbp", "=")),
    ("The contract is worth $5 million.", ("$5 million", 5000000, None, "other", "=")),
    ("The fund holds €30m.", ("€30m", 30000000, None, "other", "=")),
    ("The firm is valued at $2.5bn.", ("$2.5bn", 2500000000, None, "other", "=")),
    ("The economy is worth $2.17T.", ("$2.17T", 2170000000000, None, "other", "=")),
    ("The fund lost €10B.", ("€10B", 10000000000, None, "other", "=")),
    ("The bank lost $300 mln.", ("$300 mln", 300000000, None, "other", "=")),
    # negative and signed numbers
    ("The provider's reserves fell to -£3m.", ("-£3m", -3000000, None, "gbp", "=")),
    ("Real pay growth was minus 2 per cent.", ("minus 2 per cent", -2, None, "percent", "=")),
    # percentages written out
    ("Pay rose 3 per cent.", ("3 per cent", 3, None, "percent", "=")),
    ("Pay rose 3 percent.", ("3 percent", 3, None, "percent", "=")),
    ("Pay rose 3pc.", ("3pc", 3, None, "percent", "=")),
    ("Unemployment rose 0.3 pct in May.", ("0.3 pct", 0.3, None, "percent", "=")),
    ("It fell by a 2 percentage-point margin.", ("2 percentage-point", 2, None, "percent", "=")),
    # a four-digit number that counts is no year; a year in a date is no figure
    ("The population peaked in 2019 at 90,000.", ("90,000", 90000, None, "count", "=")),
    ("In all, 2019 staff left the service.", ("2019", 2019, None, "count", "=")),
])
def test_news_forms(extractor, text, expected):
    assert figures(extractor, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    # "all seven NPS divisions": after "all", "the", "these", a number counts the plural noun
    # that follows, past an acronym or adjectives; before a verb it is a pronoun
    ("Inspectors visited all seven NPS divisions.", [("seven", 7, None, "count", "=")]),
    ("All three inspected regions were short of staff.", [("three", 3, None, "count", "=")]),
    ("The two most under-pressure areas are London and Kent.", [("two", 2, None, "count", "=")]),
    ("These two rely on agency staff.", []),
])
def test_a_number_after_a_determiner(extractor, text, expected):
    assert figures(extractor, text) == expected
