"""Who applied or joined when the text says "the Nordic nation", and membership applications named first.

The state a later "the country" / "the Nordic nation" stands for in a membership change is the last state that
joined or applied, not the state named last ("… Putin's decision to invade Ukraine last year. The Nordic nation
is the 31st country to join the alliance"); "NATO membership applications" is an application though the
membership word comes first, and "prompted by Russia's invasion" after a comma does not make Russia the applicant.
"""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def of_type(analysis, kind):
    return [e for e in analysis.events if e.type is kind]


def test_the_nordic_nation_is_the_state_that_joins_not_the_one_named_last(read):
    a = read(
        "Finland joins NATO as 31st member\n\n"
        "Finland on Tuesday became an official member of the NATO military alliance, prompted by Russian President "
        "Vladimir Putin's decision to invade Ukraine last year.\n"
        "The Nordic nation is the 31st country to join the alliance, which vows in its treaty that an attack on one "
        "of its members is an attack on them all.",
        "en",
        "2023-04-04",
    )
    assert {e.actors for e in of_type(a, T.ACCESSION)} == {("FIN",)}


def test_the_nordic_nation_applied_last_year(read):
    a = read(
        "Finland is set to become an official member of NATO on Tuesday, the defense alliance's head said Monday. "
        "The Nordic nation submitted an application to join NATO last year after its neighbor Russia invaded "
        "Ukraine.",
        "en",
        "2023-04-03",
    )
    (app,) = of_type(a, T.APPLICATION)
    assert (app.actors, app.organization, app.when.start, app.when.end) == (
        ("FIN",),
        "nato",
        D(2022, 1, 1),
        D(2022, 12, 31),
    )
    (acc,) = of_type(a, T.ACCESSION)
    assert (acc.actors, acc.stage, acc.when.start) == (("FIN",), "considering", D(2023, 4, 4))


def test_membership_applications_of_two_states_not_of_the_invader(read):
    a = read(
        "Sweden and Finland submitted their NATO membership applications in May 2022, prompted by Russia's "
        "invasion of Ukraine earlier that year.",
        "en",
        "2024-01-24",
    )
    (app,) = of_type(a, T.APPLICATION)
    assert (set(app.actors), app.when.start, app.when.end) == ({"SWE", "FIN"}, D(2022, 5, 1), D(2022, 5, 31))


def test_a_number_with_a_comma_still_reaches_the_agent(read):
    a = read("The dispatch of 10,000 troops by Pyongyang was confirmed on Monday.", "en", "2024-11-05")
    (dep,) = of_type(a, T.DEPLOYMENT)
    assert dep.actors == ("PRK",)


def test_a_state_inside_an_opening_adverbial_is_not_one_of_the_applicants(read):
    # en8-03 (24 January 2024): Ukraine is where the invasion was, not an applicant
    a = read(
        "After the start of Russia's full-scale invasion of Ukraine, Sweden and Finland decided to abandon their "
        "neutral status and applied to join NATO.",
        "en",
        "2024-01-24",
    )
    assert [e.actors for e in a.events if e.type is T.APPLICATION] == [("SWE", "FIN")]


def test_a_candidacy_or_an_application_submitted_is_an_application(read):
    # Mehr News, 2023-07-04 (en9-14); Pledge Times, 2024-03-11 (en9-04); Vestnik Kavkaza, 2024-03-07 (ru7-05)
    iran = read(
        "Iran submitted its initial application to the alliance 15 years ago. Iran joined the SCO.", "en", "2023-07-04"
    )
    nordics = read(
        "In May 2022, Sweden and Finland announced their candidacy to join the alliance, abandoning decades of "
        "neutrality. Sweden joined NATO.",
        "en",
        "2024-03-11",
    )
    sweden = read(
        "Правительство Швеции направило заявку о желании присоединиться к альянсу НАТО в один день с Финляндией.",
        "ru",
        "2024-03-07",
    )
    (a,) = [e for e in iran.events if e.type is T.APPLICATION]
    assert (a.organization, a.actors, a.when.start) == ("sco", ("IRN",), dt.date(2008, 1, 1))
    (b,) = [e for e in nordics.events if e.type is T.APPLICATION]
    assert (b.organization, set(b.actors), b.when.start) == ("nato", {"SWE", "FIN"}, dt.date(2022, 5, 1))
    assert [(e.organization, e.actors) for e in sweden.events if e.type is T.APPLICATION] == [("nato", ("SWE",))]
