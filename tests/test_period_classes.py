"""Year classes of issue 20 that held-back documents showed and dev did not tune for, each on
invented sentences of the class: findings reported after an inspection, a figure's own group
before the date after it, a subordinate clause opening a sentence, a month of a year counted
from the writing, a rate effective from a date, and undated pages dated by what they imply."""
from test_extract import extract
from test_periods import passages_document, rule_of

from extract.period import document_date, written_after
from ingest.model import Document, Passage


def periods(stats):
    return {s.mention: (s.period, s.year) for s in stats}


def news(lines, published):
    doc = passages_document(lines, published)
    doc.kind = "news"
    return doc


def test_findings_after_an_inspection_hold_at_the_inspections_date(extractor):
    lines = ["The probation unit for Northshire has been rated inadequate, inspectors said.",
             "The inspectorate carried out its inspection in October.",
             "The unit scored three inspection points out of a possible 27.",
             "Inspectors said 38% of officer posts were vacant."]
    [stats] = extractor.extract([news(lines, "2024-02-14")])
    assert periods(stats) == {"three": ("2023-10", 2023), "27": ("2023-10", 2023), "38%": ("2023-10", 2023)}
    assert {rule_of(s) for s in stats} == {"inspection"}


def test_fieldwork_dates_in_a_report_date_the_findings_after_them(extractor):
    lines = ["Fieldwork took place between 4 and 15 March 2024 in the delivery unit.",
             "Of the 60 cases we assessed, a third had a sufficient plan to manage risk."]
    [stats] = extractor.extract([passages_document(lines, "2024-07-02")])
    assert periods(stats)["60"] == ("2024-03-15", 2024)


def test_a_date_of_something_else_inspected_or_founded_is_not_carried(extractor):
    lines = ["The report followed an inspection of 70 cases where orders had begun in 2022.",
             "The unit was set up in 2019 under the reforms.",
             "Inspectors said 41% of officer posts were vacant."]
    [stats] = extractor.extract([news(lines, "2024-02-14")])
    assert periods(stats)["41%"] == ("2024-02-14", 2024)
    assert rule_of([s for s in stats if s.mention == "41%"][0]) == "publication"


def test_a_heading_ends_an_inspections_frame(extractor):
    lines = ["Inspectors visited in May 2023 and spoke to staff.", "Background",
             "The region employs 900 officers."]
    doc = passages_document(lines, "2024-01-10", kinds={1: "heading"})
    [stats] = extractor.extract([doc])
    assert periods(stats) == {"900": ("2024-01-10", 2024)}


def test_a_figures_own_bracket_and_whole_do_not_cut_it_from_its_date(extractor):
    _, stats = extract(extractor, "The auditor found a service under strain following changes in 2020, meeting "
                                  "only 30% (eight out of 27) of its targets in 2023-24.", published="2024-11-01")
    assert periods(stats) == {"30%": ("2023/24", 2024), "eight": ("2023/24", 2024), "27": ("2023/24", 2024)}
    assert {rule_of(s) for s in stats} == {"own-clause:after"}


def test_a_date_in_a_subordinate_clause_opening_the_sentence_stays_in_it(extractor):
    _, stats = extract(extractor, "Although ministers pledged 2,000 more officers by April next year, vacancies "
                                  "have risen by 12% and 240 staff left.", published="2024-05-01")
    assert periods(stats) == {"2,000": ("2025-04", 2025), "12%": ("2024-05-01", 2024),
                              "240": ("2024-05-01", 2024)}


def test_a_month_of_last_this_or_next_year_is_counted_from_the_writing(extractor):
    _, stats = extract(extractor, "In March last year the union claimed 6%. In January this year the employer "
                                  "offered 2%. A review in June next year will cover 40 posts.", published="2024-05-01")
    assert periods(stats) == {"6%": ("2023-03", 2023), "2%": ("2024-01", 2024), "40": ("2025-06", 2025)}


def test_a_rise_effective_from_a_date_holds_at_that_date_not_since_it(extractor):
    _, stats = extract(extractor, "The claim was for a 9% increase on all pay points effective from 1 April 2023.",
                       published="2024-03-01")
    assert periods(stats) == {"9%": ("2023-04-01", 2023)}
    _, stats = extract(extractor, "Caseloads have risen by 9% since 1 April 2023.", published="2024-03-01")
    assert periods(stats) == {"9%": ("2023-04-01..2024-03-01", 2024)}


def undated(text, inferred):
    return Document(text=text, file_start=0, source="Napo", published=None, published_inferred=inferred,
                    passages=[Passage("paragraph", 0, len(text), source="Napo")])


def test_an_undated_page_naming_a_month_with_its_year_and_as_last_year_was_written_the_year_after():
    text = "Back in June 2023 the unions lodged a claim. The claim we made in June last year is still unanswered."
    assert written_after(text) == 2024
    assert document_date(undated(text, "2023-06")) == "2024"
    # two Junes with their years: which one "June last year" is cannot be told
    assert written_after("In June 2022 and June 2023 claims were made; in June last year it failed.") is None


