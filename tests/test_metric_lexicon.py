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
    ("There were 380 vacant band 4 probation officer posts last winter.", "380", "vacancies"),
    ("Some 41,000 people were on licence at the end of June.", "41,000", "people_supervised"),
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


@pytest.mark.parametrize("text,mention,metric", [
    # sentences of the kinds the service's statistics are told in, one or two figures each
    ("The number of probation officers in post fell to 4,100 in March.", "4,100", "staff_in_post"),
    ("Across England and Wales there were 1,350 vacancies for qualified officers.", "1,350", "vacancies"),
    ("One in five probation officer posts in London is vacant, a rate of 20%.", "20%", "vacancy_rate"),
    ("The Probation Service recruited 1,500 trainee officers in 2023.", "1,500", "recruitment"),
    ("Over 2,000 staff quit the service last year, the highest number on record.", "2,000", "leavers"),
    ("Some officers are managing caseloads of over 80 people.", "80", "caseload"),
    ("Inspectors found that in 60% of cases the work to keep people safe was insufficient.", "60%", "cases_meeting_standard"),
    ("The MoJ will invest an extra £155 million a year in probation.", "£155 million", "funding"),
    ("The department spent £467 million more than planned on the contracts.", "£467 million", "spend"),
    ("Napo members voted by 83% to accept the offer.", "83%", "ballot"),
    ("Turnout was 45%, below the legal threshold of 50%.", "45%", "ballot"),
    ("The Probation Service supervises around 240,000 people.", "240,000", "people_supervised"),
    ("Recalls to prison rose by 12% to 31,000 in the year to June.", "31,000", "recall_population"),
    ("Recalls to prison rose by 12% to 31,000 in the year to June.", "12%", "recall_population"),
    ("The proven reoffending rate for adults released from custody was 37%.", "37%", "reoffending"),
    ("Band 4 officers will get a pay rise of 5.5% from April.", "5.5%", "pay_award"),
    ("A newly qualified officer earns £33,000.", "£33,000", "salary"),
    ("Probation officers' pay has fallen by 15% in real terms since 2010.", "15%", "pay_change"),
    ("The service now employs 19,000 full-time equivalent staff.", "19,000", "staff_in_post"),
    ("HMPPS estimates that it needs 1,800 more officers to meet demand.", "1,800", "staff_shortage"),
    ("The shortfall in qualified staff is now 1,700 officers.", "1,700", "staff_shortage"),
    ("More than half of the 12 regions had caseloads above 120%.", "120%", "workload"),
    ("The average workload was 118% of capacity.", "118%", "workload"),
    ("The sickness absence rate among officers averaged 14.2 days per person.", "14.2 days", "other"),
    ("Only 47% of staff who responded to the survey said they felt valued.", "47%", "survey"),
    ("There were 4,700 referrals to accredited programmes in the year.", "4,700", "referrals"),
    ("Around 35% of people on probation have a drug misuse need.", "35%", "drug_misuse"),
    ("The prison population in England and Wales reached 88,000 in 2024.", "88,000", "prison_population"),
    ("The leaving rate for band 3 officers was 14.5%, up 1.2 percentage points.", "1.2 percentage points", "leavers"),
    ("The leaving rate for band 3 officers was 14.5%, up 1.2 percentage points.", "14.5%", "leavers"),
    ("The number of staff in post increased by 830 (4.9%) over the year.", "830", "staff_in_post"),
    ("The number of staff in post increased by 830 (4.9%) over the year.", "4.9%", "staff_in_post"),
    ("Vacancies fell by 300 compared with the previous quarter.", "300", "vacancies"),
    ("Electronic monitoring contracts were worth £1.1 billion.", "£1.1 billion", "spend"),
    ("Each probation officer costs around £45,000 a year to employ.", "£45,000", "cost"),
    ("The ministry met 7 of its 18 performance measures.", "7", "targets_met"),
    ("The ministry met 7 of its 18 performance measures.", "18", "targets_total"),
    ("Some 3,200 staff joined the service in 2024, while 2,400 left.", "3,200", "recruitment"),
    ("Some 3,200 staff joined the service in 2024, while 2,400 left.", "2,400", "leavers"),
    ("The union, which represents 9,000 probation workers, balloted its members.", "9,000", "union_membership"),
    ("Inflation, measured by CPI, was 11.1% in October 2022.", "11.1%", "inflation"),
    ("Overall, 72% of the assessments we inspected were sufficiently analytical.", "72%", "assessment_quality"),
    ("A total of 19,823 people were tested for drugs while on licence.", "19,823", "testing"),
    ("The service has 650 approved premises beds, of which 90% were occupied.", "650", "other"),
    ("Staff in post rose to 22,000 FTE, an increase of 1,100.", "1,100", "staff_in_post"),
    ("Officers told us they had 70 cases each, far above the 50 recommended.", "70", "caseload"),
    ("PSOs start on a salary of £24,000, rising to £28,000.", "£28,000", "salary"),
    ("The workforce grew by 6% in the year to March.", "6%", "staff_in_post"),
    ("Some 19% of new recruits left within a year of joining.", "19%", "leavers"),
    ("The government announced £93 million for the expansion of electronic tagging.", "£93 million", "funding"),
    ("The contract with the provider was terminated early at a cost of £171 million.", "£171 million", "cost"),
])
def test_statements_of_the_service(extractor, text, mention, metric):
    doc = extractor.nlp(text)
    assert {s.text: s._.metric for s in doc.spans["figures"]}[mention] == metric


