"""Which organization or pact: conventions read from the knowledge base (casus.ingest.pacts)."""

import datetime as dt

from casus.ingest.pacts import founders
from casus.kb.events import EventType as T

D = dt.date


def foundings(analysis):
    return [e for e in analysis.events if e.type is T.FOUNDING]


def test_founders_are_the_states_of_the_first_day(kb):
    assert founders(kb, "aukus") == ("AUS", "GBR", "USA")
    assert founders(kb, "us-philippines-1951") == ("PHL", "USA")
    assert founders(kb, "no-such-pact") == ()


def test_a_founding_told_without_its_parties_is_theirs_fr(read):
    # fr5-07 (onemedia.fr, 5 December 2025): the second sentence, which dates it, names no party of AUKUS
    a = read(
        "Le pacte Aukus est présenté comme un moyen de contenir l’influence chinoise dans le Pacifique. "
        "Ce pacte, signé en 2021 sous l’administration Biden, visait à contrer l’influence chinoise "
        "dans le Pacifique.",
        "fr",
        "2025-12-05",
    )
    (ev,) = foundings(a)
    assert (ev.organization, set(ev.actors), ev.when.start) == ("aukus", {"AUS", "GBR", "USA"}, D(2021, 1, 1))


def test_a_founding_told_without_its_parties_is_theirs_en(read):
    # en5-15 (TASS, 1 September 2025)
    (ev,) = foundings(read("The SCO was founded on June 15, 2001, in Shanghai.", "en", "2025-09-01"))
    assert ev.organization == "sco" and {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"} <= set(ev.actors)


def test_a_founding_told_without_its_parties_is_theirs_ru(read):
    # heldout4 ru (an SCO article of 2025): "Напомним, ШОС, основанная в 2001 году, объединяет …"
    a = read("Напомним, ШОС, основанная в 2001 году, объединяет под собой Россию, Индию и Китай.", "ru", "2025-07-04")
    (ev,) = foundings(a)
    assert ev.organization == "sco" and {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"} <= set(ev.actors)
