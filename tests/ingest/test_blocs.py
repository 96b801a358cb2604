"""A bloc acting in another organization acts through its member states; an organization never joins itself."""

import datetime as dt

from casus.ingest.blocs import bloc_members, founders_named
from casus.ingest.model import Mention
from casus.kb.events import EventType as T

D = dt.date


def test_a_bloc_leaving_another_organization_is_a_withdrawal_of_its_members(read):
    a = read("L'Alliance des États du Sahel a quitté la CEDEAO le 29 janvier 2024.", "fr", "2024-07-07")
    (ev,) = [e for e in a.events if e.type is T.WITHDRAWAL]
    assert (set(ev.actors), ev.organization, ev.when.start) == ({"BFA", "MLI", "NER"}, "ecowas", D(2024, 1, 29))


def test_the_founders_named_in_the_sentence_found_the_organization_on_the_summit_date(read):
    a = read(
        "Au sommet de Niamey du 6 juillet 2024, les dirigeants ont adopté un traité instituant une confédération "
        "de l'AES entre le Burkina Faso, le Mali et le Niger.",
        "fr",
        "2024-07-08",
    )
    (ev,) = [e for e in a.events if e.type is T.FOUNDING]
    assert (set(ev.actors), ev.organization, ev.when.start) == ({"BFA", "MLI", "NER"}, "aes", D(2024, 7, 6))


def test_joining_forces_is_no_accession(read):
    a = read("Burkina Faso, Mali and Niger join forces in the Alliance of Sahel States.", "en", "2024-07-06")
    assert not [e for e in a.events if e.type is T.ACCESSION]


def test_bloc_members_prefers_the_states_named(kb):
    mali = Mention(0, 4, "Mali", "state", "MLI")
    assert bloc_members(kb, "aes", [mali], D(2024, 7, 7)) == ("MLI",)
    assert bloc_members(kb, "nato", [], D(2024, 7, 7)) is None  # too many to stand for
    assert founders_named(kb, "aes", [mali], D(2024, 7, 7)) == ()  # one state founds nothing


_FR5_08 = (
    "Depuis plusieurs années, le Mali, le Burkina Faso et le Niger font face à une recrudescence des attaques "
    "jihadistes et à une instabilité persistante, alimentée par la mobilité transfrontalière des groupes armés.\n\n"
    "Créée en septembre 2023, l’Alliance des Etats du Sahel a évolué vers une Confédération en juillet 2024, "
    "renforçant ainsi son cadre politique et stratégique. Dans le même temps, {} ont acté leur retrait de la "
    "Communauté économique des États de l’Afrique de l’Ouest (CEDEAO), une décision devenue effective en janvier 2025."
)


def test_the_three_countries_are_the_three_states_the_text_named_together_before(read):
    # fr5-08 (Sahel Intelligence, 22 December 2025): no earlier event had them as actors; a sentence named them
    a = read(_FR5_08.format("les trois pays"), "fr", "2025-12-22")
    (ev,) = [e for e in a.events if e.type is T.WITHDRAWAL]
    assert (set(ev.actors), ev.organization, ev.when.start) == ({"BFA", "MLI", "NER"}, "ecowas", D(2025, 1, 1))
    those = read(_FR5_08.format("ces pays"), "fr", "2025-12-22")  # no count: the last list whatever its length
    assert [set(e.actors) for e in those.events if e.type is T.WITHDRAWAL] == [{"BFA", "MLI", "NER"}]
