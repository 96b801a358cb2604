"""A third party's confidence or promise that another state will join: a prospect, hypothetical (decision 15)."""

import pytest

from casus.kb.events import EventType as T


def accession(analysis):
    (ev,) = [e for e in analysis.events if e.type is T.ACCESSION]
    return ev


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('"I am confident that Sweden will join NATO," Stoltenberg said on Monday.', "en"),
        (
            "« Je suis absolument confiant dans le fait que la Suède rejoindra également l'Otan », a déclaré lundi M. "
            "Stoltenberg.",
            "fr",
        ),
        ("Я уверен, что Швеция вступит в НАТО, заявил в понедельник Столтенберг.", "ru"),
    ],
)
def test_a_secretary_general_confident_that_sweden_will_join_tells_a_prospect(read, text, lang):
    ev = accession(read(text, lang, "2023-04-04"))
    assert (ev.actors, ev.modality.value, ev.stage, ev.when.start) == (("SWE",), "hypothetical", None, None)


def test_a_commitment_that_ukraine_would_join_is_undated_by_the_week_it_was_told(read):
    # en10-02: "Last week" dates Stoltenberg's words, not Ukraine's accession
    ev = accession(
        read(
            "Last week, NATO Secretary General Jens Stoltenberg indicated that in Lithuania, the Alliance would "
            "“reaffirm” its previous commitment that Ukraine would join NATO in the future.",
            "en",
            "2023-07-11",
        )
    )
    assert (ev.actors, ev.modality.value, ev.stage, ev.when.start) == (("UKR",), "hypothetical", None, None)


def test_the_state_s_own_side_confident_of_joining_stays_its_plan(read):
    ev = accession(
        read(
            "Swedish Prime Minister Ulf Kristersson said on Monday he was confident that Sweden would join NATO.",
            "en",
            "2023-04-04",
        )
    )
    assert (ev.actors, ev.modality.value, ev.stage) == (("SWE",), "asserted", "considering")


@pytest.mark.parametrize(
    "text",
    [
        "L'Ukraine peut s'attendre à recevoir une invitation à adhérer à l'Otan, a indiqué le Premier ministre belge.",
        "La présidente Maia Sandu n’exclut pas que la Moldavie puisse renoncer à sa neutralité pour adhérer à l’Otan.",
    ],
)
def test_joining_a_few_complements_below_a_verb_of_possibility_is_hypothetical(read, text):
    # fr6-05, fr10-12: "peut s'attendre à recevoir une invitation à adhérer", "puisse renoncer … pour adhérer"
    ev = accession(read(text, "fr", "2023-07-11"))
    assert ev.modality.value == "hypothetical"


def test_new_countries_that_could_join_are_no_state_named_before(read):
    # "de nouveaux pays" is some countries, not the last one named (the otsc-expansion example)
    a = read(
        "La Russie dirige l'alliance. Les tensions actuelles pourraient encourager de nouveaux pays à rejoindre "
        "l'Organisation du Traité de sécurité collective (OTSC), a suggéré le secrétaire général.",
        "fr",
        "2024-06-25",
    )
    assert not [e for e in a.events if e.type is T.ACCESSION and e.actors]


def test_a_possible_accession_is_not_dated_by_the_day_it_was_told(read):
    # fr6-05: "mardi" dates the Belgian prime minister's words, not Ukraine's accession (fr10-14 likewise)
    ev = accession(
        read(
            "L'Ukraine peut s'attendre à recevoir une invitation à adhérer à l'Otan, a indiqué mardi le Premier "
            "ministre belge Alexander De Croo.",
            "fr",
            "2023-07-11",
        )
    )
    assert (ev.actors, ev.modality.value, ev.when.start) == (("UKR",), "hypothetical", None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("At the Vilnius summit, Ukraine hopes to receive a clear signal on its NATO membership perspective.", "en"),
        ("Au sommet de Vilnius, l'Ukraine espère recevoir un signal clair sur son adhésion à l'Otan.", "fr"),
    ],
)
def test_a_state_hoping_for_a_step_towards_its_own_membership_intends_to_join(read, text, lang):
    # en10-02: the hope is Ukraine's own (set 5's decision 14), not a third party's (decision 15)
    ev = accession(read(text, lang, "2023-07-11"))
    assert (ev.actors, ev.modality.value, ev.stage) == (("UKR",), "asserted", "considering")
