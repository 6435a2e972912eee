"""The metric lexicon (extract/lexicons/metrics.yml) covers the common words of each metric's
class: synonyms, plurals, British spellings. One invented sentence per word, with the metric the
figure takes."""
import pytest


def metric_of(extractor, text, mention):
    doc = extractor.nlp(text)
    return {s.text: s._.metric for s in doc.spans["figures"]}[mention]


@pytest.mark.parametrize("text,mention,metric", [
    ("The vacancy level stood at 18% in the north.", "18%", "vacancy_rate"),
    ("Some 14% of positions remained unfilled.", "14%", "vacancy_rate"),
    ("There are 620 posts still to be filled.", "620", "vacancies"),
    ("The headcount was 19,300 at the end of March.", "19,300", "staff_in_post"),
    ("There were 17,500 FTE in the service.", "17,500", "staff_in_post"),
    ("The service had 3,550 officers in post.", "3,550", "staff_in_post"),
    ("The company has 900 employees across the region.", "900", "staff_in_post"),
    ("Teams are under-resourced by 15% in the capital.", "15%", "staff_shortage"),
    ("There were 2,100 joiners in the year.", "2,100", "recruitment"),
    ("The autumn intake was 1,100 trainees.", "1,100", "recruitment"),
    ("There were 1,900 leavers in the year.", "1,900", "leavers"),
    ("Staff turnover reached 12% last year.", "12%", "leavers"),
    ("Attrition among officers was 9% last year.", "9%", "leavers"),
    ("Resignations rose to 1,400 in the year.", "1,400", "leavers"),
    ("Some 600 officers retired in the year.", "600", "leavers"),
    ("Officers carry case-loads of 70 each.", "70", "caseload"),
    ("There are 55 offenders per officer in the north.", "55", "caseload"),
    ("Staff reported workloads at 130% of capacity.", "130%", "workload"),
    ("Some 70% of practitioners are overworked.", "70%", "workload"),
    ("The service met 12 of its KPIs.", "12", "targets_met"),
    ("Staff receive a 5% pay award this year.", "5%", "pay_award"),
    ("A one-off bonus of £1,500 was paid to all staff.", "£1,500", "pay_award"),
    ("Officers are paid £38,000 per annum.", "£38,000", "salary"),
    ("Pay has fallen by 20% in real terms since 2010.", "20%", "pay_change"),
    ("The probation budget was £1.2bn in the year.", "£1.2bn", "funding"),
    ("The government earmarked £75m for the service.", "£75m", "funding"),
    ("Total spending on probation was £1.1bn in the year.", "£1.1bn", "spend"),
    ("Expenditure on the contracts reached £900m in the year.", "£900m", "spend"),
    ("The contract was worth £3.7bn.", "£3.7bn", "spend"),
    ("The tagging service cost £60m to set up.", "£60m", "cost"),
    ("There are 240,000 people on probation.", "240,000", "people_supervised"),
    ("About 65,000 offenders are serving community sentences.", "65,000", "people_supervised"),
    ("Some 40% of those supervised had a drug problem.", "40%", "drug_misuse"),
    ("About 30% had an alcohol dependency.", "30%", "drug_misuse"),
    ("There were 8,000 referrals to the scheme.", "8,000", "referrals"),
    ("Some 12% of tests came back positive.", "12%", "testing"),
    ("There were 12,000 recalls to custody in the year.", "12,000", "recall_population"),
    ("Over 9,000 people were returned to prison for breaching their licence.", "9,000", "recall_population"),
    ("The prison population reached 88,000.", "88,000", "prison_population"),
    ("There are 87,000 people behind bars in England and Wales.", "87,000", "prison_population"),
    ("The proven reoffending rate was 25%.", "25%", "reoffending"),
    ("There were 550 serious further offences in the year.", "550", "reoffending"),
    ("Only 40% of cases met the required standard.", "40%", "cases_meeting_standard"),
    ("Just 45% of cases were judged satisfactory.", "45%", "cases_meeting_standard"),
    ("The union has 9,000 members in probation.", "9,000", "union_membership"),
    ("Turnout in the ballot was 52%.", "52%", "ballot"),
    ("In the staff survey 62% of respondents were positive.", "62%", "survey"),
    ("Some 58% agreed that their workload was too high.", "58%", "survey"),
    ("CPIH inflation stood at 4.7% in the year.", "4.7%", "inflation"),
    ("The retail prices index rose 9%.", "9%", "inflation"),
])
def test_class_words_name_their_metric(extractor, text, mention, metric):
    assert metric_of(extractor, text, mention) == metric
