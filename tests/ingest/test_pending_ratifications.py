"""Who has not ratified another state's accession, and when not ratifying was only a delay (sets 7, 8, 10)."""

from casus.kb.events import EventType as T


def memberships(analysis):
    return [e for e in analysis.events if e.type in (T.ACCESSION, T.APPLICATION)]


def accessions(analysis):
    return [e for e in analysis.events if e.type is T.ACCESSION]


def test_the_only_member_not_to_have_ratified_is_the_state_a_copula_names(read):
    # ru8-04 and ru10-12: the relative or participial clause describes the noun "Венгрия" is said to be
    texts = [
        "Теперь, единственной страной-членом НАТО, которая еще не ратифицировала заявку Швеции на присоединение, "
        "остается Венгрия.",
        "В настоящее время единственным членом альянса, не одобрившим заявку Швеции, является Венгрия.",
    ]
    for text in texts:
        (ev,) = accessions(read(text, "ru", "2024-01-25"))
        assert (ev.actors, ev.modality.value, ev.stage) == (("HUN",), "negated", "ratification")
        assert ev.when.start is None  # "В настоящее время": not ratified so far, on no day of its own


def test_a_long_delay_told_in_the_past_is_no_denial(read):
    # set 10's decision 101 (ru7-05, ru10-03, ru10-12): "долгое время не ратифицировали" is a delay since ended
    texts = [
        "Заявку Швеции долгое время не ратифицировали Турция и Венгрия.",
        "Венгрия — последняя из стран НАТО, которая в течение почти двух лет не одобряла заявку на вступление "
        "Швеции в эту организацию.",
    ]
    for text in texts:
        assert not [e for e in memberships(read(text, "ru", "2024-03-07")) if e.modality.value == "negated"]


def test_a_denial_still_in_force_stays_negated(read):
    # no long while ("еще не"), or a present perfect ("has not ratified for months"): still not ratified
    (ru,) = accessions(read("Венгрия еще не ратифицировала заявку Швеции на вступление в НАТО.", "ru", "2024-01-25"))
    assert (ru.actors, ru.modality.value, ru.stage) == (("HUN",), "negated", "ratification")
    (en,) = accessions(read("Hungary has not ratified Sweden's NATO accession for months.", "en", "2024-01-25"))
    assert (en.actors, en.modality.value) == (("HUN",), "negated")


def test_a_ratification_of_an_application_names_that_application_undated(read):
    # set 10's decision 112 (set 5's decision 14): en10-03, ru10-12
    for text, lang, pub in [
        ("The Hungarian parliament has ratified Sweden's application for NATO membership.", "en", "2024-02-26"),
        ("Парламент Турции на заседании 23 января одобрил заявку Швеции на вступление в НАТО.", "ru", "2024-01-23"),
    ]:
        a = read(text, lang, pub)
        (bid,) = [e for e in a.events if e.type is T.APPLICATION]
        assert (bid.actors, bid.modality.value, bid.stage, bid.when.start) == (("SWE",), "asserted", None, None)
        (step,) = [e for e in a.events if e.type is T.ACCESSION]
        assert step.stage == "ratification" and step.actors != ("SWE",)


def test_a_ratification_of_an_accession_names_no_application(read):
    a = read("Le parlement turc a ratifié jeudi l'adhésion de la Finlande à l'OTAN.", "fr", "2023-03-31")
    assert not [e for e in a.events if e.type is T.APPLICATION]


def test_of_two_subjects_the_parser_gives_a_ratifying_verb_the_nearest_before_it_ratified(read):
    # fr10-03: "approbation" and "Turquie" both hang on "ratifié" as subjects; Turkey ratified on Tuesday
    a = read(
        "Pour en faire officiellement partie, il ne lui manque plus que l'approbation de la Hongrie puisque, "
        "depuis ce mardi, la Turquie a ratifié son adhésion à l'Otan.",
        "fr",
        "2024-01-24",
    )
    steps = [e for e in accessions(a) if e.stage == "ratification" and e.modality.value == "asserted"]
    assert [(e.actors, e.when.start.isoformat()) for e in steps] == [(("TUR",), "2024-01-23")]
