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
