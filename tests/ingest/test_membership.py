"""Membership acts of states: suspensions, withdrawals, refusals and their dates (issue #10, real sentences)."""

import datetime as dt

import pytest

from casus.kb.events import EventType as T

D = dt.date


def of_type(analysis, type_):
    return [e for e in analysis.events if e.type is type_]


def test_an_act_told_as_earlier_takes_no_date_from_the_next_sentence(read):
    # Hürriyet Daily News, 2024-06-13 (development set 3, en3-11): the lemma of "earlier" is "early"
    a = read(
        "Amid the widening rift with Russia, Armenia earlier froze its participation in the alliance, canceled its "
        "involvement in joint military drills and snubbed CSTO summits.\n"
        "Pashinyan said on June 12 for the first time that Armenia will leave CSTO altogether.",
        "en",
        "2024-06-13",
    )
    (freeze,) = of_type(a, T.SUSPENSION)
    assert (freeze.actors, freeze.when.start) == (("ARM",), None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # RBC, 2024-11-26 (development set 4, ru4-02)
        ("Ранее Армения отказалась участвовать в учениях ОДКБ, которые прошли в Киргизии с 3 по 15 сентября.", "ru"),
        (
            "Plus tôt, l'Arménie a refusé de participer aux exercices de l'OTSC, qui se sont tenus "
            "du 3 au 15 septembre.",
            "fr",
        ),
        (
            "Earlier, Armenia refused to take part in the CSTO drills, which were held in Kyrgyzstan "
            "from 3 to 15 September.",
            "en",
        ),
    ],
)
def test_a_refusal_takes_the_dates_of_the_exercise_it_refuses(read, text, lang):
    (refusal,) = of_type(read(text, lang, "2024-11-26"), T.REFUSAL)
    assert (refusal.actors, refusal.organization) == (("ARM",), "csto")
    assert (refusal.when.start, refusal.when.end) == (D(2024, 9, 3), D(2024, 9, 15))


def test_a_refusal_reported_by_someone_takes_the_summit_s_date(read):
    # RBC, 2024-11-26 (development set 4, ru4-02): the speaker is named by the next sentence
    a = read(
        "Армения не будет участвовать в саммите ОДКБ в Астане, который начнется 28 ноября. Об этом журналистам "
        "сообщил помощник президента России Юрий Ушаков.",
        "ru",
        "2024-11-26",
    )
    (refusal,) = of_type(a, T.REFUSAL)
    assert (refusal.actors, refusal.when.start) == (("ARM",), D(2024, 11, 28))