def test_an_undated_page_reporting_a_financial_year_was_written_after_it_began_its_later_year(extractor):
    text = ("The auditor said performance fell by 20 percentage points in 2024-25. It found last year that 300 more "
            "staff were needed.")
    assert document_date(undated(text, "2024")) == "2025"
    [stats] = extractor.extract([undated(text, "2024")])
    assert periods(stats) == {"20 percentage points": ("2024/25", 2025), "300": ("2024", 2024)}


def test_a_financial_year_looked_ahead_to_or_a_month_named_outweighs_no_financial_year():
    assert written_after("Budgets for 2026-27 will rise by 3%.") is None
    assert written_after("The board plans to cut 5% by 2026/27.") is None
    # a month and year named is better evidence than a financial year the text names
    assert document_date(undated("Staff will get payments in 2020-21, the offer of April 2018 says.", "2018-04")) \
        == "2018-04"


def test_a_quotation_holds_for_the_period_its_introducing_line_names(extractor):
    lines = ["In its evidence to the 2022 spending review, the inspectorate set out its concerns:",
             "“Officers are struggling: 70 per cent of them hold more than 50 cases.”",
             "The chief inspector said:",
             "“We are seeing 30 per cent of posts vacant.”"]
    [stats] = extractor.extract([passages_document(lines, "2024-03-01")])
    assert periods(stats) == {"70 per cent": ("2022", 2022), "50": ("2022", 2022),
                              "30 per cent": ("2024-03-01", 2024)}
    assert [rule_of(s) for s in stats] == ["quotation-intro", "quotation-intro", "publication"]


def test_a_multi_year_pay_deals_term_runs_from_the_writing_and_its_end_dates_a_table(extractor):
    lines = ["• Every pay point rises in each year of the three-year offer.",
             "• At the end of the three-year period of the offer, the top pay points will be:",
             "Band 3 £32,400 11%", "Band 4 £43,100 12.5%"]
    doc = passages_document(lines, "2023-10-02", kinds={0: "list_item", 1: "list_item"})
    [stats] = extractor.extract([doc])
    assert periods(stats) == {"three-year": ("2023-10-02", 2023), "£32,400": ("2026", 2026), "11%": ("2026", 2026),
                              "£43,100": ("2026", 2026), "12.5%": ("2026", 2026)}


def test_a_deals_term_without_a_time_frame_is_a_label_and_its_length_a_figure_of_the_writing(extractor):
    _, stats = extract(extractor, "Members rejected a 2-year pay offer worth £1,500.", published="2023-10-02")
    assert periods(stats) == {"2-year": ("2023-10-02", 2023), "£1,500": ("2023-10-02", 2023)}
    _, stats = extract(extractor, "Pay will rise by 9% over the two years of the deal.", published="2023-10-02")
    assert periods(stats) == {"9%": ("2023..2025", 2025), "two years": ("2023-10-02", 2023)}


def test_a_list_item_in_the_present_tense_keeps_the_frame_of_its_list(extractor):
    lines = ["• Pay rises for all staff over the two years of the deal (April 2021-March 2023).",
             "• Fully consolidated increases of at least 4% for staff at their band maxima."]
    doc = passages_document(lines, "2021-04-20", kinds={0: "list_item", 1: "list_item"})
    [stats] = extractor.extract([doc])
    assert periods(stats)["4%"] == ("2021-04..2023-03", 2023)
    assert rule_of([s for s in stats if s.mention == "4%"][0]) == "list-item"


def test_the_year_before_counts_from_the_figure_it_is_compared_with(extractor):
    _, stats = extract(extractor, "Last year, 45 people were recalled in Northtown, up from 30 the year before.",
                       published="2024-06-15")
    assert periods(stats) == {"45": ("2023", 2023), "30": ("2022", 2022)}
    assert rule_of(stats[1]) == "previous"


def test_since_an_event_of_a_year_is_a_span_from_that_year(extractor):
    _, stats = extract(extractor, "Since the reforms of 2021, caseloads have risen by 12%.", published="2024-06-15")
    assert periods(stats) == {"12%": ("2021..2024", 2024)}
    _, stats = extract(extractor, "Sickness absence has grown by 9% since it returned to public ownership in 2021.",
                       published="2024-06-15")
    assert periods(stats) == {"9%": ("2021..2024", 2024)}


def test_a_date_in_an_aside_about_another_event_does_not_date_the_figure_after_it(extractor):
    _, stats = extract(extractor, "In 2023, the service, which was reunified in 2021, had 20,000 staff.",
                       published="2024-06-15")
    assert periods(stats) == {"20,000": ("2023", 2023)}
    _, stats = extract(extractor, "The unit (set up in 2019) supervised 1,200 people.", published="2024-06-15")
    assert periods(stats) == {"1,200": ("2024-06-15", 2024)}


