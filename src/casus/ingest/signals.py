"""Source-quality signals: what a careful reader notices about how an article is sourced and written.

Signals, never verdicts: each one points at a passage (with offsets) or at something missing, and says what
was seen. The reviewer weighs them. Kinds:

* ``unattributed_quote``: a quotation or claim attributed to nobody who can be checked ("selon la source
  faisant autorité", "a source familiar with", "по словам источника", "le responsable a souligné");
* ``rewrite_leftover``: traces of machine rewriting — a persona opening ("En tant qu'observateur…", "As an
  analyst…"), an alternative version left in ("(Alternativement, …"), a paraphrase marker ("En termes
  simples", "Simply put", "Проще говоря"), first-person commentary in a news report;
* ``duplicated_title``: the title repeated as the first line of the body;
* ``no_byline``: no author named;
* ``no_source_link``: no link to the original, although the article relays another outlet (TASS…) or an
  interview;
* ``no_date``: no publication date in the document;
* ``held_back`` (added by the pipeline, not here): an event the learned event scorer put under its threshold
  (:func:`casus.ingest.ranking.held_signals`).
"""

from __future__ import annotations

import re

from casus.ingest.model import Document, Signal

_F = re.IGNORECASE | re.UNICODE

_UNATTRIBUTED = [
    re.compile(p, _F)
    for p in (
        r"selon (?:la|une|des|certaines|nos) sources?(?: [\w'’-]+){0,3}",
        r"de source (?:sûre|proche|autorisée|bien informée)",
        r"selon certaines informations",
        r"(?:le|un) (?:haut )?responsable (?:a|avait) (?:souligné|déclaré|affirmé|indiqué)",
        r"according to (?:a|an|the|some) (?:\w+ )?sources?(?: [\w'-]+){0,3}",
        r"(?:a |one )?sources? (?:close to|familiar with|said|told)",
        r"an official (?:said|told|stressed)",
        r"(?:по словам|по данным|по информации|как сообщил) (?:[\w-]+ )?источник\w*",
        r"источник\w* (?:сообщил|рассказал|заявил)\w*",
    )
]
_REWRITE = [
    (re.compile(p, _F), detail)
    for p, detail in (
        (
            r"\ben tant qu['’](?:observateur|observatrice|analyste|expert|experte|amateur|passionné)\w*[^.,;]*",
            "persona opening",
        ),
        (r"\ben tant que (?:modèle|IA|journaliste|lecteur|spécialiste)[^.,;]*", "persona opening"),
        (r"\bas an? (?:observer|analyst|AI|language model|expert|enthusiast|keen observer)[^.,;]*", "persona opening"),
        (r"(?<!\w)как (?:наблюдатель|аналитик|эксперт|языковая модель)[^.,;]*", "persona opening"),
        (r"\(\s*(?:alternativement|alternatively|альтернативно|или же)\b[^)]*\)?", "alternative version left in"),
        (
            r"\b(?:en termes simples|pour faire simple|in simple terms|simply put|to put it simply)\b",
            "paraphrase marker",
        ),
        (r"(?<!\w)(?:проще говоря|простыми словами)(?!\w)", "paraphrase marker"),
        (r"\b(?:je trouve|j['’]ai remarqué|je pense que|i find|i noticed|i believe)\b", "first-person commentary"),
    )
]
_RELAYED = re.compile(
    r"(?:\b(?:TASS|ТАСС|RIA|РИА|Interfax|Интерфакс|Reuters|AFP|AP|Sputnik|Спутник)\b|"
    r"\b(?:interview|entretien|интервью)\b)",
    _F,
)


def assess(doc: Document) -> tuple[Signal, ...]:
    """Source-quality signals of one document, in text order (missing things last)."""
    text = doc.text
    out: list[Signal] = []
    if doc.decoding:
        out.append(Signal("decoding", f"the text may not be exactly as written: {doc.decoding}"))
    for pattern in _UNATTRIBUTED:
        for m in pattern.finditer(text):
            out.append(
                Signal(
                    "unattributed_quote",
                    "claim or quote attributed to nobody checkable",
                    m.start(),
                    m.end(),
                    m.group(0),
                )
            )
    for pattern, detail in _REWRITE:
        for m in pattern.finditer(text):
            out.append(Signal("rewrite_leftover", detail, m.start(), m.end(), m.group(0)))
    lines = [(m.start(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    if len(lines) >= 2 and lines[0][1] == lines[1][1]:
        start = lines[1][0]
        out.append(
            Signal(
                "duplicated_title",
                "the title is repeated as the first line of the body",
                start,
                start + len(lines[1][1]),
                lines[1][1],
            )
        )
    elif doc.title and len(lines) >= 2 and lines[1][1] == doc.title:
        out.append(
            Signal(
                "duplicated_title",
                "the title is repeated as the first line of the body",
                lines[1][0],
                lines[1][0] + len(doc.title),
                doc.title,
            )
        )
    out.sort(key=lambda s: (s.start or 0, s.kind))
    if not doc.byline:
        out.append(Signal("no_byline", "no author is named"))
    if not doc.links:
        relayed = _RELAYED.search(text)
        if relayed:
            out.append(
                Signal(
                    "no_source_link",
                    f"relays {relayed.group(0)} without a link to the original",
                    relayed.start(),
                    relayed.end(),
                    relayed.group(0),
                )
            )
        else:
            out.append(Signal("no_source_link", "no link to any original source"))
    if doc.published is None:
        out.append(Signal("no_date", "the document gives no publication date; relative dates are unresolved"))
    return tuple(_dedupe(out))


def _dedupe(signals: list[Signal]) -> list[Signal]:
    seen: list[tuple[int, int]] = []
    out = []
    for s in signals:
        if s.start is not None and s.end is not None:
            if any(s.start < e and b < s.end for b, e in seen):
                continue
            seen.append((s.start, s.end))
        out.append(s)
    return out