@pytest.mark.parametrize("text,mention,metric", [
    # a figure's own clause and noun against the other clause's words; verbs of amount
    # ("caseloads average 48 cases"); new money, people monitored, unpaid work
    ("Although recruitment has improved, the service still has 1,900 fewer officers than it needs.", "1,900", "staff_shortage"),
    ("While vacancies have fallen, 23% of staff left the service in the year.", "23%", "leavers"),
    ("Despite a pay award of 4%, officers' pay remains 20% lower in real terms than in 2010.", "20%", "pay_change"),
    ("The MoJ said it had recruited 4,000 trainees, but 1,000 posts remain vacant.", "1,000", "vacancies"),
    ("The MoJ said it had recruited 4,000 trainees, but 1,000 posts remain vacant.", "4,000", "recruitment"),
    ("Staffing levels in Kent are at 65% of the target.", "65%", "staff_in_post"),
    ("In London, caseloads have risen to an average of 52 per officer.", "52", "caseload"),
    ("Vacancy rates reached 25% in the South East, up from 18% a year earlier.", "18%", "vacancy_rate"),
    ("The union's members rejected the offer, with 78% voting against.", "78%", "ballot"),
    ("The service employs 21,000 people, of whom 5,500 are probation officers.", "5,500", "staff_in_post"),
    ("The 2023 award added £1,500 to every pay point.", "£1,500", "pay_award"),
    ("Around 9,500 people were subject to electronic monitoring in March.", "9,500", "people_supervised"),
    ("Three in ten officers said they planned to leave within two years.", "Three in ten", "survey"),
    ("Only 11% of the cases inspected had a good-quality risk assessment.", "11%", "assessment_quality"),
    ("HMPPS needs to recruit 1,500 officers a year to keep pace with leavers.", "1,500", "recruitment"),
    ("Of the 27 performance measures, 8 were met.", "8", "targets_met"),
    ("Of the 27 performance measures, 8 were met.", "27", "targets_total"),
    ("Probation staff sickness rose to an average of 13 days.", "13 days", "other"),
    ("The government promised 1,000 extra probation officers.", "1,000", "recruitment"),
    ("Nearly 2,000 unpaid work hours were lost because of staff shortages.", "2,000", "other"),
    ("The CRC was fined £2.3m for missing targets.", "£2.3m", "other"),
    ("Napo has around 7,000 members.", "7,000", "union_membership"),
    ("Caseloads in Wales average 48 cases.", "48", "caseload"),
    ("There were 6,980 probation officers in post on 31 March, up 5% on the year.", "5%", "staff_in_post"),
    ("There were 6,980 probation officers in post on 31 March, up 5% on the year.", "6,980", "staff_in_post"),
    ("Some 1,200 trainees qualified as probation officers in 2024.", "1,200", "recruitment"),
    ("Staff turnover was 11.2% in 2023, against 9.8% in 2022.", "9.8%", "leavers"),
    ("Workloads in some teams are running at 140%.", "140%", "workload"),
    ("One in three people on probation is unemployed.", "One in three", "other"),
])
def test_own_clause_statements(extractor, text, mention, metric):
    doc = extractor.nlp(text)
    assert {s.text: s._.metric for s in doc.spans["figures"]}[mention] == metric


@pytest.mark.parametrize("text,mention,metric", [
    # headings and labels lend a short line their metric; future spending is funding; shares
    # lost; what people said; posts advertised; learners on a qualification
    ("Table 3: Leavers by grade, year to March 2024\nBand 3 PSO: 1,234\nBand 4 PO: 876", "876", "leavers"),
    ("Table 2: Staff in post (FTE) by region\nLondon: 2,310\nWales: 1,020", "1,020", "staff_in_post"),
    ("Caseloads\nThe average officer now holds 55 cases.", "55", "caseload"),
    ("Recall\nThe figure rose to 14,000 in June.", "14,000", "recall_population"),
    ("“We are short of 1,500 officers,” the general secretary said.", "1,500", "staff_shortage"),
    ("Local probation teams in Kent are 40% below their target staffing level.", "40%", "staff_shortage"),
    ("The county's probation office has lost a quarter of its officers since 2021.", "a quarter", "leavers"),
    ("In Leeds, 3 in 10 officer posts are empty.", "3 in 10", "vacancy_rate"),
    ("The trust supervised 4,200 offenders in 2013.", "4,200", "people_supervised"),
    ("Ministers will spend £150 million on 1,000 new officers.", "£150 million", "funding"),
    ("Ministers will spend £150 million on 1,000 new officers.", "1,000", "recruitment"),
    ("The union says members face a real-terms pay cut of 6%.", "6%", "pay_change"),
    ("Probation workers will receive a pay rise of 6.5% this year.", "6.5%", "pay_award"),
    ("The 5% uplift will be backdated to April.", "5%", "pay_award"),
    ("Over 60% of officers said their caseload was unmanageable.", "60%", "survey"),
    ("The service aims to recruit 1,000 trainees a year.", "1,000", "recruitment"),
    ("Almost 30% of those released from prison reoffend within a year.", "30%", "reoffending"),
    ("Around 1,700 people were recalled last month alone.", "1,700", "recall_population"),
    ("There are 12 probation regions, each with its own director.", "12", "other"),
    ("A total of 215 new probation officers qualified in March.", "215", "recruitment"),
    ("More than 600 posts are being advertised.", "600", "vacancies"),
    ("Staff numbers have fallen by 1,300 since 2019.", "1,300", "staff_in_post"),
    ("Only 38% of cases had a sufficient plan for managing risk.", "38%", "cases_meeting_standard"),
    ("The PQiP programme had 1,800 learners in 2023.", "1,800", "recruitment"),
])
def test_headings_labels_and_verbs(extractor, text, mention, metric):
    doc = extractor.nlp(text)
    assert {s.text: s._.metric for s in doc.spans["figures"]}[mention] == metric