def test_a_list_of_dates_and_a_list_of_as_many_figures_pair_in_order(extractor):
    _, stats = extract(extractor, "In 2022 and 2023 there were 800 and 900 leavers.", published="2024-06-15")
    assert periods(stats) == {"800": ("2022", 2022), "900": ("2023", 2023)}
    assert {rule_of(s) for s in stats} == {"respectively"}
    _, stats = extract(extractor, "Leavers rose to 400 and 550 in 2022/23 and 2023/24 respectively.",
                       published="2024-06-15")
    assert periods(stats) == {"400": ("2022/23", 2023), "550": ("2023/24", 2024)}


def test_a_span_opening_a_sentence_is_one_date_not_a_list(extractor):
    _, stats = extract(extractor, "Between 2019 and 2022, 300 and 400 staff left.", published="2024-06-15")
    assert periods(stats) == {"300": ("2019..2022", 2022), "400": ("2019..2022", 2022)}


def test_a_change_named_without_a_direction_holds_over_the_span_and_the_levels_after_at_its_end(extractor):
    _, stats = extract(extractor, "As at 31 March 2024 there were 17,000 FTE staff in post, up 1,200 since 31 March "
                                  "2023. In band 3 there was a minimal change of 255 FTE (0.4%). Of these, 9,000 FTE "
                                  "were band 4 officers.", published="2024-05-20")
    assert periods(stats) == {"17,000": ("2024-03-31", 2024), "1,200": ("2023-03-31..2024-03-31", 2024),
                              "255": ("2023-03-31..2024-03-31", 2024), "0.4%": ("2023-03-31..2024-03-31", 2024),
                              "9,000": ("2024-03-31", 2024)}


def test_a_financial_year_named_as_the_label_of_a_plan_is_no_evidence_of_the_writing():
    assert written_after("The 2026-27 budget rises by 3%. Staff fell in 2024-25.") == 2025
    assert written_after("Unions will lodge the 2025/26 pay claim soon.") is None


def test_a_date_naming_a_thing_frames_no_sentence_after_it(extractor):
    _, stats = extract(extractor, "The award was agreed as part of the 2018 pay deal. It also included a 3% payment.",
                       published="2021-05-07")
    assert periods(stats) == {"3%": ("2021-05-07", 2021)}
    _, stats = extract(extractor, "In the 2022/23 financial year the board met. It found 300 vacancies.",
                       published="2024-05-07")
    assert periods(stats) == {"300": ("2022/23", 2023)}
    _, stats = extract(extractor, "The 2023 figures show 4,000 vacancies. Of these, 1,000 were in London.",
                       published="2024-05-07")
    assert periods(stats) == {"4,000": ("2023", 2023), "1,000": ("2023", 2023)}


def test_since_then_is_a_span_from_the_time_the_text_was_speaking_of(extractor):
    _, stats = extract(extractor, "In March last year the board warned of shortages. Some 40 officers have left "
                                  "since then.", published="2024-05-16")
    assert periods(stats) == {"40": ("2023-03..2024-05", 2024)}
    assert rule_of(stats[0]) == "since-span"
    _, stats = extract(extractor, "Some 40 officers have left since then.", published="2024-05-16")
    assert periods(stats) == {"40": ("2024-05-16", 2024)}


def test_a_header_row_of_dates_on_one_line_gives_each_value_of_a_row_its_column(extractor):
    lines = ["Table 4: Leavers by year", "2020/21 2021/22 2022/23", "Band 3 350 410 470", "Band 4 120 150"]
    [stats] = extractor.extract([passages_document(lines, "2024-06-15")])
    got = [(s.mention, s.period, rule_of(s)) for s in stats]
    assert got[:3] == [("350", "2020/21", "table-column"), ("410", "2021/22", "table-column"),
                       ("470", "2022/23", "table-column")]
    # a row shorter than the header: which value is which year is unknown, none is guessed
    assert [(m, p) for m, p, _ in got[3:]] == [("120", "2024-06-15"), ("150", "2024-06-15")]


def test_a_short_line_holding_a_figure_is_a_table_row_under_the_heading_not_a_heading(extractor):
    lines = ["Vacancies 2023", "London 300", "Wales 120"]
    [stats] = extractor.extract([passages_document(lines, "2024-06-15")])
    assert periods(stats) == {"300": ("2023", 2023), "120": ("2023", 2023)}
    assert {rule_of(s) for s in stats} == {"heading"}


def test_another_event_of_an_inspection_programme_is_no_inspection_date(extractor):
    lines = ["The inspection programme was suspended in March 2020 because of the pandemic.",
             "Inspectors found 41% of officer posts were vacant."]
    [stats] = extractor.extract([news(lines, "2020-09-14")])
    assert periods(stats) == {"41%": ("2020-09-14", 2020)}
    lines = ["The inspection of the unit took place in June 2020.", "Inspectors found 41% of posts were vacant."]
    [stats] = extractor.extract([news(lines, "2020-09-14")])
    assert periods(stats) == {"41%": ("2020-06", 2020)}


def test_a_figure_in_an_aside_of_its_own_is_not_dated_by_the_date_after_the_aside(extractor):
    _, stats = extract(extractor, "All pay points (with two exceptions) rise in each year of the 3-year offer.",
                       published="2022-09-01")
    assert periods(stats) == {"two": ("2022-09-01", 2022), "3-year": ("2022-09-01", 2022)}
