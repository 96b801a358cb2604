"""A state acting "along with" another: both are the actors (issue #10, set 11's en11-03).

"Finland, along with Sweden, formally applied to join NATO last May" is one application by both states (en11-03's
gold). The same comitatives are read in French ("aux côtés de", "conjointement avec") and Russian ("вместе с(о)",
"совместно с"). A state merely compared ("un pays ... tout comme la Suède") is no co-actor.
"""

from casus.kb.events import EventType as T


def applications(analysis):
    return [e for e in analysis.events if e.type is T.APPLICATION]


def test_along_with_adds_the_state_to_the_subject(read):
    # en11-03, its fourth sentence
    a = read(
        "Abandoning decades of military non-alignment after the launch of Russia’s war on Ukraine last year in "
        "February, Finland, along with Sweden, formally applied to join NATO last May.",
        "en",
        "2023-03-30",
    )
    (ev,) = applications(a)
    assert (set(ev.actors), ev.organization, ev.when.text) == ({"FIN", "SWE"}, "nato", "last May")


def test_a_state_only_compared_is_no_co_actor(read):
    # a constructed guard after fr6's "un pays traditionnellement non-aligné militairement - tout comme la Suède"
    a = read(
        "La Finlande a demandé à adhérer à l'OTAN en mai 2022, un pays non-aligné tout comme la Suède.",
        "fr",
        "2023-03-30",
    )
    (ev,) = applications(a)
    assert ev.actors == ("FIN",)
